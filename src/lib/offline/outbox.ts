/**
 * The outbox: changes made on this device, sent to the server strictly in the
 * order they were made. Nothing leaves the outbox unless the server accepted
 * it or the user discarded it.
 *
 * Each entry belongs to the account that made it (`ownership.ts`). A drain
 * sends only the entries of the account it drains for (and unowned ones), in
 * their order; other accounts' entries stay where they are, untouched, until
 * their account drains them. The order holds per account: accounts cannot
 * depend on each other's unsent changes, which they never see.
 */
import type { DeviceAccount, OutboxEntry, OutboxError, OutboxMutation } from './db-schema';
import { changeOutboxEntry, countOutboxEntries, firstOutboxEntry, listOutboxEntries, storeOutboxMutation } from './db';
import { deviceAccount } from './device-account';
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
	/** Whose entries to send: the account whose session the transport uses (default: the one signed in on this page). */
	account?: DeviceAccount | null;
}

const DRAIN_LOCK = 'disclose-outbox-drain';

/** The most creations sent in one request by a transport that can batch. */
export const MAX_BATCH = 100;

/**
 * Queue a change as the signed-in account's. Re-queueing the same row id + operation replaces the waiting payload
 * instead of adding a second entry.
 */
export function enqueue(mutation: OutboxMutation, now: Date = new Date(), account: DeviceAccount | null = deviceAccount()): Promise<OutboxEntry> {
	return storeOutboxMutation(mutation, now.toISOString(), account);
}

/** How many of the account's changes are waiting to be sent (whatever their status). */
export function pendingCount(account: DeviceAccount | null = deviceAccount()): Promise<number> {
	return countOutboxEntries(account);
}

/** The account's waiting changes, in send order. */
export function listOutbox(account: DeviceAccount | null = deviceAccount()): Promise<OutboxEntry[]> {
	return listOutboxEntries(account);
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
 * Send the account's waiting entries in order until none is left or one cannot be
 * sent. When the transport has `sendBatch`, consecutive creations of one table
 * (same payload keys, up to MAX_BATCH) go in one request. Only one drain runs at a time (in this tab and, with Web Locks, across tabs).
 */
export function drain(transport: OutboxTransport, options: DrainOptions = {}): Promise<DrainResult> {
	return runOnce(DRAIN_LOCK, () => drainInOrder(transport, options), () => ({ outcome: 'busy', sent: 0, remaining: null, stoppedAt: null }));
}

async function drainInOrder(transport: OutboxTransport, { onProgress, now = () => new Date(), account = deviceAccount() }: DrainOptions): Promise<DrainResult> {
	let sent = 0;
	// After a batch was refused, its entries go one at a time, so exactly the refused one stops the drain.
	let singles = 0;
	for (let entry = await firstOutboxEntry(account); entry; entry = await firstOutboxEntry(account)) {
		// A refused change blocks the ones after it (they may depend on it) until the user retries or discards it.
		if (entry.status === 'failed') return { outcome: 'failed', sent, remaining: await countOutboxEntries(account), stoppedAt: entry };
		const run = singles > 0 ? [] : await batchableRun(transport, entry, account);
		if (run.length > 1) {
			const result = await sendBatchSafely(transport, run);
			if (result.ok) {
				for (const done of run) await recordResult(done, result, now());
				const remaining = await countOutboxEntries(account);
				for (const [index, done] of run.entries()) onProgress?.({ sent: sent + index + 1, remaining: remaining + run.length - index - 1, entry: done });
				sent += run.length;
				continue;
			}
			if (result.failure === 'rejected') {
				singles = run.length;
				continue;
			}
			// No answer or no session: nothing of the run is known to have arrived; keep it all, as for one entry.
			const head = run[0] ?? entry;
			const stored = await recordResult(head, result, now());
			return { outcome: outcomeOf(result.failure), sent, remaining: await countOutboxEntries(account), stoppedAt: stored ?? head };
		}
		singles = Math.max(0, singles - 1);
		const result = await sendSafely(transport, entry);
		const stored = await recordResult(entry, result, now());
		if (!result.ok) {
			// Refused, but edited (or discarded) while in flight: the refusal no longer applies, go on.
			if (result.failure === 'rejected' && stored?.status !== 'failed') continue;
			return { outcome: outcomeOf(result.failure), sent, remaining: await countOutboxEntries(account), stoppedAt: stored ?? entry };
		}
		sent += 1;
		onProgress?.({ sent, remaining: await countOutboxEntries(account), entry });
	}
	return { outcome: 'drained', sent, remaining: 0, stoppedAt: null };
}

/**
 * The entries that can go in one request with `first`: the consecutive creations of the same table with the same
 * payload keys (so no row gets NULL for a key it lacks), up to MAX_BATCH. Empty when the transport cannot batch.
 */
async function batchableRun(transport: OutboxTransport, first: OutboxEntry, account: DeviceAccount | null): Promise<OutboxEntry[]> {
	if (!transport.sendBatch || first.operation !== 'upsert') return [];
	const keys = keySet(first);
	const run: OutboxEntry[] = [];
	for (const entry of await listOutboxEntries(account)) {
		if (run.length === MAX_BATCH || entry.status === 'failed' || entry.operation !== 'upsert' || entry.table !== first.table || keySet(entry) !== keys) break;
		run.push(entry);
	}
	return run;
}

function keySet(entry: OutboxEntry): string {
	return JSON.stringify([...new Set([...Object.keys(entry.payload), 'id'])].sort());
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

async function sendBatchSafely(transport: OutboxTransport, entries: OutboxEntry[]): Promise<SendResult> {
	try {
		return (await transport.sendBatch?.(entries)) ?? { ok: false, failure: 'rejected', message: 'This transport cannot send a batch.' };
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
