/**
 * Typed supabase-js queries for request drafts (`request_drafts`). Used by the
 * composer's form action on the server and by the device's sync in the
 * browser. Every save over an existing draft names the revision it was based
 * on; when another device saved first, nothing is overwritten: the caller is
 * told (`conflict`) and keeps both versions with `keepBothVersions`.
 * Deleting is allowed to the draft's author and the organisation's owners
 * (row-level security), and only while the draft is not filed.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Json } from '$lib/database.types';

type DraftRow = Database['public']['Tables']['request_drafts']['Row'];

/** What a user writes in a draft. */
export interface DraftContent {
	organisationId: string;
	templateId: string;
	title: string;
	values: Record<string, unknown>;
	agencyIds: string[];
	/** Set on a copy kept when two devices changed the same draft. */
	restoredFrom?: string | null;
}

export interface ServerDraft extends Required<DraftContent> {
	id: string;
	revision: number;
	filedAt: string | null;
	/** Who wrote it: with owners, the only one who may delete it. */
	createdBy: string | null;
	createdAt: string;
	/** ISO 8601, normalised to `…Z`. */
	updatedAt: string;
}

/**
 * saved: the server holds this content at `draft.revision`; conflict: another device saved first (nothing written);
 * gone: the draft was deleted meanwhile (or is out of reach), only when the caller asked to be told instead of
 * recreating it; refused: row-level security said no (not an editor of the organisation); failed: any other
 * error, with its HTTP status.
 */
export type DraftWriteResult =
	| { outcome: 'saved'; draft: ServerDraft }
	| { outcome: 'conflict'; server: ServerDraft }
	| { outcome: 'gone' }
	| { outcome: 'refused'; message: string }
	| { outcome: 'failed'; status: number; message: string; code?: string };

const COLUMNS = 'id, organisation_id, template_id, title, fields, agency_ids, revision, restored_from, filed_at, created_by, created_at, updated_at';
const RLS_DENIED = '42501';
const REFUSED_UPDATE = 'You may not change drafts of this organisation (only editors and owners can).';

type Client = SupabaseClient<Database>;
interface PostgrestFailure {
	status: number;
	error: { message: string; code?: string | null };
}

export function toServerDraft(row: DraftRow): ServerDraft {
	const fields = row.fields;
	return {
		id: row.id,
		organisationId: row.organisation_id,
		templateId: row.template_id,
		title: row.title,
		values: fields && typeof fields === 'object' && !Array.isArray(fields) ? (fields as Record<string, unknown>) : {},
		agencyIds: row.agency_ids,
		restoredFrom: row.restored_from,
		revision: row.revision,
		filedAt: row.filed_at,
		createdBy: row.created_by,
		createdAt: row.created_at,
		updatedAt: new Date(row.updated_at).toISOString()
	};
}

function columnsOf(content: DraftContent) {
	return {
		template_id: content.templateId,
		title: content.title,
		fields: content.values as Json,
		agency_ids: content.agencyIds
	};
}

function failure({ status, error }: PostgrestFailure): DraftWriteResult {
	if (error.code === RLS_DENIED) return { outcome: 'refused', message: error.message };
	return { outcome: 'failed', status, message: error.message, ...(error.code ? { code: error.code } : {}) };
}

/** JSON with sorted keys: jsonb does not keep key order, so compare contents this way. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

export function sameContent(a: DraftContent, b: DraftContent): boolean {
	return canonical(columnsOf(a)) === canonical(columnsOf(b));
}

export async function getServerDraft(supabase: Client, id: string): Promise<ServerDraft | null> {
	const { data, error } = await supabase.from('request_drafts').select(COLUMNS).eq('id', id).maybeSingle();
	if (error) throw new Error(error.message);
	return data ? toServerDraft(data as DraftRow) : null;
}

/** Unfiled drafts of the caller's organisations (RLS decides which), most recently changed first. */
export async function listServerDrafts(supabase: Client): Promise<ServerDraft[]> {
	const { data, error } = await supabase.from('request_drafts').select(COLUMNS).is('filed_at', null).order('updated_at', { ascending: false }).limit(200);
	if (error) throw new Error(error.message);
	return ((data ?? []) as DraftRow[]).map(toServerDraft);
}

/**
 * Create a draft under the id the device gave it. A replay (the first answer was lost) inserts nothing;
 * if the stored row then differs from `content` (an edit made while the answer was lost), it is saved over
 * the revision just created, so the newest content always reaches the server.
 */
export async function createServerDraft(supabase: Client, id: string, content: DraftContent, userId?: string): Promise<DraftWriteResult> {
	const row = {
		id,
		organisation_id: content.organisationId,
		restored_from: content.restoredFrom ?? null,
		...columnsOf(content),
		...(userId ? { created_by: userId } : {})
	};
	const inserted = await supabase.from('request_drafts').upsert(row, { onConflict: 'id', ignoreDuplicates: true });
	if (inserted.error) return failure(inserted);
	const stored = await supabase.from('request_drafts').select(COLUMNS).eq('id', id).maybeSingle();
	if (stored.error) return failure(stored);
	if (!stored.data) return { outcome: 'refused', message: REFUSED_UPDATE };
	const draft = toServerDraft(stored.data as DraftRow);
	if (sameContent(draft, content)) return { outcome: 'saved', draft };
	// The row existed with other content: an earlier creation of ours (answer lost) — or an id clash; never overwrite blindly.
	return draft.revision === 1 ? updateServerDraft(supabase, id, content, 1) : { outcome: 'conflict', server: draft };
}

