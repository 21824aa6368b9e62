/**
 * A publishing change made offline: an outbox entry calling set_publish_state
 * for the one request (its id is the entry's id, so a second change while the
 * first waits replaces it and only the latest goes). Calling it again after a
 * lost answer is harmless: it sets the same state. Read back from the outbox
 * so the request page shows the change is waiting, or why it was refused.
 */
import type { OutboxEntry } from '$lib/offline/db-schema';
import { enqueue, listOutbox } from '$lib/offline/outbox';
import { publishArguments, SET_PUBLISH_STATE } from '$lib/data/publishing';
import { isPublishState, type PublishChoice } from '$lib/publishing/publish-choice';

export interface QueuedPublish {
	choice: PublishChoice;
	/** The server's reason when it refused the change (it then waits for Retry or Discard). */
	refused: string | null;
}

export async function queuePublishChoice(requestId: string, choice: PublishChoice): Promise<void> {
	await enqueue({ id: requestId, table: SET_PUBLISH_STATE, operation: 'rpc', payload: publishArguments([requestId], choice) });
}

export function queuedPublishOf(requestId: string, entries: readonly OutboxEntry[]): QueuedPublish | null {
	const entry = entries.findLast((e) => e.table === SET_PUBLISH_STATE && e.operation === 'rpc' && e.id === requestId);
	const state = entry?.payload.p_state;
	if (!entry || !isPublishState(state)) return null;
	const until = entry.payload.p_embargoed_until;
	const choice: PublishChoice = state === 'embargoed' ? { state, embargoedUntil: typeof until === 'string' ? until : '' } : { state, embargoedUntil: null };
	return { choice, refused: entry.status === 'failed' ? (entry.lastError?.message ?? '') : null };
}

export async function readQueuedPublish(requestId: string): Promise<QueuedPublish | null> {
	return queuedPublishOf(requestId, await listOutbox());
}
