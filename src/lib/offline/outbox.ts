/**
 * The outbox: changes made on this device, sent to the server strictly in the
 * order they were made. Nothing leaves the outbox unless the server accepted
 * it or the user discarded it.
 */
import type { OutboxEntry, OutboxError, OutboxMutation } from './db-schema';
import { changeOutboxEntry, countOutboxEntries, firstOutboxEntry, listOutboxEntries, storeOutboxMutation } from './db';
import { runOnce } from './single-flight';
import type { OutboxTransport, SendResult } from './transport';

/** drained: nothing left; network / auth / failed: stopped at the first entry that could not be sent; busy: another tab is draining. */
export type DrainOutcome = 'drained' | 'network' | 'auth' | 'failed' | 'busy';

export interface DrainResult {
	outcome: DrainOutcome;
	sent: number;
	/** Entries still waiting (unknown while another tab drains). */
	remaining: number | null;
	/** The entry that stopped the drain, with its error. */
	stoppedAt: OutboxEntry | null;
}

export interface DrainProgress {
	sent: number;
	remaining: number;
	entry: OutboxEntry;
}

export interface DrainOptions {
	onProgress?: (progress: DrainProgress) => void;
	now?: () => Date;
}

const DRAIN_LOCK = 'disclose-outbox-drain';

/** Queue a change. Re-queueing the same row id + operation replaces the waiting payload instead of adding a second entry. */
export function enqueue(mutation: OutboxMutation, now: Date = new Date()): Promise<OutboxEntry> {
	return storeOutboxMutation(mutation, now.toISOString());
}

/** How many changes are waiting to be sent (whatever their status). */
export function pendingCount(): Promise<number> {
	return countOutboxEntries();
}

export function listOutbox(): Promise<OutboxEntry[]> {
	return listOutboxEntries();
}

/** Let a failed entry be sent again on the next drain (its old error no longer describes it). */
export async function retryEntry(seq: number): Promise<void> {
	await changeOutboxEntry(seq, (entry) => ({ ...entry, status: 'pending', lastError: null }));
}

/** Drop an entry for good (the UI asks the user first). */
export async function discardEntry(seq: number): Promise<void> {
	await changeOutboxEntry(seq, () => 'delete');
}

/**
 * Send waiting entries in order until the outbox is empty or one cannot be
 * sent. Only one drain runs at a time (in this tab and, with Web Locks, across tabs).
 */
export function drain(transport: OutboxTransport, options: DrainOptions = {}): Promise<DrainResult> {
	return runOnce(DRAIN_LOCK, () => drainInOrder(transport, options), () => ({ outcome: 'busy', sent: 0, remaining: null, stoppedAt: null }));
}

async function drainInOrder(transport: OutboxTransport, { onProgress, now = () => new Date() }: DrainOptions): Promise<DrainResult> {
	let sent = 0;
	for (let entry = await firstOutboxEntry(); entry; entry = await firstOutboxEntry()) {
		// A refused change blocks the ones after it (they may depend on it) until the user retries or discards it.
		if (entry.status === 'failed') return { outcome: 'failed', sent, remaining: await countOutboxEntries(), stoppedAt: entry };
		const result = await sendSafely(transport, entry);
		const stored = await recordResult(entry, result, now());
		if (!result.ok) {
			// Refused, but edited (or discarded) while in flight: the refusal no longer applies, go on.
			if (result.failure === 'rejected' && stored?.status !== 'failed') continue;
			return { outcome: outcomeOf(result.failure), sent, remaining: await countOutboxEntries(), stoppedAt: stored ?? entry };
		}
		sent += 1;
		onProgress?.({ sent, remaining: await countOutboxEntries(), entry });
	}
	return { outcome: 'drained', sent, remaining: 0, stoppedAt: null };
}

function outcomeOf(failure: 'network' | 'auth' | 'rejected'): DrainOutcome {
	return failure === 'rejected' ? 'failed' : failure;
}

/** A transport that throws (fetch blew up, a bug) is treated as "no answer": keep everything and try later. */
async function sendSafely(transport: OutboxTransport, entry: OutboxEntry): Promise<SendResult> {
	try {
		return await transport.send(entry);
	} catch (error) {
		return { ok: false, failure: 'network', message: error instanceof Error ? error.message : String(error) };
	}
}

/** Store what happened to a send, without losing an edit made while it was in flight. */
function recordResult(sent: OutboxEntry, result: SendResult, at: Date): Promise<OutboxEntry | undefined> {
	return changeOutboxEntry(sent.seq, (stored) => {
		const editedMeanwhile = stored.revision !== sent.revision;
		if (result.ok) {
			if (!editedMeanwhile) return 'delete';
			// The row now exists, so the newer payload must go as an update (a repeated creation would be ignored).
			return { ...stored, operation: stored.operation === 'upsert' ? 'update' : stored.operation, attempts: stored.attempts + 1 };
		}
		const lastError: OutboxError = { message: result.message, at: at.toISOString(), ...(result.code ? { code: result.code } : {}) };
		const status = result.failure === 'auth' ? 'auth' : result.failure === 'rejected' && !editedMeanwhile ? 'failed' : stored.status;
		return { ...stored, attempts: stored.attempts + 1, lastError, status };
	});
}
