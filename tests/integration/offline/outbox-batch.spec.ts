/**
 * The outbox sending queued creations in batches through `supabaseTransport`
 * with real supabase-js against the embedded stack (fake-indexeddb device):
 * few requests, every row exactly once, a replay changes nothing, and a
 * refused batch pinpoints the one bad row.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import { closeDatabase } from '../../../src/lib/offline/db';
import { drain, enqueue, listOutbox, pendingCount } from '../../../src/lib/offline/outbox';
import { supabaseTransport } from '../../../src/lib/offline/transport';
import { requestDraftTransport } from '../../../src/lib/offline/drafts-sync';
import type { Database } from '../../../src/lib/database.types';
import { agencyIds, seedRequests } from '../caseload/seed-caseload';
import { startTestStack, type TestStack } from '../../support/stack';

describe('outbox batches against the embedded stack', () => {
	let t: TestStack;
	let client: SupabaseClient;
	let orgId: string;
	let requestId: string;
	/** Write requests (POST / PATCH / DELETE) that reached /rest/v1/request_events. */
	let writes: string[] = [];

	beforeAll(async () => {
		t = await startTestStack();
		const email = 'owner@outbox-batch.test';
		const password = 'correct horse battery staple';
		const owner = (await t.signedIn(email, password)).client;
		const org = await owner.rpc('create_organisation', { name: 'Batch Advocacy' }).single();
		orgId = (org.data as { id: string }).id;
		const { CDOR } = await agencyIds(t.sql, ['CDOR']);
		[requestId] = (await seedRequests(t.sql, orgId, [{ title: 'Batch request', agencyId: CDOR!, dueOn: '2025-11-19', sentAt: '2025-11-14T17:00:00Z' }])) as [string];
		const counting: typeof fetch = (input, init) => {
			const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
			const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
			if (method !== 'GET' && url.includes('/rest/v1/request_events')) writes.push(method);
			return fetch(input, init);
		};
		client = createClient(t.url, t.anonKey, {
			auth: { persistSession: false, autoRefreshToken: false },
			global: { fetch: counting },
			realtime: { transport: ws as unknown as typeof WebSocket }
		});
		const signIn = await client.auth.signInWithPassword({ email, password });
		if (signIn.error) throw signIn.error;
	});
	beforeEach(async () => {
		await closeDatabase();
		globalThis.indexedDB = new IDBFactory();
		writes = [];
	});
	afterAll(async () => {
		await closeDatabase();
		await t?.close();
	});

	const event = (note: string, extra: Record<string, unknown> = {}) => {
		const id = randomUUID();
		return { id, table: 'request_events', operation: 'upsert' as const, payload: { id, request_id: requestId, organisation_id: orgId, type: 'note', note, ...extra } };
	};
	const countEvents = async (ids: string[]) =>
		(await t.sql<{ count: number }[]>`select count(*)::int as count from public.request_events where id = any(${ids}::uuid[])`)[0]?.count;

	it('drains 200 queued creations in a few requests, each row exactly once, and a replay changes nothing', async () => {
		const events = Array.from({ length: 200 }, (_, i) => event(`Follow-up ${i}`));
		for (const e of events) await enqueue(e);
		const ids = events.map((e) => e.id);

		expect(await drain(supabaseTransport(client))).toMatchObject({ outcome: 'drained', sent: 200, remaining: 0 });
		expect(writes).toEqual(['POST', 'POST']);
		expect(await countEvents(ids)).toBe(200);
		const before = await t.sql`select id, note, occurred_at, created_at, author_id from public.request_events where id = any(${ids}::uuid[]) order by id`;
		expect(before.every((row) => row.author_id !== null && row.occurred_at !== null)).toBe(true);

		// The answer was lost: the device sends the same creations again (with other notes, which must not win).
		writes = [];
		for (const e of events) await enqueue({ ...e, payload: { ...e.payload, note: 'replayed' } });
		expect(await drain(supabaseTransport(client))).toMatchObject({ outcome: 'drained', sent: 200 });
		expect(writes).toEqual(['POST', 'POST']);
		expect(await countEvents(ids)).toBe(200);
		expect(await t.sql`select id, note, occurred_at, created_at, author_id from public.request_events where id = any(${ids}::uuid[]) order by id`).toEqual(before);
	});

	it('never writes NULL over a default: rows with different keys go in separate batches', async () => {
		const events = [event('a'), event('b'), event('c', { occurred_at: '2025-11-20T09:00:00Z' }), event('d', { occurred_at: '2025-11-21T09:00:00Z' }), event('e')];
		for (const e of events) await enqueue(e);
		expect(await drain(supabaseTransport(client))).toMatchObject({ outcome: 'drained', sent: 5 });
		expect(writes).toHaveLength(3);
		const rows = await t.sql<{ note: string; occurred_at: Date }[]>`select note, occurred_at from public.request_events where id = any(${events.map((e) => e.id)}::uuid[]) order by note`;
		expect(rows.map((row) => [row.note, row.occurred_at instanceof Date])).toEqual([
			['a', true],
			['b', true],
			['c', true],
			['d', true],
			['e', true]
		]);
		expect(rows[2]?.occurred_at.toISOString()).toBe('2025-11-20T09:00:00.000Z');
	});

	it('a refused batch is sent again one by one: the rows before the bad one are kept, the bad one is marked failed with its own message', async () => {
		const events = [event('first'), event('second'), event('   '), event('after')];
		for (const e of events) await enqueue(e);
		const result = await drain(supabaseTransport(client));
		expect(result).toMatchObject({ outcome: 'failed', sent: 2, remaining: 2, stoppedAt: { id: events[2]!.id, status: 'failed' } });
		expect(writes).toEqual(['POST', 'POST', 'POST', 'POST']);
		expect(result.stoppedAt?.lastError?.message).toMatch(/request_events_note_needs_text/);
		expect(await countEvents(events.map((e) => e.id))).toBe(2);
		expect((await listOutbox()).map((entry) => [entry.id, entry.status])).toEqual([
			[events[2]!.id, 'failed'],
			[events[3]!.id, 'pending']
		]);
		expect(await pendingCount()).toBe(2);
	});

	it('batches other tables through the request-draft transport the app uses', async () => {
		const events = Array.from({ length: 150 }, (_, i) => event(`Through drafts ${i}`));
		for (const e of events) await enqueue(e);
		const transport = requestDraftTransport(client as SupabaseClient<Database>, { copyTitle: (draft) => `${draft.title} (copy)` });
		expect(await drain(transport)).toMatchObject({ outcome: 'drained', sent: 150 });
		expect(writes).toEqual(['POST', 'POST']);
		expect(await countEvents(events.map((e) => e.id))).toBe(150);
	});
});
