import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { discardEntry, drain, enqueue, listOutbox, MAX_BATCH, pendingCount, retryEntry } from './outbox';
import type { DeviceAccount, OutboxEntry } from './db-schema';
import { setDeviceAccount } from './device-account';
import { accepted, mutation, noAnswer, refused, scriptedTransport, sessionExpired, useFreshDatabase } from './test-support';
import type { OutboxTransport, SendResult } from './transport';

beforeEach(useFreshDatabase);
afterEach(() => {
	vi.unstubAllGlobals();
	setDeviceAccount(null);
});

async function queue(...ids: string[]) {
	for (const id of ids) await enqueue(mutation(id));
}

describe('enqueue', () => {
	it('keeps changes in the order they were made', async () => {
		await queue('a', 'b', 'c');
		expect((await listOutbox()).map((entry) => entry.id)).toEqual(['a', 'b', 'c']);
		expect(await pendingCount()).toBe(3);
	});

	it('replaces the waiting payload when the same row and operation is queued again, keeping its place', async () => {
		await queue('a', 'b');
		await enqueue(mutation('a', 'upsert', { title: 'edited' }));
		const entries = await listOutbox();
		expect(entries.map((entry) => [entry.id, entry.payload.title, entry.revision])).toEqual([
			['a', 'edited', 2],
			['b', 'b', 1]
		]);
	});

	it('adds a separate entry for a different operation on the same row', async () => {
		await enqueue(mutation('a', 'upsert'));
		await enqueue(mutation('a', 'update', { title: 'later' }));
		expect((await listOutbox()).map((entry) => entry.operation)).toEqual(['upsert', 'update']);
	});
});

