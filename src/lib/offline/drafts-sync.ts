/**
 * Request drafts on the device and their sync. Every autosave writes the draft
 * to IndexedDB and queues one outbox entry per draft (re-queueing replaces it),
 * so drafts sync in order with everything else, with the outbox's retries,
 * backoff, sign-in handling and "Sync now". The entry only names the draft:
 * the transport sends what the device holds at that moment.
 *
 * Two devices changing the same draft never lose anything: when another device
 * saved first, this device's version becomes a new draft (`restoredFrom`),
 * and the original takes the server's version.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { saveServerDraft, type DraftContent, type ServerDraft } from '$lib/data/drafts';
import { changeDraft, getDraft, listDrafts, saveDraft } from './db';
import type { Draft } from './db-schema';
import { newId } from './ids';
import { enqueue } from './outbox';
import { classifySupabaseResponse, supabaseTransport, type OutboxTransport, type SendResult } from './transport';

export const REQUEST_DRAFT_KIND = 'request_draft';
export const REQUEST_DRAFTS_TABLE = 'request_drafts';

/** `Draft.fields` of a request draft. */
export interface RequestDraftFields {
	templateId: string;
	title: string;
	values: Record<string, unknown>;
	agencyIds: string[];
	restoredFrom?: string | null;
}

export interface RequestDraft extends Draft {
	fields: RequestDraftFields & Record<string, unknown>;
}

export function isRequestDraft(draft: Draft | undefined): draft is RequestDraft {
	return draft?.kind === REQUEST_DRAFT_KIND;
}

/** Never synced, or edited since it last was. */
export function hasUnsyncedChanges(draft: Draft): boolean {
	return draft.syncedAt === null || draft.syncedAt < draft.updatedAt;
}

export function contentOf(draft: RequestDraft): DraftContent {
	const { templateId, title, values, agencyIds, restoredFrom } = draft.fields;
	return { organisationId: draft.organisationId, templateId, title, values, agencyIds, restoredFrom: restoredFrom ?? null };
}

/** The server's version as a device draft, synced as of its own timestamp. */
export function fromServer(server: ServerDraft, deviceId: string): RequestDraft {
	return {
		id: server.id,
		organisationId: server.organisationId,
		kind: REQUEST_DRAFT_KIND,
		fields: { templateId: server.templateId, title: server.title, values: server.values, agencyIds: server.agencyIds, restoredFrom: server.restoredFrom },
		updatedAt: server.updatedAt,
		syncedAt: server.updatedAt,
		serverVersion: String(server.revision),
		deviceId
	};
}

export async function listRequestDrafts(): Promise<RequestDraft[]> {
	return (await listDrafts()).filter(isRequestDraft);
}

export async function getRequestDraft(id: string): Promise<RequestDraft | undefined> {
	const draft = await getDraft(id);
	return isRequestDraft(draft) ? draft : undefined;
}

function syncEntry(draft: RequestDraft) {
	return { id: draft.id, table: REQUEST_DRAFTS_TABLE, operation: 'update' as const, payload: { title: draft.fields.title } };
}

/**
 * Autosave: keep the draft on the device and queue it for sync. Keeps the sync
 * bookkeeping (syncedAt, serverVersion) the stored draft has, whatever the
 * caller remembered. A draft without an organisation stays on the device only.
 */
export async function saveRequestDraft(
	draft: { id: string; organisationId: string; fields: RequestDraftFields; deviceId: string },
	now: Date = new Date()
): Promise<RequestDraft> {
	const updatedAt = now.toISOString();
	const saved = (await changeDraft(draft.id, (stored) => ({
		id: draft.id,
		organisationId: draft.organisationId,
		kind: REQUEST_DRAFT_KIND,
		fields: { ...draft.fields },
		// Never earlier than the stored one: listing order and "edited since synced" stay right even if clocks disagree.
		updatedAt: stored && stored.updatedAt >= updatedAt ? new Date(Date.parse(stored.updatedAt) + 1).toISOString() : updatedAt,
		syncedAt: stored?.syncedAt ?? null,
		serverVersion: stored?.serverVersion ?? null,
		deviceId: draft.deviceId
	}))) as RequestDraft;
	if (saved.organisationId !== '') await enqueue(syncEntry(saved), now);
	return saved;
}

/**
 * Take the server's drafts (from other devices) onto this device: new ones are
 * added, newer server revisions replace drafts with no unsynced changes here.
 * A draft changed here is left alone: its sync will meet the conflict.
 */
export async function mergeServerDrafts(drafts: readonly ServerDraft[], deviceId: string): Promise<number> {
	let changed = 0;
	for (const server of drafts) {
		await changeDraft(server.id, (stored) => {
			if (stored && (hasUnsyncedChanges(stored) || Number(stored.serverVersion ?? 0) >= server.revision)) return 'keep';
			changed += 1;
			return fromServer(server, deviceId);
		});
	}
	return changed;
}

