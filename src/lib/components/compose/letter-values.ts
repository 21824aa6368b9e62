/**
 * What the composer's inputs hold (text as typed) and what a draft stores
 * (letter field values: cents for money, a list of lines for lists). Pure and
 * light: it ships with the composer's first load, so it reads the letters'
 * data only (title, fields), never the letter engine; rendering letters and
 * due dates is in letter-engine.ts, loaded after the page.
 */
// Deep imports on purpose: the barrel would pull the whole engine into the first load.
import { isIsoDate } from '$lib/cora/calendar/iso-date';
import { REQUEST_TEMPLATE_INFO } from '$lib/cora/letters/request-template-info';
import type { LetterField, Locale, RequestTemplateId } from '$lib/cora';

/** The letters the composer offers: a first request, the SB21-131 request log, a specific subpoena or arrangement. */
export const COMPOSER_TEMPLATES = ['initial_request', 'immigration_enforcement_records', 'subpoena_or_data_sharing'] as const satisfies readonly RequestTemplateId[];
export type ComposerTemplateId = (typeof COMPOSER_TEMPLATES)[number];
export const DEFAULT_TEMPLATE: ComposerTemplateId = 'initial_request';

export function isComposerTemplate(value: unknown): value is ComposerTemplateId {
	return typeof value === 'string' && (COMPOSER_TEMPLATES as readonly string[]).includes(value);
}

/** Filled in from the chosen agency, one letter per agency: never typed. */
export const AGENCY_FIELDS = new Set(['agency_name', 'agency_address']);

/** The fields the user fills for a template, in the template's order. */
export function editableFields(templateId: ComposerTemplateId): LetterField[] {
	return REQUEST_TEMPLATE_INFO[templateId].fields.filter((field) => !AGENCY_FIELDS.has(field.key));
}

/** Every field key the composer knows, with its kind (the same key has the same kind in every template). */
const KIND_BY_KEY = new Map(COMPOSER_TEMPLATES.flatMap((id) => REQUEST_TEMPLATE_INFO[id].fields.map((f) => [f.key, f.kind] as const)));

/** Input text by field key, exactly as typed. */
export type RawValues = Record<string, string>;
export type ValueProblem = 'money' | 'date';

export const TITLE_MAX_LENGTH = 300;

function centsToText(cents: number): string {
	return (cents / 100).toFixed(2);
}

/** Dollars as typed ("25", "$1,250.50") to whole cents; null when it is not an amount. */
export function parseDollars(text: string): number | null {
	const match = /^\$?\s*(\d{1,9})(?:\.(\d{0,2}))?$/.exec(text.trim().replace(/,/g, ''));
	if (!match) return null;
	return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** Stored values to input text. */
export function rawFromValues(values: Record<string, unknown>): RawValues {
	const raw: RawValues = {};
	for (const [key, value] of Object.entries(values)) {
		if (typeof value === 'string') raw[key] = value;
		else if (typeof value === 'number') raw[key] = KIND_BY_KEY.get(key) === 'money' ? centsToText(value) : String(value);
		else if (Array.isArray(value)) raw[key] = value.filter((item) => typeof item === 'string').join('\n');
	}
	return raw;
}

/**
 * Input text to stored values. Blank inputs are left out. Text that is not a valid amount or date is kept as
 * typed (nothing typed is dropped) and reported in `problems`; the letter preview names it too.
 */
export function valuesFromRaw(raw: RawValues): { values: Record<string, unknown>; problems: Record<string, ValueProblem> } {
	const values: Record<string, unknown> = {};
	const problems: Record<string, ValueProblem> = {};
	for (const [key, text] of Object.entries(raw)) {
		if (text.trim() === '') continue;
		switch (KIND_BY_KEY.get(key)) {
			case 'money': {
				const cents = parseDollars(text);
				values[key] = cents ?? text;
				if (cents === null) problems[key] = 'money';
				break;
			}
			case 'date':
				values[key] = text.trim();
				if (!isIsoDate(text.trim())) problems[key] = 'date';
				break;
			case 'list':
				values[key] = text.split('\n');
				break;
			default:
				values[key] = text;
		}
	}
	return { values, problems };
}

/** The name a draft is listed under: its title, else its short subject, else the letter's name. */
export function draftDisplayTitle(title: string, templateId: string, values: Record<string, unknown>, locale: Locale): string {
	if (title.trim() !== '') return title.trim();
	const subject = values.subject_summary;
	if (typeof subject === 'string' && subject.trim() !== '') return subject.trim();
	return isComposerTemplate(templateId) ? REQUEST_TEMPLATE_INFO[templateId].title[locale] : templateId;
}

/** The letter's title and description in `locale`, for the template choice. */
export function templateSummary(templateId: ComposerTemplateId, locale: Locale): { title: string; description: string } {
	const info = REQUEST_TEMPLATE_INFO[templateId];
	return { title: info.title[locale], description: info.description[locale] };
}

/** Every letter field's label in `locale`, by key, for naming what is missing. */
export function fieldLabels(templateId: ComposerTemplateId, locale: Locale): Map<string, string> {
	return new Map(REQUEST_TEMPLATE_INFO[templateId].fields.map((field) => [field.key, field.label[locale]]));
}