describe('drain', () => {
	it('sends every entry strictly in order and empties the outbox', async () => {
		await queue('a', 'b', 'c');
		const transport = scriptedTransport([accepted]);
		const progress: number[] = [];
		const result = await drain(transport, { onProgress: ({ remaining }) => progress.push(remaining) });
		expect(transport.sent.map((entry) => entry.id)).toEqual(['a', 'b', 'c']);
		expect(result).toMatchObject({ outcome: 'drained', sent: 3, remaining: 0 });
		expect(progress).toEqual([2, 1, 0]);
		expect(await pendingCount()).toBe(0);
	});

	it('keeps a refused change with its error, marks it failed and sends nothing after it', async () => {
		await queue('a', 'b', 'c');
		const transport = scriptedTransport([accepted, refused]);
		const result = await drain(transport, { now: () => new Date('2026-11-25T20:00:00Z') });
		expect(transport.sent.map((entry) => entry.id)).toEqual(['a', 'b']);
		expect(result).toMatchObject({ outcome: 'failed', sent: 1, remaining: 2 });
		const [failed, waiting] = await listOutbox();
		expect(failed).toMatchObject({ id: 'b', status: 'failed', attempts: 1 });
		expect(failed?.lastError).toEqual({
			message: 'new row violates row-level security policy for table "records_requests"',
			code: '42501',
			at: '2026-11-25T20:00:00.000Z'
		});
		expect(waiting).toMatchObject({ id: 'c', status: 'pending', attempts: 0 });
	});

	it('does not resend a failed change on later drains until the user retries it', async () => {
		await queue('a', 'b');
		await drain(scriptedTransport([refused]));
		const later = scriptedTransport([accepted]);
		expect(await drain(later)).toMatchObject({ outcome: 'failed', sent: 0 });
		expect(later.sent).toEqual([]);

		await retryEntry((await listOutbox())[0]!.seq);
		expect(await drain(later)).toMatchObject({ outcome: 'drained', sent: 2 });
	});

	it('lets the changes after a discarded one go', async () => {
		await queue('a', 'b');
		await drain(scriptedTransport([refused]));
		await discardEntry((await listOutbox())[0]!.seq);
		const transport = scriptedTransport([accepted]);
		await drain(transport);
		expect(transport.sent.map((entry) => entry.id)).toEqual(['b']);
	});

	it('stops on an expired session, marks the entry auth and keeps the whole queue', async () => {
		await queue('a', 'b');
		const result = await drain(scriptedTransport([sessionExpired]));
		expect(result).toMatchObject({ outcome: 'auth', sent: 0, remaining: 2 });
		expect((await listOutbox()).map((entry) => [entry.id, entry.status])).toEqual([
			['a', 'auth'],
			['b', 'pending']
		]);
	});

	it('sends an entry waiting for sign-in again on the next drain', async () => {
		await queue('a');
		await drain(scriptedTransport([sessionExpired]));
		expect(await drain(scriptedTransport([accepted]))).toMatchObject({ outcome: 'drained', sent: 1 });
	});

	it('keeps every entry on a network error, and the next drain sends them all', async () => {
		await queue('a', 'b');
		const result = await drain(scriptedTransport([noAnswer]));
		expect(result).toMatchObject({ outcome: 'network', sent: 0, remaining: 2 });
		const entries = await listOutbox();
		expect(entries.map((entry) => [entry.id, entry.status, entry.payload])).toEqual([
			['a', 'pending', { title: 'a' }],
			['b', 'pending', { title: 'b' }]
		]);
		expect(entries[0]?.lastError?.message).toBe('TypeError: Failed to fetch');

		const transport = scriptedTransport([accepted]);
		await drain(transport);
		expect(transport.sent.map((entry) => entry.id)).toEqual(['a', 'b']);
	});

	it('treats a transport that throws as a network error', async () => {
		await queue('a');
		const result = await drain(
			scriptedTransport(() => {
				throw new TypeError('Failed to fetch');
			})
		);
		expect(result.outcome).toBe('network');
		expect(await pendingCount()).toBe(1);
	});

	it('never runs two drains at once: a second call joins the first', async () => {
		await queue('a', 'b');
		let release: (result: SendResult) => void = () => {};
		const transport = scriptedTransport(() => new Promise((resolve) => (release = resolve)));
		const first = drain(transport);
		const second = drain(transport);
		await vi.waitFor(() => expect(transport.sent).toHaveLength(1));
		release(accepted);
		await vi.waitFor(() => expect(transport.sent).toHaveLength(2));
		release(accepted);
		expect(await first).toBe(await second);
		expect(transport.sent.map((entry) => entry.id)).toEqual(['a', 'b']);
	});

	it('reports busy without sending when another tab holds the drain lock', async () => {
		await queue('a');
		const locks = { request: (_name: string, _options: unknown, callback: (lock: null) => unknown) => Promise.resolve(callback(null)) };
		vi.stubGlobal('navigator', { locks });
		const transport = scriptedTransport([accepted]);
		expect(await drain(transport)).toEqual({ outcome: 'busy', sent: 0, remaining: null, stoppedAt: null });
		expect(transport.sent).toEqual([]);
	});

	it('sends an edit made while its creation was in flight as an update afterwards', async () => {
		await enqueue(mutation('a', 'upsert', { title: 'first' }));
		const transport = scriptedTransport(async () => {
			if (transport.sent.length === 1) await enqueue(mutation('a', 'upsert', { title: 'typed meanwhile' }));
			return accepted;
		});
		await drain(transport);
		expect(transport.sent.map((entry) => [entry.operation, entry.payload.title])).toEqual([
			['upsert', 'first'],
			['update', 'typed meanwhile']
		]);
		expect(await pendingCount()).toBe(0);
	});

	it('sends the newer payload straight away when a refused change was edited in flight', async () => {
		await enqueue(mutation('a', 'upsert', { title: '' }));
		const transport = scriptedTransport(async () => {
			if (transport.sent.length === 1) {
				await enqueue(mutation('a', 'upsert', { title: 'fixed' }));
				return refused;
			}
			return accepted;
		});
		expect(await drain(transport)).toMatchObject({ outcome: 'drained', sent: 1 });
		expect(transport.sent.map((entry) => entry.payload.title)).toEqual(['', 'fixed']);
	});
});

