/**
 * Request drafts on the device and their sync. Every autosave writes the draft
 * to IndexedDB and queues one outbox entry per draft (re-queueing replaces it),
 * so drafts sync in order with everything else, with the outbox's retries,
 * backoff, sign-in handling and "Sync now". The entry only names the draft:
 * the transport sends what the device holds at that moment.
 *
 * Two devices changing the same draft never lose anything: when another device
 * saved first, this device's version becomes a new draft (`restoredFrom`),
 * and the original takes the server's version. A draft filed on another device
 * is marked filed here (changes made here after that become a new draft); one
 * deleted on another device while it had changes here stays on this device only
 * until the user keeps it or deletes it (`draft-fates.ts`, `drafts-deletion.ts`).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { deleteServerDraft, getServerDraft, sameContent, saveServerDraft, type DraftContent, type ServerDraft } from '$lib/data/drafts';
import { changeDraft, deleteDraft, getDraft, listDrafts, saveDraft } from './db';
import type { DeviceAccount, Draft } from './db-schema';
import { REQUEST_DRAFT_KIND, isDeletedDraft, keepsDeviceCopy, type ClosedElsewhere } from './draft-fates';
import { newId } from './ids';
import { enqueue } from './outbox';
import { classifySupabaseResponse, supabaseTransport, type OutboxTransport, type SendResult } from './transport';

export { hasUnsyncedChanges, REQUEST_DRAFT_KIND } from './draft-fates';
export const REQUEST_DRAFTS_TABLE = 'request_drafts';

/** `Draft.fields` of a request draft. */
export interface RequestDraftFields {
	templateId: string;
	title: string;
	values: Record<string, unknown>;
	agencyIds: string[];
	restoredFrom?: string | null;
	/** When it was filed (its requests exist): set by filing on this device, or when it was found filed elsewhere. */
	filedAt?: string | null;
	/** Its author as the server knows it (absent while it has only been on this device). */
	createdBy?: string | null;
	/** Filed or deleted on another device (see draft-fates.ts). */
	closedElsewhere?: ClosedElsewhere | null;
}

/** Fields the device keeps about a draft besides what the user typed: an autosave never drops them. */
function bookkeepingOf(stored: Draft | undefined): Partial<RequestDraftFields> {
	if (!isRequestDraft(stored)) return {};
	const { filedAt, createdBy, closedElsewhere } = stored.fields;
	return {
		...(filedAt !== undefined ? { filedAt } : {}),
		...(createdBy !== undefined ? { createdBy } : {}),
		...(closedElsewhere ? { closedElsewhere } : {})
	};
}

/** Thrown when a change is saved to a draft that was deleted, or filed on another device, meanwhile. */
export class DraftClosedError extends Error {
	constructor(readonly reason: 'deleted' | 'filed') {
		super(reason === 'deleted' ? 'This draft was deleted.' : 'This draft was filed on another device and can no longer be changed.');
		this.name = 'DraftClosedError';
	}
}

export interface RequestDraft extends Draft {
	fields: RequestDraftFields & Record<string, unknown>;
}

export function isRequestDraft(draft: Draft | undefined): draft is RequestDraft {
	return draft?.kind === REQUEST_DRAFT_KIND;
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
		fields: {
			templateId: server.templateId,
			title: server.title,
			values: server.values,
			agencyIds: server.agencyIds,
			restoredFrom: server.restoredFrom,
			createdBy: server.createdBy
		},
		updatedAt: server.updatedAt,
		syncedAt: server.updatedAt,
		serverVersion: String(server.revision),
		deviceId
	};
}

export async function listRequestDrafts(): Promise<RequestDraft[]> {
	return (await listDrafts()).filter(isRequestDraft);
}

/** `account`: whose draft it may be, when the page has not yet said who is signed in (device-account.ts). */
export async function getRequestDraft(id: string, account?: DeviceAccount | null): Promise<RequestDraft | undefined> {
	const draft = await (account === undefined ? getDraft(id) : getDraft(id, account));
	return isRequestDraft(draft) ? draft : undefined;
}

export function syncEntry(draft: RequestDraft) {
	return { id: draft.id, table: REQUEST_DRAFTS_TABLE, operation: 'update' as const, payload: { title: draft.fields.title } };
}

/** The outbox entry that deletes a draft on the server. */
export function deletionEntry(id: string) {
	return { id, table: REQUEST_DRAFTS_TABLE, operation: 'delete' as const, payload: {} };
}

/**
 * Autosave: keep the draft on the device and queue it for sync. Keeps the sync
 * bookkeeping (syncedAt, serverVersion, filedAt, …) the stored draft has, whatever
 * the caller remembered. A draft without an organisation stays on the device only,
 * and so does one deleted on another device (until the user keeps it). A draft
 * deleted, or filed elsewhere, meanwhile is not written: `DraftClosedError`.
 */
