/**
 * What public.export_organisation() returns, and the CSV files made from it:
 * one per table, every column, in the database's column order (plus the
 * agency's name where a row names an agency). Pure.
 */
import type { Tables } from '$lib/database.types';
import type { CsvColumn, CsvValue } from './csv';

export type ExportedRequest = Tables<'records_requests'> & { agency_name: string };
export type ExportedEvent = Tables<'request_events'>;
export type ExportedFinding = Tables<'disclosure_findings'> & { agency_name: string };
export type ExportedAttachment = Tables<'attachments'>;

export interface OrganisationExport {
	organisation: { id: string; name: string; created_at: string };
	exported_at: string;
	requests: ExportedRequest[];
	events: ExportedEvent[];
	findings: ExportedFinding[];
	attachments: ExportedAttachment[];
}

/** A light check of the function's answer: the right parts, each a list. */
export function isOrganisationExport(value: unknown): value is OrganisationExport {
	if (typeof value !== 'object' || value === null) return false;
	const parts = value as Record<string, unknown>;
	const organisation = parts.organisation as Record<string, unknown> | null | undefined;
	return (
		typeof organisation?.id === 'string' &&
		typeof organisation.name === 'string' &&
		['requests', 'events', 'findings', 'attachments'].every((key) => Array.isArray(parts[key]))
	);
}

function columnsOf<Row>(keys: readonly (keyof Row & string)[]): CsvColumn<Row>[] {
	// Every column of these rows is text, a number, a boolean, a list, JSON or null: all CSV values.
	return keys.map((key) => ({ header: key, value: (row: Row) => row[key] as CsvValue }));
}

export const REQUEST_COLUMNS = columnsOf<ExportedRequest>([
	'id', 'organisation_id', 'agency_id', 'agency_name', 'title', 'regime', 'status', 'topic_tags', 'drafted_at', 'sent_at',
	'received_at', 'due_on', 'extended_due_on', 'closed_at', 'delivery_channel', 'agency_tracking_number',
	'fee_waiver_requested', 'fee_ceiling', 'batch_id', 'publish_state', 'embargoed_until', 'created_by', 'created_at',
	'updated_at', 'letter_body'
]);

export const EVENT_COLUMNS = columnsOf<ExportedEvent>([
	'id', 'request_id', 'organisation_id', 'type', 'occurred_at', 'payload', 'note', 'corrects_event_id', 'author_id', 'created_at'
]);

export const FINDING_COLUMNS = columnsOf<ExportedFinding>([
	'id', 'request_id', 'organisation_id', 'agency_id', 'agency_name', 'data_categories', 'people_count', 'records_count',
	'period_start', 'period_end', 'legal_process', 'recipient', 'source_attachment_id', 'source_page', 'summary',
	'created_by', 'created_at', 'updated_at'
]);

/** The downloadable files, by the last part of their URL. */
export const EXPORT_FILES = ['requests.csv', 'events.csv', 'findings.csv', 'export.json', 'attachments.zip'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

export function isExportFile(value: string): value is ExportFile {
	return (EXPORT_FILES as readonly string[]).includes(value);
}

/** `disclose-<organisation>-<file part>-<date>.<ext>`: safe in every file system and in a Content-Disposition header. */
export function exportFileName(organisationName: string, file: ExportFile, date: string): string {
	const slug =
		organisationName
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || 'organisation';
	const [part, extension] = file.split('.') as [string, string];
	return `disclose-${slug}-${part}-${date}.${extension}`;
}
