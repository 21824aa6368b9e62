/**
 * Deleting a request draft on this device: it goes from the device at once
 * (a marker with no content keeps its id, see draft-fates.ts), and the server
 * delete goes through the outbox, so it works offline and is sent exactly
 * once. A draft that never reached the server needs no server call: the
 * changes still waiting to create it are dropped instead.
 */
import { changeDraft, getDraft, listDrafts } from './db';
import { deletionMarker, isDeletedDraft, type DeletedDraft } from './draft-fates';
import { deletionEntry, isRequestDraft, REQUEST_DRAFTS_TABLE, syncEntry, type RequestDraft } from './drafts-sync';
import { discardEntry, enqueue, listOutbox } from './outbox';

/**
 * deleted: gone from the device; `syncing` says whether the server still has to delete it (through the outbox).
 * filed: a filed draft is kept with its requests and cannot be deleted.
 */
export type DraftDeletion = { outcome: 'deleted'; syncing: boolean } | { outcome: 'filed' };

/**
 * Delete a draft on this device and queue its deletion on the server when the server may have it. `listed` describes
 * a draft the user saw in the server's list but that is not on this device (yet): it is deleted on the server all the same.
 */
export async function deleteRequestDraft(
	id: string,
	listed: { organisationId: string; deviceId: string } | null = null,
	now: Date = new Date()
): Promise<DraftDeletion> {
	const at = now.toISOString();
	let before: RequestDraft | undefined;
	let filed = false;
	let marked = false;
	await changeDraft(id, (stored) => {
		if (isDeletedDraft(stored)) return 'keep';
		if (isRequestDraft(stored)) {
			filed = typeof stored.fields.filedAt === 'string';
			if (filed) return 'keep';
			before = stored;
			marked = true;
			return deletionMarker(stored, at, 'here');
		}
		if (stored || !listed) return 'keep';
		marked = true;
		return deletionMarker({ id, organisationId: listed.organisationId, serverVersion: null, deviceId: listed.deviceId }, at, 'here');
	});
	if (filed) return { outcome: 'filed' };
	if (!marked) return { outcome: 'deleted', syncing: false };
	// A draft this device never synced, or one already deleted elsewhere, is not on the server.
	const draft = before as RequestDraft | undefined;
	const onServer = draft === undefined || (draft.serverVersion !== null && draft.fields.closedElsewhere?.reason !== 'deleted');
	// Changes waiting to create or update it would only be undone: drop them.
	for (const entry of await listOutbox()) {
		if (entry.table === REQUEST_DRAFTS_TABLE && entry.id === id && entry.operation !== 'delete') await discardEntry(entry.seq);
	}
	if (onServer) await enqueue(deletionEntry(id), now);
	return { outcome: 'deleted', syncing: onServer };
}

/** The marker a deleted draft left on this device, if any. */
export async function getDeletedDraft(id: string): Promise<DeletedDraft | undefined> {
	const draft = await getDraft(id);
	return isDeletedDraft(draft) ? draft : undefined;
}

/** Ids of the drafts deleted on (or for) this device: a list read from the server before the deletion must not show them. */
export async function deletedDraftIds(): Promise<Set<string>> {
	return new Set((await listDrafts()).filter(isDeletedDraft).map((draft) => draft.id));
}

/**
 * The user keeps a draft that was deleted on another device after they changed it here: it syncs again, as a new
 * draft on the server under the same id. Returns the kept draft, or undefined when there was nothing to keep.
 */
export async function keepDraftDeletedElsewhere(id: string, now: Date = new Date()): Promise<RequestDraft | undefined> {
	let kept: RequestDraft | undefined;
	await changeDraft(id, (stored) => {
		if (!isRequestDraft(stored) || stored.fields.closedElsewhere?.reason !== 'deleted') return 'keep';
		// Its author on the server will be whoever syncs it now.
		const { createdBy: _previousAuthor, ...fields } = stored.fields;
		kept = { ...stored, fields: { ...fields, closedElsewhere: null }, syncedAt: null, serverVersion: null };
		return kept;
	});
	const draft = kept as RequestDraft | undefined;
	if (draft) await enqueue(syncEntry(draft), now);
	return draft;
}