export interface RequestDraftTransportOptions {
	/** The title of the copy kept from this device, e.g. "Budget (copy from this device, 25 Nov 14:02)". */
	copyTitle: (draft: RequestDraftFields, at: Date) => string;
	now?: () => Date;
	fallback?: OutboxTransport;
}

/**
 * The outbox transport: request-draft entries are sent by `sendRequestDraft`,
 * everything else by the ordinary supabase-js transport (batches included).
 */
export function requestDraftTransport(client: SupabaseClient<Database>, options: RequestDraftTransportOptions): OutboxTransport {
	const fallback = options.fallback ?? supabaseTransport(client as SupabaseClient);
	const transport: OutboxTransport = {
		async send(entry) {
			if (entry.table !== REQUEST_DRAFTS_TABLE) return fallback.send(entry);
			// Filing says "filed" through the same entry (same id and operation), and an autosave may
			// replace that payload later, so the device's draft remembers it too.
			const local = await getDraft(entry.id);
			const filedAt =
				typeof entry.payload.filed_at === 'string'
					? entry.payload.filed_at
					: typeof local?.fields.filedAt === 'string'
						? local.fields.filedAt
						: null;
			const saved = await sendRequestDraft(client, entry.id, options);
			if (!saved.ok || filedAt === null) return saved;
			return markDraftFiled(client, entry.id, filedAt);
		}
	};
	const sendBatch = fallback.sendBatch?.bind(fallback);
	if (!sendBatch) return transport;
	return {
		...transport,
		// Other tables' batches go to the fallback; request drafts only ever go one by one.
		async sendBatch(entries) {
			if (!entries.some((entry) => entry.table === REQUEST_DRAFTS_TABLE)) return sendBatch(entries);
			for (const entry of entries) {
				const result = await transport.send(entry);
				if (!result.ok) return result;
			}
			return { ok: true };
		}
	};
}

/** Sets filed_at once; a replay after a lost answer matches no row (already filed) and is fine. */
async function markDraftFiled(client: SupabaseClient<Database>, id: string, filedAt: string): Promise<SendResult> {
	const { error, status } = await client.from(REQUEST_DRAFTS_TABLE).update({ filed_at: filedAt }).eq('id', id).is('filed_at', null);
	if (error?.code === FROZEN_DRAFT_CODE) return { ok: true };
	return classifySupabaseResponse({ status, error });
}

/** SQLSTATE the database raises when a filed draft is changed again (request_drafts migration). */
const FROZEN_DRAFT_CODE = '55000';

export async function sendRequestDraft(client: SupabaseClient<Database>, id: string, options: RequestDraftTransportOptions): Promise<SendResult> {
	const local = await getRequestDraft(id);
	// Gone from the device (or never a request draft): nothing to send.
	if (!local || local.organisationId === '') return { ok: true };
	const base = local.serverVersion === null ? null : Number(local.serverVersion);
	const result = await saveServerDraft(client, id, contentOf(local), base);
	switch (result.outcome) {
		case 'saved':
			await changeDraft(id, (stored) =>
				stored ? { ...stored, syncedAt: stored.syncedAt && stored.syncedAt > local.updatedAt ? stored.syncedAt : local.updatedAt, serverVersion: String(result.draft.revision) } : 'keep'
			);
			return { ok: true };
		case 'conflict':
			return keepLocalVersionAsCopy(local, result.server, options);
		case 'refused':
			return { ok: false, failure: 'rejected', message: result.message, code: '42501' };
		case 'failed':
			// Already filed (from another device or a replay): its content can no longer change, nothing to send.
			if (result.code === FROZEN_DRAFT_CODE) return { ok: true };
			return classifySupabaseResponse({ status: result.status, error: { message: result.message, code: result.code } });
	}
}

/**
 * Another device saved first. This device's version becomes a new draft on the device (queued for sync), then the
 * original takes the server's version. If the user typed while this ran, the copy gets that too.
 */
async function keepLocalVersionAsCopy(
	local: RequestDraft,
	server: ServerDraft,
	options: RequestDraftTransportOptions
): Promise<SendResult> {
	const at = (options.now ?? (() => new Date()))();
	const copyId = newId();
	const copyOf = (draft: RequestDraft): RequestDraft => ({
		...draft,
		id: copyId,
		fields: { ...draft.fields, title: options.copyTitle(local.fields, at), restoredFrom: local.id },
		syncedAt: null,
		serverVersion: null
	});
	await saveDraft(copyOf(local));
	let latest: RequestDraft = local;
	await changeDraft(local.id, (stored) => {
		if (isRequestDraft(stored)) latest = stored;
		return fromServer(server, local.deviceId);
	});
	const copy = copyOf(latest);
	if (latest.updatedAt !== local.updatedAt) await saveDraft(copy);
	// Sent next in this same drain (it is queued after the entry being sent).
	await enqueue(syncEntry(copy), at);
	return { ok: true };
}
