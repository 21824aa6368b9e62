/**
 * Typed supabase-js queries for tracking a request: its timeline (the
 * request_timeline view, corrections applied), findings, attachments, the
 * caller's role, and the writes the no-JS form actions make. Every write is
 * create-once by its client-generated id, so a double submit changes nothing.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Tables, TablesInsert } from '$lib/database.types';
import type { EventRow, RequestRowUpdate } from '$lib/tracking/event-rows';
import type { FindingChanges, FindingRow } from '$lib/tracking/finding-form';
import type { ServerTimelineRow } from '$lib/tracking/timeline-merge';

type Client = SupabaseClient<Database>;

export type FindingView = Pick<
	Tables<'disclosure_findings'>,
	| 'id'
	| 'event_id'
	| 'data_categories'
	| 'people_count'
	| 'records_count'
	| 'period_start'
	| 'period_end'
	| 'legal_process'
	| 'recipient'
	| 'source_attachment_id'
	| 'source_page'
	| 'summary'
>;

export interface AttachmentOption {
	id: string;
	fileName: string;
	eventId: string | null;
}

export interface TrackingData {
	timeline: ServerTimelineRow[];
	findings: FindingView[];
	attachments: AttachmentOption[];
	agencyEmail: string | null;
	draftValues: Record<string, unknown>;
}

export async function timelineRows(supabase: Client, requestId: string): Promise<ServerTimelineRow[]> {
	const { data, error } = await supabase
		.from('request_timeline')
		.select('id, request_id, type, occurred_at, payload, note, retracted, correction_id, correction_reason, created_at')
		.eq('request_id', requestId)
		.order('occurred_at', { ascending: true });
	if (error) throw new Error(error.message);
	return data ?? [];
}

export async function trackingData(
	supabase: Client,
	request: { id: string; organisationId: string; agencyId: string; batchId: string | null }
): Promise<TrackingData> {
	const [timeline, findings, attachments, agency, draft] = await Promise.all([
		timelineRows(supabase, request.id),
		supabase
			.from('disclosure_findings')
			.select('id, event_id, data_categories, people_count, records_count, period_start, period_end, legal_process, recipient, source_attachment_id, source_page, summary')
			.eq('request_id', request.id)
			.order('created_at', { ascending: true }),
		supabase.from('attachments').select('id, file_name, event_id').eq('request_id', request.id).order('created_at', { ascending: true }),
		supabase
			.from('organisation_agencies')
			.select('request_email')
			.eq('organisation_id', request.organisationId)
			.eq('agency_id', request.agencyId)
			.maybeSingle(),
		request.batchId ? supabase.from('request_drafts').select('fields').eq('id', request.batchId).maybeSingle() : Promise.resolve({ data: null, error: null })
	]);
	if (findings.error) throw new Error(findings.error.message);
	const fields = draft.data?.fields;
	return {
		timeline,
		findings: findings.data ?? [],
		// Attachments and the draft are extras: the page works without them.
		attachments: (attachments.data ?? []).map((row) => ({ id: row.id, fileName: row.file_name, eventId: row.event_id })),
		agencyEmail: agency.data?.request_email ?? null,
		draftValues: fields && typeof fields === 'object' && !Array.isArray(fields) ? (fields as Record<string, unknown>) : {}
	};
}

/** The caller's role in the organisation (null: not a member). */
export async function roleIn(supabase: Client, organisationId: string, userId: string): Promise<Tables<'memberships'>['role'] | null> {
	const { data, error } = await supabase.from('memberships').select('role').eq('organisation_id', organisationId).eq('user_id', userId).maybeSingle();
	if (error) throw new Error(error.message);
	return data?.role ?? null;
}

/** Adds an event once: a replay of the same id is ignored, never a second event. */
export async function saveEvent(supabase: Client, row: EventRow): Promise<void> {
	const { error } = await supabase.from('request_events').upsert(row as unknown as TablesInsert<'request_events'>, { onConflict: 'id', ignoreDuplicates: true });
	if (error) throw new Error(error.message);
}

export async function updateRequestRow(supabase: Client, requestId: string, update: RequestRowUpdate): Promise<void> {
	const { error } = await supabase.from('records_requests').update(update).eq('id', requestId);
	if (error) throw new Error(error.message);
}

export async function saveFinding(supabase: Client, row: FindingRow): Promise<void> {
	const { error } = await supabase.from('disclosure_findings').upsert(row as TablesInsert<'disclosure_findings'>, { onConflict: 'id', ignoreDuplicates: true });
	if (error) throw new Error(error.message);
}

/** The message when an edit or deletion touched no row: the finding is gone, or the caller may no longer change it. */
export const FINDING_NOT_CHANGED = 'No finding was changed: it no longer exists, or you may no longer edit findings.';

/** Edits a finding (same id); throws when no row was changed, since RLS refuses silently. */
export async function updateFinding(supabase: Client, id: string, changes: FindingChanges): Promise<void> {
	const { data, error } = await supabase.from('disclosure_findings').update(changes).eq('id', id).select('id');
	if (error) throw new Error(error.message);
	if ((data ?? []).length === 0) throw new Error(FINDING_NOT_CHANGED);
}

/** Deletes a finding; throws when no row went (it was already gone, or the caller may not delete it). */
export async function deleteFinding(supabase: Client, id: string): Promise<void> {
	const { data, error } = await supabase.from('disclosure_findings').delete().eq('id', id).select('id');
	if (error) throw new Error(error.message);
	if ((data ?? []).length === 0) throw new Error(FINDING_NOT_CHANGED);
}
