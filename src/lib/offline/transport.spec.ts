import { describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { OutboxEntry } from './db-schema';
import { classifySupabaseResponse, supabaseTransport } from './transport';

const error = (message: string, code?: string) => ({ message, code });

describe('classifySupabaseResponse', () => {
	it('accepts a response without an error', () => {
		expect(classifySupabaseResponse({ status: 201, error: null })).toEqual({ ok: true });
	});

	it('calls a request that got no answer (status 0, aborted by the timeout) a network failure', () => {
		expect(classifySupabaseResponse({ status: 0, error: error('TypeError: Failed to fetch', '') })).toMatchObject({ ok: false, failure: 'network' });
		expect(classifySupabaseResponse({ status: 0, error: error('AbortError: signal timed out', '') })).toMatchObject({ failure: 'network' });
	});

	it('treats gateway errors and rate limits as worth retrying later', () => {
		for (const status of [408, 429, 502, 503, 504]) {
			expect(classifySupabaseResponse({ status, error: error('unavailable') }), `status ${status}`).toMatchObject({ failure: 'network' });
		}
	});

	it('asks for a new sign-in on 401 and on PostgREST JWT errors', () => {
		expect(classifySupabaseResponse({ status: 401, error: error('JWT expired', 'PGRST303') })).toMatchObject({ failure: 'auth', code: 'PGRST303' });
		expect(classifySupabaseResponse({ status: 401, error: error('Invalid JWT') })).toMatchObject({ failure: 'auth' });
		expect(classifySupabaseResponse({ status: 400, error: error('JWT expired') })).toMatchObject({ failure: 'auth' });
	});

	it('calls validation, permission and conflict errors refusals, with the server message', () => {
		expect(classifySupabaseResponse({ status: 403, error: error('new row violates row-level security policy', '42501') })).toEqual({
			ok: false,
			failure: 'rejected',
			message: 'new row violates row-level security policy',
			code: '42501'
		});
		expect(classifySupabaseResponse({ status: 400, error: error('violates check constraint', '23514') })).toMatchObject({ failure: 'rejected' });
		expect(classifySupabaseResponse({ status: 409, error: error('duplicate key value', '23505') })).toMatchObject({ failure: 'rejected' });
		expect(classifySupabaseResponse({ status: 500, error: error('internal error') })).toMatchObject({ failure: 'rejected' });
	});
});

describe('supabaseTransport.sendBatch', () => {
	const entry = (id: string, table = 'request_events', operation: OutboxEntry['operation'] = 'upsert'): OutboxEntry => ({
		id,
		table,
		operation,
		payload: { note: id },
		seq: 1,
		createdAt: '2026-11-25T20:00:00.000Z',
		revision: 1,
		attempts: 0,
		lastError: null,
		status: 'pending'
	});

	function fakeClient(answer: { status: number; error: { message: string; code?: string } | null }) {
		const calls: { table: string; rows: unknown; options: unknown }[] = [];
		const client = {
			from: (table: string) => ({
				upsert: (rows: unknown, options: unknown) => {
					calls.push({ table, rows, options });
					return { abortSignal: async () => answer };
				}
			})
		};
		return { calls, client: client as unknown as SupabaseClient };
	}

	it('creates every row of the run in one upsert that never duplicates or overwrites', async () => {
		const { calls, client } = fakeClient({ status: 201, error: null });
		expect(await supabaseTransport(client).sendBatch?.([entry('a'), entry('b')])).toEqual({ ok: true });
		expect(calls).toEqual([
			{
				table: 'request_events',
				rows: [
					{ note: 'a', id: 'a' },
					{ note: 'b', id: 'b' }
				],
				options: { onConflict: 'id', ignoreDuplicates: true }
			}
		]);
	});

	it('classifies the answer like a single send', async () => {
		const { client } = fakeClient({ status: 400, error: { message: 'violates check constraint', code: '23514' } });
		expect(await supabaseTransport(client).sendBatch?.([entry('a'), entry('b')])).toMatchObject({ ok: false, failure: 'rejected', code: '23514' });
	});

	it('refuses (throws on) a run that mixes tables or holds anything but creations', async () => {
		const { calls, client } = fakeClient({ status: 201, error: null });
		await expect(supabaseTransport(client).sendBatch?.([entry('a'), entry('b', 'records_requests')])).rejects.toThrow();
		await expect(supabaseTransport(client).sendBatch?.([entry('a'), entry('b', 'request_events', 'update')])).rejects.toThrow();
		expect(calls).toEqual([]);
	});
});
