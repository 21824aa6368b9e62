/**
 * A disclosure finding as typed on the request page, checked field by field
 * with a message in words for each problem; the same rules the database
 * enforces on public.disclosure_findings (at least one category, counts ≥ 0
 * or unknown, period in order, a page only with its document, page ≥ 1, and
 * the release it comes from one of the request's records-released events).
 */
import { isIsoDate } from '$lib/cora';
import type { Enums, TablesInsert } from '$lib/database.types';
import type { MessageKey } from '$lib/i18n/translate';

export const DATA_CATEGORIES: readonly Enums<'data_category'>[] = [
	'address',
	'employer',
	'wage_records',
	'driver_licence_or_photo',
	'ssn',
	'phone_or_email',
	'benefits',
	'immigration_status',
	'other'
];
/** SB21-131 (C.R.S. 24-74) allows sharing only under the first two; the form just records what was cited. */
export const LEGAL_PROCESSES: readonly Enums<'legal_process'>[] = ['judicial_warrant', 'court_order', 'administrative_subpoena', 'none_cited', 'unknown'];
export const RECIPIENTS: readonly Enums<'enforcement_recipient'>[] = ['ice', 'cbp', 'other_dhs', 'other_federal', 'unknown'];

/** FormData as typed: categories as a list, "unknown" boxes present when ticked. */
export interface FindingFormValues {
	categories: readonly string[];
	people_count?: string;
	people_unknown?: string;
	records_count?: string;
	records_unknown?: string;
	period_start?: string;
	period_end?: string;
	legal_process?: string;
	recipient?: string;
	source_attachment_id?: string;
	source_page?: string;
	summary?: string;
	/** The records-released event the finding is read from (a hidden field of the form under that event). */
	event_id?: string;
}

export type FindingField =
	| 'categories'
	| 'people_count'
	| 'records_count'
	| 'period_start'
	| 'period_end'
	| 'legal_process'
	| 'recipient'
	| 'source_attachment_id'
	| 'source_page'
	| 'summary'
	| 'event_id'
	/** The whole form (the server refused it, or it could not be read). */
	| 'form';
export type FindingErrors = Partial<Record<FindingField, MessageKey>>;

/** agency_id may be left out: the database fills in the request's agency. */
export type FindingRow = Omit<TablesInsert<'disclosure_findings'>, 'agency_id'> & { id: string; agency_id?: string };

export interface FindingContext {
	id: string;
	requestId: string;
	organisationId: string;
	/** The request's attachments a finding may cite. */
	attachmentIds: readonly string[];
	/** The request's standing records-released events a new finding may come from. */
	releaseIds?: readonly string[];
}

/** What an edit may change: everything the form shows, never the finding's request, organisation or release. */
export type FindingChanges = Pick<
	FindingRow,
	'data_categories' | 'people_count' | 'records_count' | 'period_start' | 'period_end' | 'legal_process' | 'recipient' | 'source_attachment_id' | 'source_page' | 'summary'
>;

const SUMMARY_MAX = 5000;
const COUNT_MAX = 2_147_483_647;

function readCount(raw: string | undefined, unknown: string | undefined): { value: number | null; error?: MessageKey } {
	const value = (raw ?? '').trim();
	if (unknown !== undefined && unknown !== '') return { value: null };
	if (value === '') return { value: null, error: 'tracking.finding.error.countMissing' };
	if (/^-\s*\d/.test(value)) return { value: null, error: 'tracking.finding.error.negative' };
	if (!/^\d+$/.test(value) || Number(value) > COUNT_MAX) return { value: null, error: 'tracking.finding.error.wholeNumber' };
	return { value: Number(value) };
}

const isOneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T => value !== undefined && (list as readonly string[]).includes(value);

