/**
 * What the composer's inputs hold (text as typed) and what a draft stores
 * (letter field values: cents for money, a list of lines for lists), and the
 * letter for one agency. Pure: shared by the page, its form action and tests.
 */
import {
	explainResponseDeadline,
	isIsoDate,
	LETTER_TEMPLATES,
	renderExplanation,
	renderLetter,
	toColoradoLocalTime,
	type IsoDate,
	type LetterField,
	type LetterTemplateId,
	type Locale,
	type RenderLetterResult
} from '$lib/cora';
import type { AgencyChannel } from '$lib/filing/types';

/** The letters the composer offers: a first request, the SB21-131 request log, a specific subpoena or arrangement. */
export const COMPOSER_TEMPLATES = ['initial_request', 'immigration_enforcement_records', 'subpoena_or_data_sharing'] as const satisfies readonly LetterTemplateId[];
export type ComposerTemplateId = (typeof COMPOSER_TEMPLATES)[number];
export const DEFAULT_TEMPLATE: ComposerTemplateId = 'initial_request';

export function isComposerTemplate(value: unknown): value is ComposerTemplateId {
	return typeof value === 'string' && (COMPOSER_TEMPLATES as readonly string[]).includes(value);
}

/** Filled in from the chosen agency, one letter per agency: never typed. */
const AGENCY_FIELDS = new Set(['agency_name', 'agency_address']);

/** The fields the user fills for a template, in the template's order. */
export function editableFields(templateId: ComposerTemplateId): LetterField[] {
	return LETTER_TEMPLATES[templateId].fields.filter((field) => !AGENCY_FIELDS.has(field.key));
}

/** Every field key the composer knows, with its kind (the same key has the same kind in every template). */
const KIND_BY_KEY = new Map(COMPOSER_TEMPLATES.flatMap((id) => LETTER_TEMPLATES[id].fields.map((f) => [f.key, f.kind] as const)));

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

/** Where the letter is addressed: the postal address, else the request email, else the portal. */
function agencyAddress(agency: AgencyChannel): string | undefined {
	return agency.mailingAddress ?? agency.requestEmail ?? agency.portalUrl ?? undefined;
}

/** The letter for one agency: only the template's fields, with the agency's name and address filled in. */
export function letterFor(templateId: ComposerTemplateId, values: Record<string, unknown>, agency: AgencyChannel | null): RenderLetterResult {
	const fields: Record<string, string | number | readonly string[]> = {};
	for (const field of LETTER_TEMPLATES[templateId].fields) {
		const value = values[field.key];
		if (typeof value === 'string' || typeof value === 'number' || Array.isArray(value)) fields[field.key] = value as string | number | string[];
	}
	if (agency) {
		fields.agency_name = agency.name;
		const address = agencyAddress(agency);
		if (address) fields.agency_address = address;
	}
	return renderLetter(templateId, fields);
}

/** Today in Colorado, the assumed day of receipt before a request is sent. */
export function coloradoToday(now: Date = new Date()): IsoDate {
	return toColoradoLocalTime(now.toISOString()).date;
}

export type DeadlineEstimate =
	| { kind: 'estimate'; dueDate: IsoDate; citation: string; lines: string[] }
	| { kind: 'no_statutory_date'; citation: string }
	| { kind: 'unavailable' };

/** The expected due date if the agency received the request on `receivedOn` (CCJRA sets none). */
export function estimateDeadline(regime: AgencyChannel['regime'], receivedOn: IsoDate, locale: Locale): DeadlineEstimate {
	if (regime === 'CCJRA') return { kind: 'no_statutory_date', citation: 'C.R.S. 24-72-301 et seq.' };
	try {
		const explanation = explainResponseDeadline(receivedOn, { regime: regime === 'PAIRR2' ? 'pairr2' : 'cora' });
		if (!explanation.dueDate) return { kind: 'unavailable' };
		return { kind: 'estimate', dueDate: explanation.dueDate, citation: explanation.citation, lines: renderExplanation(explanation, locale) };
	} catch {
		return { kind: 'unavailable' };
	}
}

/** The name a draft is listed under: its title, else its short subject, else the letter's name. */
export function draftDisplayTitle(title: string, templateId: string, values: Record<string, unknown>, locale: Locale): string {
	if (title.trim() !== '') return title.trim();
	const subject = values.subject_summary;
	if (typeof subject === 'string' && subject.trim() !== '') return subject.trim();
	return isComposerTemplate(templateId) ? LETTER_TEMPLATES[templateId].title[locale] : templateId;
}
