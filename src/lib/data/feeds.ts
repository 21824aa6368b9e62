/**
 * Typed supabase-js queries for calendar feeds and the organisation export:
 * a member's own feed links, the anonymous feed read by token, and the
 * owner-only export (all checked again by the database).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Enums } from '$lib/database.types';
import { isRequestStatus, type RequestStatus } from '$lib/cora';
import { isOrganisationExport, type OrganisationExport } from '$lib/export/organisation-export';

type Client = SupabaseClient<Database>;

export interface OrganisationMembership {
	id: string;
	name: string;
	role: Enums<'member_role'>;
}

/** The organisation with the caller's role in it, or null when the caller is not a member (or it does not exist). */
export async function organisationForMember(supabase: Client, organisationId: string, userId: string): Promise<OrganisationMembership | null> {
	if (!/^[0-9a-f-]{36}$/i.test(organisationId)) return null;
	const { data, error } = await supabase
		.from('memberships')
		.select('role, organisation:organisations(id, name)')
		.eq('organisation_id', organisationId)
		.eq('user_id', userId)
		.maybeSingle();
	if (error) throw new Error(error.message);
	return data?.organisation ? { id: data.organisation.id, name: data.organisation.name, role: data.role } : null;
}

export interface CalendarFeedLink {
	id: string;
	label: string | null;
	createdAt: string;
	lastUsedAt: string | null;
	revokedAt: string | null;
}

/** The caller's own feed links for the organisation, newest first (RLS shows no one else's). */
export async function listMyFeeds(supabase: Client, organisationId: string): Promise<CalendarFeedLink[]> {
	const { data, error } = await supabase
		.from('calendar_feeds')
		.select('id, label, created_at, last_used_at, revoked_at')
		.eq('organisation_id', organisationId)
		.order('created_at', { ascending: false });
	if (error) throw new Error(error.message);
	return (data ?? []).map((row) => ({
		id: row.id,
		label: row.label,
		createdAt: row.created_at,
		lastUsedAt: row.last_used_at,
		revokedAt: row.revoked_at
	}));
}

/** A new feed link; the token comes back this once and is stored only hashed. */
export async function createFeed(supabase: Client, organisationId: string, label: string | null): Promise<{ feedId: string; token: string }> {
	const { data, error } = await supabase.rpc('create_calendar_feed', { organisation_id: organisationId, ...(label ? { label } : {}) }).single();
	if (error || !data) throw new Error(error?.message ?? 'No feed was created');
	return { feedId: data.feed_id, token: data.token };
}

/** Revokes one of the caller's feeds; false when there was no such live feed of theirs. */
export async function revokeFeed(supabase: Client, organisationId: string, feedId: string): Promise<boolean> {
	const { data, error } = await supabase
		.from('calendar_feeds')
		.update({ revoked_at: new Date().toISOString() })
		.eq('id', feedId)
		.eq('organisation_id', organisationId)
		.is('revoked_at', null)
		.select('id');
	if (error) throw new Error(error.message);
	return (data ?? []).length > 0;
}

export interface FeedRequest {
	id: string;
	title: string;
	agency: string;
	status: RequestStatus;
	dueOn: string | null;
	extendedDueOn: string | null;
}

export interface CalendarFeedContent {
	organisation: string;
	requests: FeedRequest[];
}

/** A feed URL token is 32 bytes in base64url; anything else is not worth a database round trip. */
export function isFeedToken(value: string): boolean {
	return /^[A-Za-z0-9_-]{43}$/.test(value);
}

function feedRequest(value: unknown): FeedRequest | null {
	if (typeof value !== 'object' || value === null) return null;
	const row = value as Record<string, unknown>;
	const date = (v: unknown) => (typeof v === 'string' ? v : null);
	if (typeof row.id !== 'string' || typeof row.title !== 'string' || typeof row.agency !== 'string' || !isRequestStatus(row.status)) return null;
	return { id: row.id, title: row.title, agency: row.agency, status: row.status, dueOn: date(row.due_on), extendedDueOn: date(row.extended_due_on) };
}

/** What the feed shows for a token, or null for an unknown or revoked one. Works with the anon key. */
export async function readCalendarFeed(supabase: Client, token: string): Promise<CalendarFeedContent | null> {
	if (!isFeedToken(token)) return null;
	const { data, error } = await supabase.rpc('calendar_feed', { token });
	if (error) throw new Error(error.message);
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
	const organisation = data.organisation;
	const requests = Array.isArray(data.requests) ? data.requests : [];
	if (typeof organisation !== 'string') return null;
	return { organisation, requests: requests.map(feedRequest).filter((r): r is FeedRequest => r !== null) };
}

export class ExportRefused extends Error {}

/** Everything the owner may export; ExportRefused for anyone else (the database decides). */
export async function exportOrganisation(supabase: Client, organisationId: string): Promise<OrganisationExport> {
	const { data, error } = await supabase.rpc('export_organisation', { organisation_id: organisationId });
	if (error?.code === '42501') throw new ExportRefused(error.message);
	if (error) throw new Error(error.message);
	if (!isOrganisationExport(data)) throw new Error('The export came back in an unexpected shape');
	return data;
}

export interface ExportSummary {
	requests: number;
	events: number;
	findings: number;
	attachments: number;
	attachmentBytes: number;
	attachmentSizes: { id: string; fileName: string; sizeBytes: number }[];
}

/** Counts for the export page (read as a member, so looking at the page is not logged as an export). */
export async function exportSummary(supabase: Client, organisationId: string): Promise<ExportSummary> {
	const count = async (table: 'records_requests' | 'request_events' | 'disclosure_findings') => {
		const { count: n, error } = await supabase.from(table).select('id', { count: 'exact', head: true }).eq('organisation_id', organisationId);
		if (error) throw new Error(error.message);
		return n ?? 0;
	};
	const [requests, events, findings, files] = await Promise.all([
		count('records_requests'),
		count('request_events'),
		count('disclosure_findings'),
		supabase.from('attachments').select('id, file_name, size_bytes').eq('organisation_id', organisationId).order('request_id').order('created_at').order('id')
	]);
	if (files.error) throw new Error(files.error.message);
	const attachmentSizes = (files.data ?? []).map((f) => ({ id: f.id, fileName: f.file_name, sizeBytes: f.size_bytes }));
	return {
		requests,
		events,
		findings,
		attachments: attachmentSizes.length,
		attachmentBytes: attachmentSizes.reduce((n, f) => n + f.sizeBytes, 0),
		attachmentSizes
	};
}
