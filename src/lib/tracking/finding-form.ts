/**
 * A disclosure finding as typed on the request page, checked field by field
 * with a message in words for each problem; the same rules the database
 * enforces on public.disclosure_findings (at least one category, counts ≥ 0
 * or unknown, period in order, a page only with its document, page ≥ 1).
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
}

export type FindingField = 'categories' | 'people_count' | 'records_count' | 'period_start' | 'period_end' | 'legal_process' | 'recipient' | 'source_attachment_id' | 'source_page' | 'summary';
export type FindingErrors = Partial<Record<FindingField, MessageKey>>;

/** agency_id may be left out: the database fills in the request's agency. */
export type FindingRow = Omit<TablesInsert<'disclosure_findings'>, 'agency_id'> & { id: string; agency_id?: string };

export interface FindingContext {
	id: string;
	requestId: string;
	organisationId: string;
	/** The request's attachments a finding may cite. */
	attachmentIds: readonly string[];
}

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
			summary: summary === '' ? null : summary
		}
	};
}
