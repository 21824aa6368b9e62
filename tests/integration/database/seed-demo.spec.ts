/**
 * supabase/seed-demo.sql (embedded default only) gives a newcomer a living
 * app: the demo account signs in with its documented password and finds its
 * organisation's requests in different states, with timelines, and the
 * public page has published numbers to show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../../support/stack';

describe('demo seed', () => {
	let t: TestStack;
	let demo: SupabaseClient;
	beforeAll(async () => {
		t = await startTestStack();
		await t.sql.unsafe(await readFile('supabase/seed-demo.sql', 'utf8'));
		demo = t.anon();
		const { error } = await demo.auth.signInWithPassword({ email: 'demo@disclose.test', password: 'disclose-demo' });
		if (error) throw new Error(`Demo sign-in failed: ${error.message}`);
	});
	afterAll(async () => t?.close());

	it('the demo account owns one demo organisation', async () => {
		const { data } = await demo.from('memberships').select('role, organisations(name)');
		expect(data).toEqual([{ role: 'owner', organisations: { name: 'Front Range Records Project (demo)' } }]);
	});

	it('shows requests in many different states, each sent one with a timeline', async () => {
		const { data, error } = await demo.from('records_requests').select('status, sent_at, request_events(type)');
		expect(error).toBeNull();
		const requests = data as { status: string; sent_at: string | null; request_events: { type: string }[] }[];
		expect(requests.length).toBeGreaterThanOrEqual(6);
		expect(new Set(requests.map((r) => r.status)).size).toBeGreaterThanOrEqual(6);
		for (const request of requests.filter((r) => r.sent_at !== null)) {
			expect(request.request_events.map((e) => e.type)).toContain('sent');
		}
	});

	it('publishes a few illustrative findings for the public counts', async () => {
		const { data } = await t.anon().rpc('public_disclosure_stats');
		expect(data.headline).toMatchObject({ published_requests: 2, findings: 3, people: 43, findings_with_unknown_people: 1 });
	});

	it('does not run twice into duplicates', async () => {
		await t.sql.unsafe(await readFile('supabase/seed-demo.sql', 'utf8'));
		const [{ count }] = (await t.sql`select count(*)::int as count from public.records_requests
			where organisation_id = 'de000000-0000-4000-8000-000000000010'`) as unknown as [{ count: number }];
		expect(count).toBe(7);
	});
});