/** What to do when the draft to save over is gone: create it again (an explicit save) or say so (a background sync). */
export interface SaveOptions {
	whenGone?: 'recreate' | 'report';
}

/** Save over revision `baseRevision`: zero rows changed means another device saved first (or the row is out of reach). */
export async function updateServerDraft(
	supabase: Client,
	id: string,
	content: DraftContent,
	baseRevision: number,
	{ whenGone = 'recreate' }: SaveOptions = {}
): Promise<DraftWriteResult> {
	const updated = await supabase.from('request_drafts').update(columnsOf(content)).eq('id', id).eq('revision', baseRevision).select(COLUMNS);
	if (updated.error) return failure(updated);
	const row = (updated.data ?? [])[0];
	if (row) return { outcome: 'saved', draft: toServerDraft(row as DraftRow) };
	const current = await supabase.from('request_drafts').select(COLUMNS).eq('id', id).maybeSingle();
	if (current.error) return failure(current);
	// Deleted meanwhile (or never visible): create it again, so what was typed is not lost, unless the caller decides.
	if (!current.data) return whenGone === 'report' ? { outcome: 'gone' } : createServerDraft(supabase, id, content);
	const server = toServerDraft(current.data as DraftRow);
	// Same revision and still nothing changed: the update policy refused it.
	if (server.revision === baseRevision) return { outcome: 'refused', message: REFUSED_UPDATE };
	return { outcome: 'conflict', server };
}

/** Create when there is no base revision, else save over it. */
export function saveServerDraft(
	supabase: Client,
	id: string,
	content: DraftContent,
	baseRevision: number | null,
	options: SaveOptions = {}
): Promise<DraftWriteResult> {
	return baseRevision === null ? createServerDraft(supabase, id, content) : updateServerDraft(supabase, id, content, baseRevision, options);
}

/** Ids per request when reading drafts by id: keeps the address short whatever a device holds. */
const IDS_PER_READ = 100;

/** The caller's drafts with these ids, filed or not (ids it cannot see, or that were deleted, are absent). */
export async function getServerDraftsById(supabase: Client, ids: readonly string[]): Promise<Map<string, ServerDraft>> {
	const found = new Map<string, ServerDraft>();
	for (let start = 0; start < ids.length; start += IDS_PER_READ) {
		const { data, error } = await supabase.from('request_drafts').select(COLUMNS).in('id', ids.slice(start, start + IDS_PER_READ));
		if (error) throw new Error(error.message);
		for (const row of (data ?? []) as DraftRow[]) found.set(row.id, toServerDraft(row));
	}
	return found;
}

/**
 * deleted: the draft is not on the server (any more: deleting twice is fine); filed: it was filed meanwhile and is
 * kept with its requests; refused: only its author and the organisation's owners may delete it; failed: any other error.
 */
export type DraftDeleteResult =
	| { outcome: 'deleted' }
	| { outcome: 'filed'; draft: ServerDraft }
	| { outcome: 'refused'; message: string }
	| { outcome: 'failed'; status: number; message: string; code?: string };

export const REFUSED_DELETE = 'Only the person who wrote a draft, or an owner of its organisation, can delete it.';

/** Delete an unfiled draft. Nothing deleted is then explained: already gone, filed meanwhile, or not allowed. */
export async function deleteServerDraft(supabase: Client, id: string): Promise<DraftDeleteResult> {
	const deleted = await supabase.from('request_drafts').delete().eq('id', id).is('filed_at', null).select('id');
	if (deleted.error) return deleteFailure(deleted);
	if ((deleted.data ?? []).length > 0) return { outcome: 'deleted' };
	const current = await supabase.from('request_drafts').select(COLUMNS).eq('id', id).maybeSingle();
	if (current.error) return deleteFailure(current);
	if (!current.data) return { outcome: 'deleted' };
	const draft = toServerDraft(current.data as DraftRow);
	return draft.filedAt !== null ? { outcome: 'filed', draft } : { outcome: 'refused', message: REFUSED_DELETE };
}

function deleteFailure({ status, error }: PostgrestFailure): DraftDeleteResult {
	if (error.code === RLS_DENIED) return { outcome: 'refused', message: REFUSED_DELETE };
	return { outcome: 'failed', status, message: error.message, ...(error.code ? { code: error.code } : {}) };
}

/**
 * Two devices changed the same draft and the other one saved first: store this device's version as a new
 * draft (`restored_from` = the original), so both versions exist. Idempotent for a given `copyId`.
 */
export function keepBothVersions(supabase: Client, original: ServerDraft, mine: DraftContent, copyId: string, copyTitle: string): Promise<DraftWriteResult> {
	return createServerDraft(supabase, copyId, { ...mine, organisationId: original.organisationId, title: copyTitle.slice(0, 300), restoredFrom: original.id });
}
