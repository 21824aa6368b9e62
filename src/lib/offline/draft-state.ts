/**
 * The few facts about a draft on the device the composer needs as the page
 * starts (opened-draft.ts), apart from the rest of the rules so its first load
 * stays small: which kind of record it is, whether it waits to sync, whose it
 * is, and whether the server's copy would replace it. Pure, no I/O;
 * `draft-fates.ts` and `ownership.ts` re-export them.
 */
import type { ServerDraft } from '$lib/data/drafts';
import type { DeviceAccount, Draft, Owned } from './db-schema';
import type { DeletedDraft } from './draft-fates';

/** `Draft.kind` of a request draft. */
export const REQUEST_DRAFT_KIND = 'request_draft';

/** `Draft.kind` of the marker a deleted request draft leaves behind. */
export const DELETED_DRAFT_KIND = 'request_draft_deleted';

export function isDeletedDraft(draft: Draft | undefined): draft is DeletedDraft {
	return draft?.kind === DELETED_DRAFT_KIND;
}

/** Never synced, or edited since it last was. */
export function hasUnsyncedChanges(draft: Draft): boolean {
	return draft.syncedAt === null || draft.syncedAt < draft.updatedAt;
}

/** Whether `account` (null: nobody signed in) may see and send `record`: its own, or one nobody owns yet. */
export function isVisibleTo(record: Owned, account: DeviceAccount | null): boolean {
	return record.owner === undefined || record.owner.userId === account?.userId;
}

/**
 * Whether merging the server's copy (`server`, the same draft) leaves the device's as it is: it was deleted here,
 * has changes not synced yet, already has that version (or a later one), or is filed or closed already.
 */
export function keepsDeviceCopy(stored: Draft | undefined, server: Pick<ServerDraft, 'filedAt' | 'revision'>): boolean {
	if (isDeletedDraft(stored)) return true;
	if (server.filedAt !== null) {
		return stored?.kind !== REQUEST_DRAFT_KIND || hasUnsyncedChanges(stored) || Boolean(stored.fields.filedAt) || Boolean(stored.fields.closedElsewhere);
	}
	return stored !== undefined && (hasUnsyncedChanges(stored) || Number(stored.serverVersion ?? 0) >= server.revision);
}