describe('drain with a transport that batches creations', () => {
	interface BatchingTransport extends OutboxTransport {
		/** Every request, as the ids it carried. */
		requests: string[][];
	}

	/** Accepts everything, except the ids in `refusedIds` (a batch holding one is refused whole, like a failed statement). */
	function batchingTransport(refusedIds: string[] = [], onRequest?: (ids: string[]) => Promise<void> | void): BatchingTransport {
		const requests: string[][] = [];
		const answer = async (entries: OutboxEntry[]): Promise<SendResult> => {
			const ids = entries.map((entry) => entry.id);
			requests.push(ids);
			await onRequest?.(ids);
			return ids.some((id) => refusedIds.includes(id)) ? refused : accepted;
		};
		return { requests, send: (entry) => answer([entry]), sendBatch: (entries) => answer(entries) };
	}

	const create = (id: string, table = 'request_events', payload: Record<string, unknown> = { note: id }) => ({ id, table, operation: 'upsert' as const, payload });

	it('sends a run of creations of one table in one request and removes them all', async () => {
		for (const id of ['a', 'b', 'c']) await enqueue(create(id));
		const transport = batchingTransport();
		const progress: number[] = [];
		const result = await drain(transport, { onProgress: ({ remaining }) => progress.push(remaining) });
		expect(transport.requests).toEqual([['a', 'b', 'c']]);
		expect(result).toMatchObject({ outcome: 'drained', sent: 3, remaining: 0 });
		expect(progress).toEqual([2, 1, 0]);
		expect(await pendingCount()).toBe(0);
	});

	it(`sends at most ${MAX_BATCH} creations per request`, async () => {
		for (let i = 0; i < MAX_BATCH + 5; i++) await enqueue(create(`e${i}`));
		const transport = batchingTransport();
		expect(await drain(transport)).toMatchObject({ outcome: 'drained', sent: MAX_BATCH + 5 });
		expect(transport.requests.map((ids) => ids.length)).toEqual([MAX_BATCH, 5]);
	});

	it('keeps the order across tables, operations and payload shapes: a batch is a run of consecutive entries', async () => {
		await enqueue(create('a'));
		await enqueue(create('b'));
		await enqueue(create('r1', 'records_requests', { title: 'r1' }));
		await enqueue(create('c'));
		await enqueue(create('d'));
		await enqueue({ id: 'c', table: 'request_events', operation: 'update', payload: { note: 'edited' } });
		await enqueue(create('e', 'request_events', { note: 'e', type: 'note' }));
		await enqueue(create('f'));
		await enqueue(create('g'));
		const transport = batchingTransport();
		expect(await drain(transport)).toMatchObject({ outcome: 'drained', sent: 9 });
		expect(transport.requests).toEqual([['a', 'b'], ['r1'], ['c', 'd'], ['c'], ['e'], ['f', 'g']]);
	});

	it('after a refused batch sends its entries one at a time: the ones before the bad one go, the bad one is marked failed', async () => {
		for (const id of ['a', 'b', 'c', 'd']) await enqueue(create(id));
		const transport = batchingTransport(['c']);
		const result = await drain(transport, { now: () => new Date('2026-11-25T20:00:00Z') });
		expect(transport.requests).toEqual([['a', 'b', 'c', 'd'], ['a'], ['b'], ['c']]);
		expect(result).toMatchObject({ outcome: 'failed', sent: 2, remaining: 2, stoppedAt: { id: 'c', status: 'failed' } });
		const entries = await listOutbox();
		expect(entries.map((entry) => [entry.id, entry.status, entry.attempts])).toEqual([
			['c', 'failed', 1],
			['d', 'pending', 0]
		]);
		expect(entries[0]?.lastError).toMatchObject({ message: 'new row violates row-level security policy for table "records_requests"', code: '42501', at: '2026-11-25T20:00:00.000Z' });

		// Discarding the bad one lets the rest go, batched again.
		await discardEntry(entries[0]!.seq);
		await enqueue(create('e'));
		const later = batchingTransport();
		expect(await drain(later)).toMatchObject({ outcome: 'drained', sent: 2 });
		expect(later.requests).toEqual([['d', 'e']]);
	});

	it('keeps the whole run on a network error or an expired session', async () => {
		for (const id of ['a', 'b']) await enqueue(create(id));
		const offline: OutboxTransport = { send: async () => noAnswer, sendBatch: async () => noAnswer };
		expect(await drain(offline)).toMatchObject({ outcome: 'network', sent: 0, remaining: 2, stoppedAt: { id: 'a' } });
		const signedOut: OutboxTransport = { send: async () => sessionExpired, sendBatch: async () => sessionExpired };
		expect(await drain(signedOut)).toMatchObject({ outcome: 'auth', sent: 0, remaining: 2 });
		expect((await listOutbox()).map((entry) => [entry.id, entry.status])).toEqual([
			['a', 'auth'],
			['b', 'pending']
		]);
		const transport = batchingTransport();
		expect(await drain(transport)).toMatchObject({ outcome: 'drained', sent: 2 });
		expect(transport.requests).toEqual([['a', 'b']]);
	});

	it('keeps an entry edited while its batch was in flight and sends the newer payload as an update', async () => {
		for (const id of ['a', 'b', 'c']) await enqueue(create(id));
		const transport = batchingTransport([], async () => {
			if (transport.requests.length === 1) await enqueue(create('b', 'request_events', { note: 'typed meanwhile' }));
		});
		const updates: OutboxEntry[] = [];
		const send = transport.send;
		transport.send = async (entry) => {
			updates.push(structuredClone(entry));
			return send(entry);
		};
		expect(await drain(transport)).toMatchObject({ outcome: 'drained', sent: 4 });
		expect(transport.requests).toEqual([['a', 'b', 'c'], ['b']]);
		expect(updates.map((entry) => [entry.id, entry.operation, entry.payload.note])).toEqual([['b', 'update', 'typed meanwhile']]);
		expect(await pendingCount()).toBe(0);
	});
});