export function checkFindingForm(values: FindingFormValues, context: FindingContext): { ok: true; row: FindingRow } | { ok: false; errors: FindingErrors } {
	const errors: FindingErrors = {};
	const categories = [...new Set(values.categories)];
	if (categories.length === 0) errors.categories = 'tracking.finding.error.noCategory';
	else if (!categories.every((c) => isOneOf(DATA_CATEGORIES, c))) errors.categories = 'tracking.finding.error.category';

	const people = readCount(values.people_count, values.people_unknown);
	if (people.error) errors.people_count = people.error;
	const records = readCount(values.records_count, values.records_unknown);
	if (records.error) errors.records_count = records.error;

	const start = (values.period_start ?? '').trim();
	const end = (values.period_end ?? '').trim();
	if (start !== '' && !isIsoDate(start)) errors.period_start = 'tracking.finding.error.date';
	if (end !== '' && !isIsoDate(end)) errors.period_end = 'tracking.finding.error.date';
	if (!errors.period_start && !errors.period_end && start !== '' && end !== '' && end < start) errors.period_end = 'tracking.finding.error.periodOrder';

	const legalProcess = values.legal_process || 'unknown';
	if (!isOneOf(LEGAL_PROCESSES, legalProcess)) errors.legal_process = 'tracking.finding.error.choice';
	const recipient = values.recipient || 'unknown';
	if (!isOneOf(RECIPIENTS, recipient)) errors.recipient = 'tracking.finding.error.choice';

	const attachment = (values.source_attachment_id ?? '').trim();
	if (attachment !== '' && !context.attachmentIds.includes(attachment)) errors.source_attachment_id = 'tracking.finding.error.attachment';
	const pageText = (values.source_page ?? '').trim();
	let page: number | null = null;
	if (pageText !== '') {
		if (!/^\d+$/.test(pageText) || Number(pageText) < 1 || Number(pageText) > COUNT_MAX) errors.source_page = 'tracking.finding.error.page';
		else if (attachment === '') errors.source_page = 'tracking.finding.error.pageNeedsDocument';
		else page = Number(pageText);
	}
	const summary = (values.summary ?? '').trim();
	if (summary.length > SUMMARY_MAX) errors.summary = 'tracking.finding.error.summaryTooLong';
	const eventId = (values.event_id ?? '').trim();
	if (eventId !== '' && !(context.releaseIds ?? []).includes(eventId)) errors.event_id = 'tracking.finding.error.release';

	if (Object.keys(errors).length > 0 || !isOneOf(LEGAL_PROCESSES, legalProcess) || !isOneOf(RECIPIENTS, recipient)) return { ok: false, errors };
	return {
		ok: true,
		row: {
			id: context.id,
			organisation_id: context.organisationId,
			request_id: context.requestId,
			data_categories: categories as Enums<'data_category'>[],
			people_count: people.value,
			records_count: records.value,
			period_start: start === '' ? null : start,
			period_end: end === '' ? null : end,
			legal_process: legalProcess,
			recipient,
			source_attachment_id: attachment === '' ? null : attachment,
			source_page: page,
			summary: summary === '' ? null : summary,
			...(eventId === '' ? {} : { event_id: eventId })
		}
	};
}

/** The columns an edit sends (the same checks as a new finding, then only what may change). */
export function findingChanges(row: FindingRow): FindingChanges {
	return {
		data_categories: row.data_categories,
		people_count: row.people_count ?? null,
		records_count: row.records_count ?? null,
		period_start: row.period_start ?? null,
		period_end: row.period_end ?? null,
		legal_process: row.legal_process ?? 'unknown',
		recipient: row.recipient ?? 'unknown',
		source_attachment_id: row.source_attachment_id ?? null,
		source_page: row.source_page ?? null,
		summary: row.summary ?? null
	};
}

/** A saved finding as the form's first values (the way the form posts them), for editing it. */
export function findingFormValuesOf(finding: { data_categories: readonly string[] } & Partial<Omit<FindingChanges, 'data_categories'>>): Record<string, string> {
	const values: Record<string, string> = { categories: finding.data_categories.join(',') };
	for (const [count, unknown] of [
		['people_count', 'people_unknown'],
		['records_count', 'records_unknown']
	] as const) {
		const value = finding[count];
		if (value === null || value === undefined) values[unknown] = 'on';
		else values[count] = String(value);
	}
	if (finding.period_start) values.period_start = finding.period_start;
	if (finding.period_end) values.period_end = finding.period_end;
	values.legal_process = finding.legal_process ?? 'unknown';
	values.recipient = finding.recipient ?? 'unknown';
	if (finding.source_attachment_id) values.source_attachment_id = finding.source_attachment_id;
	if (finding.source_page !== null && finding.source_page !== undefined) values.source_page = String(finding.source_page);
	if (finding.summary) values.summary = finding.summary;
	return values;
}
