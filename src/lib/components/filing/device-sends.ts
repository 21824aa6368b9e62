/**
 * Recorded sends kept on this device until they sync: written to the outbox
 * (request first, then its event, then — when the whole batch is recorded —
 * the draft's filed_at), and read back from it so a page shows them at once.
 */
import { enqueue, listOutbox } from '$lib/offline/outbox';
import { changeDraft } from '$lib/offline/db';
import type { SentRows } from '$lib/filing/sent-record';

export type DeviceRequest = SentRows['request'];

/** Queue a recorded send. Queuing the same ids again replaces the waiting rows (never a second request). */
export async function recordSendOnDevice(rows: Pick<SentRows, 'request' | 'event'>, fileDraft: { draftId: string; filedAt: string } | null): Promise<void> {
	await enqueue({ id: rows.request.id, table: 'records_requests', operation: 'upsert', payload: rows.request });
	await enqueue({ id: rows.event.id, table: 'request_events', operation: 'upsert', payload: rows.event });
	if (fileDraft) {
		// The composer owns the draft; filing only says it is filed (a filed draft is frozen by the database).
		// The device's copy remembers it too, so a later autosave of the same entry cannot drop it.
		await changeDraft(fileDraft.draftId, (stored) =>
			stored ? { ...stored, fields: { ...stored.fields, filedAt: fileDraft.filedAt } } : 'keep'
		);
		await enqueue({ id: fileDraft.draftId, table: 'request_drafts', operation: 'update', payload: { filed_at: fileDraft.filedAt }, match: { id: fileDraft.draftId } });
	}
}

/** Requests created on this device that have not reached the server yet, newest first. */
export async function requestsOnDevice(): Promise<DeviceRequest[]> {
	const entries = await listOutbox();
	return entries
		.filter((entry) => entry.table === 'records_requests' && entry.operation === 'upsert')
		.map((entry) => ({ ...(entry.payload as DeviceRequest), id: entry.id }))
		.reverse();
}
