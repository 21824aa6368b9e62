/**
 * Typed supabase-js queries for filing and reading records requests. The
 * same functions serve the server (locals.supabase) and the browser client.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Tables } from '$lib/database.types';
import type { SentRows } from '$lib/filing/sent-record';
import type { AgencyChannel, ComposerDraft } from '$lib/filing/types';
import type { IsoDate } from '$lib/cora';
import { CASELOAD_FILTERS, CLOSED_STATUSES, ESCALATED_STATUSES, PAUSED_STATUSES, RUNNING_STATUSES, UNSENT_STATUSES, type CaseloadFilter } from '$lib/caseload/sections';
import { sectionTerm } from '$lib/caseload/section-filters';
import { cleanSearch, searchTerm } from '$lib/caseload/search-terms';

type Client = SupabaseClient<Database>;
type AgencyView = Tables<'organisation_agencies'>;

function toAgencyChannel(row: AgencyView): AgencyChannel | null {
	if (!row.agency_id || !row.name || !row.regime) return null;
	return {
		id: row.agency_id,
		name: row.name,
		abbreviation: row.abbreviation,
		regime: row.regime,
		requestEmail: row.request_email,
		portalUrl: row.portal_url,
		mailingAddress: row.mailing_address,
		phoneOrFax: row.phone_or_fax,
		receiptCutoff: row.receipt_cutoff
	};
}

/** How to reach each agency, as the organisation sees it (its own corrections applied). */
export async function agencyChannels(supabase: Client, organisationId: string, agencyIds: readonly string[]): Promise<AgencyChannel[]> {
	if (agencyIds.length === 0) return [];
	const { data, error } = await supabase
		.from('organisation_agencies')
		.select('*')
		.eq('organisation_id', organisationId)
		.in('agency_id', [...agencyIds]);
	if (error) throw new Error(error.message);
	return (data ?? []).flatMap((row) => toAgencyChannel(row) ?? []);
}

export interface DraftForFiling {
	draft: ComposerDraft;
	draftedAt: string;
	filedAt: string | null;
}

export async function draftForFiling(supabase: Client, draftId: string): Promise<DraftForFiling | null> {
	const { data, error } = await supabase
		.from('request_drafts')
		.select('id, organisation_id, template_id, title, fields, agency_ids, created_at, filed_at')
		.eq('id', draftId)
		.maybeSingle();
	if (error) throw new Error(error.message);
	if (!data) return null;
	const values = data.fields && typeof data.fields === 'object' && !Array.isArray(data.fields) ? (data.fields as Record<string, unknown>) : {};
	return {
		draft: { id: data.id, organisationId: data.organisation_id, templateId: data.template_id, title: data.title, values, agencyIds: data.agency_ids },
		draftedAt: data.created_at,
		filedAt: data.filed_at
	};
}

export interface BatchRequest {
	agencyId: string;
	requestId: string;
	sentAt: string | null;
	dueOn: string | null;
}

/** Requests already filed from a draft (batch_id = the draft's id). */
export async function recordedInBatch(supabase: Client, batchId: string): Promise<BatchRequest[]> {
	const { data, error } = await supabase.from('records_requests').select('id, agency_id, sent_at, due_on').eq('batch_id', batchId);
	if (error) throw new Error(error.message);
	return (data ?? []).map((row) => ({ agencyId: row.agency_id, requestId: row.id, sentAt: row.sent_at, dueOn: row.due_on }));
}

/**
 * Writes a recorded send: the request first, then its event (the event's
 * foreign key needs the request). Both are create-once by their client ids,
 * so submitting the same form twice changes nothing the second time.
 */
export async function saveSentRows(supabase: Client, rows: Pick<SentRows, 'request' | 'event'>): Promise<void> {
	const request = await supabase.from('records_requests').upsert(rows.request, { onConflict: 'id', ignoreDuplicates: true });
	if (request.error) throw new Error(request.error.message);
	const event = await supabase.from('request_events').upsert(rows.event, { onConflict: 'id', ignoreDuplicates: true });
	if (event.error) throw new Error(event.error.message);
}

/** Marks a draft filed once all its requests exist (a filed draft is frozen by the database). */
export async function markDraftFiled(supabase: Client, draftId: string, filedAt: string): Promise<void> {
	const { error } = await supabase.from('request_drafts').update({ filed_at: filedAt }).eq('id', draftId).is('filed_at', null);
	if (error) throw new Error(error.message);
}

export interface RequestSummary {
	id: string;
	title: string;
	status: Tables<'records_requests'>['status'];
	regime: Tables<'records_requests'>['regime'];
	dueOn: string | null;
	sentAt: string | null;
	agencyName: string;
	batchId: string | null;
}