export async function saveRequestDraft(
	draft: { id: string; organisationId: string; fields: RequestDraftFields; deviceId: string },
	now: Date = new Date()
): Promise<RequestDraft> {
	const updatedAt = now.toISOString();
	let closed: 'deleted' | 'filed' | null = null;
	const saved = await changeDraft(draft.id, (stored) => {
		closed = isDeletedDraft(stored) ? 'deleted' : isRequestDraft(stored) && stored.fields.closedElsewhere?.reason === 'filed' ? 'filed' : null;
		if (closed) return 'keep';
		return {
			id: draft.id,
			organisationId: draft.organisationId,
			kind: REQUEST_DRAFT_KIND,
			fields: { ...bookkeepingOf(stored), ...draft.fields },
			// Never earlier than the stored one: listing order and "edited since synced" stay right even if clocks disagree.
			updatedAt: stored && stored.updatedAt >= updatedAt ? new Date(Date.parse(stored.updatedAt) + 1).toISOString() : updatedAt,
			syncedAt: stored?.syncedAt ?? null,
			serverVersion: stored?.serverVersion ?? null,
			deviceId: draft.deviceId
		};
	});
	if (!isRequestDraft(saved) || closed) throw new DraftClosedError(closed ?? 'deleted');
	if (saved.organisationId !== '' && !saved.fields.closedElsewhere) await enqueue(syncEntry(saved), now);
	return saved;
}

/**
 * Take the server's drafts (from other devices) onto this device: new ones are
 * added, newer server revisions replace drafts with no unsynced changes here.
 * A draft changed here is left alone: its sync will meet the conflict. A draft
 * deleted on this device never comes back, and a filed one is not added: one
 * this device holds unchanged (and did not file itself) is marked filed elsewhere.
 */
export async function mergeServerDrafts(drafts: readonly ServerDraft[], deviceId: string, now: Date = new Date()): Promise<number> {
	let changed = 0;
	for (const server of drafts) {
		await changeDraft(server.id, (stored) => {
			const merged = mergedWithServer(stored, server, deviceId, now);
			if (merged !== 'keep') changed += 1;
			return merged;
		});
	}
	return changed;
}

/**
 * The device's copy once the server's is merged into it, or 'keep' when the device's stays as it is:
 * it has changes not yet synced, already has that version (or a later one), or was deleted here.
 */
function mergedWithServer(stored: Draft | undefined, server: ServerDraft, deviceId: string, now: Date): RequestDraft | 'keep' {
	if (keepsDeviceCopy(stored, server)) return 'keep';
	if (server.filedAt !== null && isRequestDraft(stored)) return closedAsFiled(stored, server, now.toISOString(), null);
	return fromServer(server, deviceId);
}

/** The server's filed version, marked as filed on another device (`copyId`: the new draft keeping this device's changes). */
export function closedAsFiled(stored: RequestDraft, server: ServerDraft, at: string, copyId: string | null): RequestDraft {
	const taken = fromServer(server, stored.deviceId);
	return { ...taken, fields: { ...taken.fields, filedAt: server.filedAt, closedElsewhere: { reason: 'filed', at, copyId } } };
}