describe('on a device shared by several accounts', () => {
	const ana: DeviceAccount = { userId: 'user-ana', email: 'ana@example.org' };
	const ben: DeviceAccount = { userId: 'user-ben', email: 'ben@example.org' };

	/** Queue changes as each account would, interleaved. */
	async function queueAs(...changes: [DeviceAccount | null, string][]) {
		for (const [account, id] of changes) await enqueue(mutation(id), new Date(), account);
	}

	it('records the signed-in account on every entry it queues', async () => {
		setDeviceAccount(ana);
		await enqueue(mutation('a'));
		expect((await listOutbox())[0]?.owner).toEqual(ana);
	});

	it('never sends another account’s entries; the account’s own go, in order', async () => {
		await queueAs([ben, 'b1'], [ana, 'a1'], [ben, 'b2'], [ana, 'a2'], [ana, 'a3']);
		const asAna = scriptedTransport([accepted]);
		expect(await drain(asAna, { account: ana })).toMatchObject({ outcome: 'drained', sent: 3, remaining: 0 });
		expect(asAna.sent.map((entry) => entry.id)).toEqual(['a1', 'a2', 'a3']);
		// Ben's stay where they were, untouched, until Ben drains them.
		expect((await listOutbox(ben)).map((entry) => [entry.id, entry.attempts, entry.status])).toEqual([
			['b1', 0, 'pending'],
			['b2', 0, 'pending']
		]);
		const asBen = scriptedTransport([accepted]);
		await drain(asBen, { account: ben });
		expect(asBen.sent.map((entry) => entry.id)).toEqual(['b1', 'b2']);
	});

	it('sends nothing owned when nobody is signed in, only unowned entries', async () => {
		await queueAs([ana, 'a1'], [null, 'legacy']);
		const transport = scriptedTransport([accepted]);
		expect(await drain(transport, { account: null })).toMatchObject({ outcome: 'drained', sent: 1 });
		expect(transport.sent.map((entry) => entry.id)).toEqual(['legacy']);
		expect(await pendingCount(ana)).toBe(1);
	});

	it('drains for the account signed in on the page when not told otherwise', async () => {
		await queueAs([ben, 'b1'], [ana, 'a1']);
		setDeviceAccount(ana);
		const transport = scriptedTransport([accepted]);
		await drain(transport);
		expect(transport.sent.map((entry) => entry.id)).toEqual(['a1']);
	});

	it('lists and counts only the account’s own entries', async () => {
		await queueAs([ben, 'b1'], [ana, 'a1']);
		expect((await listOutbox(ana)).map((entry) => entry.id)).toEqual(['a1']);
		expect(await pendingCount(ana)).toBe(1);
		expect(await pendingCount(ben)).toBe(1);
	});

	it('a refused change blocks only its own account’s later changes', async () => {
		await queueAs([ben, 'b1'], [ben, 'b2'], [ana, 'a1']);
		await drain(scriptedTransport([refused]), { account: ben });
		const asAna = scriptedTransport([accepted]);
		expect(await drain(asAna, { account: ana })).toMatchObject({ outcome: 'drained', sent: 1 });
		expect(asAna.sent.map((entry) => entry.id)).toEqual(['a1']);
		expect((await listOutbox(ben)).map((entry) => entry.status)).toEqual(['failed', 'pending']);
	});

	it('queueing the same row as another account adds its own entry instead of replacing the other’s payload', async () => {
		await enqueue(mutation('shared', 'update', { title: 'Ana’s' }), new Date(), ana);
		await enqueue(mutation('shared', 'update', { title: 'Ben’s' }), new Date(), ben);
		await enqueue(mutation('shared', 'update', { title: 'Ana’s again' }), new Date(), ana);
		expect((await listOutbox(ana)).map((entry) => [entry.payload.title, entry.revision])).toEqual([['Ana’s again', 2]]);
		expect((await listOutbox(ben)).map((entry) => entry.payload.title)).toEqual(['Ben’s']);
	});

	it('batches the account’s consecutive creations across another account’s entries, and sends them with its own only', async () => {
		const requests: string[][] = [];
		const answer = async (entries: OutboxEntry[]): Promise<SendResult> => {
			requests.push(entries.map((entry) => entry.id));
			return accepted;
		};
		const batching: OutboxTransport = { send: (entry) => answer([entry]), sendBatch: (entries) => answer(entries) };
		await queueAs([ana, 'a1'], [ben, 'b1'], [ana, 'a2'], [ben, 'b2'], [ana, 'a3']);
		expect(await drain(batching, { account: ana })).toMatchObject({ outcome: 'drained', sent: 3 });
		expect(requests).toEqual([['a1', 'a2', 'a3']]);
		expect(await pendingCount(ben)).toBe(2);
	});
});