export async function listRequests(supabase: Client): Promise<RequestSummary[]> {
	const { data, error } = await supabase
		.from('records_requests')
		.select('id, title, status, regime, due_on, sent_at, batch_id, created_at, agency:agencies(name)')
		.order('created_at', { ascending: false })
		.limit(200);
	if (error) throw new Error(error.message);
	return (data ?? []).map((row) => ({
		id: row.id,
		title: row.title,
		status: row.status,
		regime: row.regime,
		dueOn: row.due_on,
		sentAt: row.sent_at,
		batchId: row.batch_id,
		agencyName: row.agency?.name ?? ''
	}));
}

export interface RequestDetail extends RequestSummary {
	organisationId: string;
	agencyId: string;
	letterBody: string;
	receivedAt: string | null;
	deliveryChannel: Tables<'records_requests'>['delivery_channel'];
	trackingNumber: string | null;
	receiptCutoff: string | null;
	publishState: Tables<'records_requests'>['publish_state'];
	/** With publishState embargoed: the Colorado date the counts become public. */
	embargoedUntil: string | null;
}

export async function getRequest(supabase: Client, id: string): Promise<RequestDetail | null> {
	const { data, error } = await supabase
		.from('records_requests')
		.select('*, agency:agencies(name)')
		.eq('id', id)
		.maybeSingle();
	if (error) throw new Error(error.message);
	if (!data) return null;
	// The organisation's own correction of the cut-off, if any, decides the receipt date shown.
	const { data: agency } = await supabase
		.from('organisation_agencies')
		.select('receipt_cutoff')
		.eq('organisation_id', data.organisation_id)
		.eq('agency_id', data.agency_id)
		.maybeSingle();
	return {
		id: data.id,
		title: data.title,
		status: data.status,
		regime: data.regime,
		dueOn: data.due_on,
		sentAt: data.sent_at,
		batchId: data.batch_id,
		agencyName: data.agency?.name ?? '',
		organisationId: data.organisation_id,
		agencyId: data.agency_id,
		letterBody: data.letter_body,
		receivedAt: data.received_at,
		deliveryChannel: data.delivery_channel,
		trackingNumber: data.agency_tracking_number,
		receiptCutoff: agency?.receipt_cutoff ?? null,
		publishState: data.publish_state,
		embargoedUntil: data.embargoed_until
	};
}

/** Agency names by id, for requests known only on this device (their rows carry just the agency id). */
export async function agencyNames(supabase: Client): Promise<Record<string, string>> {
	const { data, error } = await supabase.from('organisation_agencies').select('agency_id, name').limit(2000);
	if (error) throw new Error(error.message);
	return Object.fromEntries((data ?? []).flatMap((row) => (row.agency_id && row.name ? [[row.agency_id, row.name]] : [])));
}

// ---------------------------------------------------------------- the caseload (request list)

/** One row of the caseload list: what classifyRequest reads plus what the row shows. */
export interface CaseloadListRow {
	id: string;
	organisationId: string;
	agencyId: string;
	agencyName: string;
	title: string;
	status: Tables<'records_requests'>['status'];
	regime: Tables<'records_requests'>['regime'];
	dueOn: string | null;
	extendedDueOn: string | null;
	closedAt: string | null;
	sentAt: string | null;
	trackingNumber: string | null;
	tags: string[];
	batchId: string | null;
	publishState: Tables<'records_requests'>['publish_state'];
	embargoedUntil: string | null;
}

export interface CaseloadQuery {
	filter: CaseloadFilter;
	/** Free text: agency, title, tag, tracking number. */
	search: string;
	/** The organisations to show (the caller's; RLS still decides). */
	organisationIds: readonly string[];
	/** 1-based. */
	page: number;
	pageSize: number;
	today: IsoDate;
	horizon: IsoDate;
}

export interface CaseloadPage {
	rows: CaseloadListRow[];
	/** Rows matching the filter and search (all pages). */
	total: number;
	/** Per filter, with the same search and organisations. */
	counts: Record<CaseloadFilter, number>;
}

const CASELOAD_COLUMNS =
	'id, organisation_id, agency_id, title, status, regime, due_on, extended_due_on, closed_at, sent_at, agency_tracking_number, topic_tags, batch_id, publish_state, embargoed_until, agency:agencies(name)';

/** Agencies (as the organisations see them) whose name or abbreviation contains the search. */
async function agenciesMatching(supabase: Client, search: string, organisationIds: readonly string[]): Promise<string[]> {
	const q = cleanSearch(search);
	if (!q) return [];
	const { data, error } = await supabase
		.from('organisation_agencies')
		.select('agency_id')
		.in('organisation_id', [...organisationIds])
		.or(`name.ilike."*${q}*",abbreviation.ilike."*${q}*"`)
		.limit(200);
	if (error) throw new Error(error.message);
	return [...new Set((data ?? []).flatMap((row) => (row.agency_id ? [row.agency_id] : [])))];
}

