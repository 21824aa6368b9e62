/**
 * What can happen to a request draft besides being edited, as pure rules: it
 * is deleted (here or elsewhere), or filed on another device. No I/O: the
 * drafts sync and the drafts pages apply these.
 *
 * A deleted draft leaves a small marker on the device (same id, no content)
 * for a while, so a list of drafts read before the deletion (a page kept for
 * offline use) can never bring it back.
 */
import type { ServerDraft } from '$lib/data/drafts';
import type { Draft } from './db-schema';
import { DELETED_DRAFT_KIND, hasUnsyncedChanges } from './draft-state';

export { DELETED_DRAFT_KIND, REQUEST_DRAFT_KIND, hasUnsyncedChanges, isDeletedDraft, keepsDeviceCopy } from './draft-state';

/** How long a deletion marker is kept: longer than a page kept for offline use (30 days) may be shown. */
export const DELETION_MARKER_DAYS = 31;

/** here: the user deleted it on this device; elsewhere: another device did, and this one had no changes to keep. */
export type DeletedBy = 'here' | 'elsewhere';

export interface DeletedDraft extends Draft {
	kind: typeof DELETED_DRAFT_KIND;
	fields: { deletedAt: string; by: DeletedBy };
}

/** The draft was filed, or deleted, on another device. */
export interface ClosedElsewhere {
	reason: 'filed' | 'deleted';
	/** When this device found out. */
	at: string;
	/** Filed: the new draft that keeps what was changed here after the filing; null when nothing was. */
	copyId: string | null;
}

/** The marker that replaces a deleted draft: its content is gone; it is not work waiting to sync. */
export function deletionMarker(draft: Pick<Draft, 'id' | 'organisationId' | 'serverVersion' | 'deviceId'>, at: string, by: DeletedBy): DeletedDraft {
	return {
		id: draft.id,
		organisationId: draft.organisationId,
		kind: DELETED_DRAFT_KIND,
		fields: { deletedAt: at, by },
		updatedAt: at,
		syncedAt: at,
		serverVersion: draft.serverVersion,
		deviceId: draft.deviceId
	};
}

export function isExpiredMarker(marker: DeletedDraft, now: Date): boolean {
	return now.getTime() - Date.parse(marker.fields.deletedAt) > DELETION_MARKER_DAYS * 24 * 60 * 60 * 1000;
}

/** The `closedElsewhere` a draft's fields hold, if it is one. */
export function closedElsewhereOf(fields: Record<string, unknown>): ClosedElsewhere | null {
	const value = fields.closedElsewhere;
	if (!value || typeof value !== 'object') return null;
	const { reason, at, copyId } = value as Record<string, unknown>;
	if ((reason !== 'filed' && reason !== 'deleted') || typeof at !== 'string') return null;
	return { reason, at, copyId: typeof copyId === 'string' ? copyId : null };
}

/**
 * What a fresh look at the server means for a draft on this device:
 * - `unchanged`: nothing to do (never on the server, filed here, already closed, or still there and unfiled);
 * - `leave`: it has changes not synced yet, so its own sync meets what happened and keeps those changes;
 * - `deleted`: gone from the server, and this device has nothing the server lacked: remove it here too;
 * - `filed`: filed on another device, and this device has nothing the filed version lacks: mark it filed.
 *
 * `server` is the row read just now (filed or not), undefined when the server has none the user can see;
 * `waiting` says whether the outbox holds an entry for the draft.
 */
export type RemoteFate = 'unchanged' | 'leave' | 'deleted' | 'filed';

export function remoteFate(local: Draft, server: Pick<ServerDraft, 'filedAt'> | undefined, waiting: boolean): RemoteFate {
	if (local.serverVersion === null || local.organisationId === '') return 'unchanged';
	if (typeof local.fields.filedAt === 'string' || closedElsewhereOf(local.fields)) return 'unchanged';
	if (server && server.filedAt === null) return 'unchanged';
	if (hasUnsyncedChanges(local) || waiting) return 'leave';
	return server ? 'filed' : 'deleted';
}