/** Deleted on another device while this one had changes: kept here only (no longer synced) until the user decides. */
export function closedAsDeleted(stored: RequestDraft, at: string): RequestDraft {
	return { ...stored, serverVersion: null, fields: { ...stored.fields, closedElsewhere: { reason: 'deleted', at, copyId: null } } };
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
			if (entry.operation === 'delete') return sendDraftDeletion(client, entry.id);
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
const RLS_DENIED = '42501';

/**
 * A deletion made on this device. Already gone, or filed meanwhile (it stays with its requests), are fine. Refused
 * (not its author nor an owner): the server keeps it, so the device forgets the deletion (the next pull brings the
 * draft back) and the refusal is shown.
 */
async function sendDraftDeletion(client: SupabaseClient<Database>, id: string): Promise<SendResult> {
	const result = await deleteServerDraft(client, id);
	switch (result.outcome) {
		case 'deleted':
		case 'filed':
			return { ok: true };
		case 'refused':
			if (isDeletedDraft(await getDraft(id))) await deleteDraft(id);
			return { ok: false, failure: 'rejected', message: result.message, code: RLS_DENIED };
		case 'failed':
			return classifySupabaseResponse({ status: result.status, error: { message: result.message, code: result.code } });
	}
}

export async function sendRequestDraft(client: SupabaseClient<Database>, id: string, options: RequestDraftTransportOptions): Promise<SendResult> {
	const local = await getRequestDraft(id);
	// Gone from the device (or never a request draft): nothing to send.
	if (!local || local.organisationId === '') return { ok: true };
	// Filed elsewhere (it can no longer change) or deleted elsewhere (kept here only, until the user keeps it).
	if (local.fields.closedElsewhere) return { ok: true };
	const base = local.serverVersion === null ? null : Number(local.serverVersion);
	const result = await saveServerDraft(client, id, contentOf(local), base, { whenGone: 'report' });
	const at = () => (options.now ?? (() => new Date()))().toISOString();
	switch (result.outcome) {
		case 'saved': {
			let deletedMeanwhile = false;
			await changeDraft(id, (stored) => {
				deletedMeanwhile = isDeletedDraft(stored);
				if (!stored || deletedMeanwhile) return 'keep';
				return { ...stored, syncedAt: stored.syncedAt && stored.syncedAt > local.updatedAt ? stored.syncedAt : local.updatedAt, serverVersion: String(result.draft.revision) };
			});
			// Deleted on this device while it was being created: delete it on the server too (next in this drain).
			if (deletedMeanwhile) await enqueue(deletionEntry(id));
			return { ok: true };
		}
		case 'conflict':
			if (result.server.filedAt !== null) return settleFiled(local, result.server, options);
			return keepLocalVersionAsCopy(local, result.server, options, () => (stored) => fromServer(result.server, stored.deviceId));
		case 'gone':
			// Deleted on another device: what was changed here stays here (not sent, not lost) until the user decides.
			await changeDraft(id, (stored) => (isRequestDraft(stored) ? closedAsDeleted(stored, at()) : 'keep'));
			return { ok: true };
		case 'refused':
			return { ok: false, failure: 'rejected', message: result.message, code: RLS_DENIED };
		case 'failed': {
			if (result.code !== FROZEN_DRAFT_CODE) return classifySupabaseResponse({ status: result.status, error: { message: result.message, code: result.code } });
			// Filed meanwhile (on another device, or a replay of this one's filing): its content can no longer change.
			let server: ServerDraft | null;
			try {
				server = await getServerDraft(client, id);
			} catch (error) {
				return { ok: false, failure: 'network', message: error instanceof Error ? error.message : String(error) };
			}
			return server?.filedAt ? settleFiled(local, server, options) : { ok: true };
		}
	}
}

/**
 * The draft is filed on the server. Filed by this device (a replay): take the server's version. Filed elsewhere:
 * mark it filed here, and keep what this device changed after the filing as a new draft (nothing is lost).
 */
async function settleFiled(local: RequestDraft, server: ServerDraft, options: RequestDraftTransportOptions): Promise<SendResult> {
	const at = (options.now ?? (() => new Date()))().toISOString();
	if (local.fields.filedAt) {
		await changeDraft(local.id, (stored) => {
			if (!isRequestDraft(stored)) return 'keep';
			const taken = fromServer(server, stored.deviceId);
			return { ...taken, fields: { ...taken.fields, filedAt: stored.fields.filedAt ?? server.filedAt } };
		});
		return { ok: true };
	}
	if (sameContent(contentOf(local), server)) {
		await changeDraft(local.id, (stored) => (isRequestDraft(stored) ? closedAsFiled(stored, server, at, null) : 'keep'));
		return { ok: true };
	}
	return keepLocalVersionAsCopy(local, server, options, (copyId) => (stored) => closedAsFiled(stored, server, at, copyId));
}

/**
 * The server holds another version (saved first elsewhere, or filed). This device's version becomes a new draft on
 * the device (queued for sync), then the original becomes `original(copyId)` of what is stored. If the user typed
 * while this ran, the copy gets that too. A draft deleted on this device meanwhile is left deleted, with no copy.
 */
async function keepLocalVersionAsCopy(
	local: RequestDraft,
	server: ServerDraft,
	options: RequestDraftTransportOptions,
	original: (copyId: string) => (stored: RequestDraft) => RequestDraft
): Promise<SendResult> {
	const at = (options.now ?? (() => new Date()))();
	const copyId = newId();
	const copyOf = (draft: RequestDraft): RequestDraft => ({
		...draft,
		id: copyId,
		// Only what the user wrote: the copy is a new draft of this device (not filed, its author is whoever syncs it).
		fields: {
			templateId: draft.fields.templateId,
			title: options.copyTitle(local.fields, at),
			values: draft.fields.values,
			agencyIds: draft.fields.agencyIds,
			restoredFrom: local.id
		},
		syncedAt: null,
		serverVersion: null
	});
	if (isDeletedDraft(await getDraft(local.id))) return { ok: true };
	await saveDraft(copyOf(local));
	let latest: RequestDraft = local;
	let deleted = false;
	await changeDraft(local.id, (stored) => {
		deleted = isDeletedDraft(stored);
		if (deleted) return 'keep';
		if (isRequestDraft(stored)) latest = stored;
		return original(copyId)(latest);
	});
	if (deleted) {
		await deleteDraft(copyId);
		return { ok: true };
	}
	const copy = copyOf(latest);
	if (latest.updatedAt !== local.updatedAt) await saveDraft(copy);
	// Sent next in this same drain (it is queued after the entry being sent).
	await enqueue(syncEntry(copy), at);
	return { ok: true };
}