/**
 * One page of the caseload, with counts per section, in two parallel round
 * trips: the page filters the organisations (index on organisation_id,
 * status), the section (dates) and the search as one PostgREST logic tree;
 * `caseload_section_counts` counts every section in one scan with the same
 * rules (RLS applies to both).
 */
export async function listCaseload(supabase: Client, query: CaseloadQuery): Promise<CaseloadPage> {
	if (query.organisationIds.length === 0) {
		return { rows: [], total: 0, counts: Object.fromEntries(CASELOAD_FILTERS.map((f) => [f, 0])) as Record<CaseloadFilter, number> };
	}
	const agencyIds = await agenciesMatching(supabase, query.search, query.organisationIds);
	const search = searchTerm(query.search, agencyIds);
	const where = (filter: CaseloadFilter) => {
		const terms = [sectionTerm(filter, query.today, query.horizon), ...(search ? [search] : [])];
		return `and(${terms.join(',')})`;
	};
	const organisations = [...query.organisationIds];
	const from = (query.page - 1) * query.pageSize;
	const pageQuery = supabase
		.from('records_requests')
		.select(CASELOAD_COLUMNS, { count: 'exact' })
		.in('organisation_id', organisations)
		.or(where(query.filter))
		.order(query.filter === 'closed' ? 'updated_at' : 'due_on', { ascending: query.filter !== 'closed', nullsFirst: false })
		.order('created_at', { ascending: false })
		.order('id')
		.range(from, from + query.pageSize - 1);
	const countsQuery = supabase.rpc('caseload_section_counts', {
		p_organisation_ids: organisations,
		p_today: query.today,
		p_horizon: query.horizon,
		p_running: [...RUNNING_STATUSES],
		p_paused: [...PAUSED_STATUSES],
		p_escalated: [...ESCALATED_STATUSES],
		p_closed: [...CLOSED_STATUSES],
		p_unsent: [...UNSENT_STATUSES],
		p_search: cleanSearch(query.search),
		p_agency_ids: agencyIds
	});

	const [page, counted] = await Promise.all([pageQuery, countsQuery]);
	// Past the last page PostgREST answers 416; show an empty page with the real total instead.
	if (page.error && page.status !== 416) throw new Error(page.error.message);
	if (counted.error) throw new Error(counted.error.message);
	const answered = (counted.data ?? {}) as Partial<Record<CaseloadFilter, number>>;
	const counts = Object.fromEntries(CASELOAD_FILTERS.map((filter) => [filter, answered[filter] ?? 0])) as Record<CaseloadFilter, number>;
	const rows = page.error ? [] : (page.data ?? []);
	return {
		total: page.error ? counts[query.filter] : (page.count ?? rows.length),
		counts,
		rows: rows.map((row) => ({
			id: row.id,
			organisationId: row.organisation_id,
			agencyId: row.agency_id,
			agencyName: row.agency?.name ?? '',
			title: row.title,
			status: row.status,
			regime: row.regime,
			dueOn: row.due_on,
			extendedDueOn: row.extended_due_on,
			closedAt: row.closed_at,
			sentAt: row.sent_at,
			trackingNumber: row.agency_tracking_number,
			tags: row.topic_tags,
			batchId: row.batch_id,
			publishState: row.publish_state,
			embargoedUntil: row.embargoed_until
		}))
	};
}

export interface DraftSigner {
	name: string;
	contact: string;
	organization: string | null;
}

/** Who signed each batch's original letter (from its draft's fields), to sign the follow-ups the same way. */
export async function draftSigners(supabase: Client, batchIds: readonly string[]): Promise<Record<string, DraftSigner>> {
	if (batchIds.length === 0) return {};
	const { data, error } = await supabase.from('request_drafts').select('id, fields').in('id', [...new Set(batchIds)]);
	if (error) throw new Error(error.message);
	const text = (value: unknown) => (typeof value === 'string' ? value : '');
	return Object.fromEntries(
		(data ?? []).map((row) => {
			const fields = row.fields && typeof row.fields === 'object' && !Array.isArray(row.fields) ? (row.fields as Record<string, unknown>) : {};
			return [row.id, { name: text(fields.requester_name), contact: text(fields.requester_contact), organization: text(fields.requester_organization) || null }];
		})
	);
}

/** A follow-up note on a request's timeline. Create-once by its client id (a second submit adds nothing). */
export async function saveFollowUpNote(supabase: Client, note: { id: string; requestId: string; organisationId: string; text: string }): Promise<void> {
	const { error } = await supabase
		.from('request_events')
		.upsert({ id: note.id, request_id: note.requestId, organisation_id: note.organisationId, type: 'note', note: note.text }, { onConflict: 'id', ignoreDuplicates: true });
	if (error) throw new Error(error.message);
}
