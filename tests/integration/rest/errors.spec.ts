/**
 * Authentication failures and the features deliberately left out: each
 * answers with PostgREST's error shape, and unsupported features name
 * themselves instead of returning a silently wrong result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { signJwt } from '../../../src/lib/server/embedded/jwt';
import { startTestStack, type TestStack } from '../../support/stack';
import { clientWithToken, expectError, rawFetch, setupSchema } from './helpers';

describe('REST errors', () => {
	let t: TestStack;
	let db: SupabaseClient;
	beforeAll(async () => {
		t = await startTestStack();
		await setupSchema(
			t,
			`create table docs (id int primary key, title text, body text, kind text);
			insert into docs values (1, 'Intro', 'hello world', 'a'), (2, 'Next', 'goodbye world', 'b');
			create function count_ghosts() returns bigint language plpgsql as $$
				begin return (select count(*) from ghosts); end $$;`
		);
		db = t.service();
	});
	afterAll(async () => t?.close());

	const now = () => Math.floor(Date.now() / 1000);

	describe('JWT', () => {
		it('a malformed token is 401 PGRST301 with WWW-Authenticate', async () => {
			expectError(await clientWithToken(t, 'not-a-jwt').from('docs').select('*'), 401, 'PGRST301');
			const res = await rawFetch(t, '/docs', { headers: { authorization: 'Bearer not-a-jwt' } });
			expect(res.status).toBe(401);
			expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="Expected 3 parts in JWT; got 1"');
		});

		it('a token signed with another secret is 401 PGRST301', async () => {
			const token = signJwt({ role: 'authenticated', exp: now() + 60 }, 'some other secret');
			const error = expectError(await clientWithToken(t, token).from('docs').select('*'), 401, 'PGRST301');
			expect(error.message).toBe('JWT cryptographic operation failed');
		});

		it('an expired token is 401 PGRST303 "JWT expired"', async () => {
			const token = signJwt({ role: 'authenticated', sub: crypto.randomUUID(), exp: now() - 3600 }, t.stack.keys.jwtSecret);
			const error = expectError(await clientWithToken(t, token).from('docs').select('*'), 401, 'PGRST303');
			expect(error.message).toBe('JWT expired');
			const res = await rawFetch(t, '/docs', { headers: { authorization: `Bearer ${token}` } });
			expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="JWT expired"');
		});

		it('a role claim naming no database role is 401', async () => {
			const token = signJwt({ role: 'wizard', exp: now() + 60 }, t.stack.keys.jwtSecret);
			const res = await clientWithToken(t, token).from('docs').select('*');
			expect(res.status).toBe(401);
			expect(res.error?.code).toBe('22023');
			expect(res.error?.message).toBe('role "wizard" does not exist');
		});
	});

	describe('unsupported features answer 400 naming the feature', () => {
		const named = async (promise: PromiseLike<{ error: unknown; status: number }>, code: string, word: RegExp) => {
			const res = await promise;
			const error = expectError(res as never, 400, code);
			expect(error.message).toMatch(word);
		};

		it('full-text search', async () => {
			await named(db.from('docs').select('id').textSearch('body', 'hello'), 'PGRST127', /fts/);
		});

		it('regex match operators', async () => {
			await named(db.from('docs').select('id').match({ kind: 'a' }).filter('title', 'match', '^I'), 'PGRST127', /match/);
		});

		it('like(any) / like(all) modifiers', async () => {
			await named(db.from('docs').select('id').likeAnyOf('title', ['I%', 'N%']), 'PGRST127', /like\(any\)/);
		});

		it('range operators', async () => {
			await named(db.from('docs').select('id').rangeGt('id', '[1,2]'), 'PGRST127', /"sr"/);
		});

		it('CSV and GeoJSON output', async () => {
			const csv = await db.from('docs').select('id').csv();
			expect(csv.status).toBe(400);
			expect((csv.error as { message: string }).message).toMatch(/text\/csv/);
			await named(db.from('docs').select('id').geojson(), 'PGRST127', /geo\+json/);
		});

		it('explain()', async () => {
			const res = await db.from('docs').select('id').explain();
			expect(res.status).toBe(400);
			expect(JSON.stringify(res.error)).toMatch(/explain/);
		});

		it('ordering by an embedded column', async () => {
			const res = await rawFetch(t, '/docs?select=id&order=other(col).desc');
			expect(res.status).toBe(400);
			expect((await res.json()).message).toMatch(/embedded resource/);
		});

		it('CSV request bodies', async () => {
			const res = await rawFetch(t, '/docs', {
				method: 'POST',
				headers: { 'content-type': 'text/csv', authorization: `Bearer ${t.serviceRoleKey}` },
				body: 'id,title\n3,csv'
			});
			expect(res.status).toBe(400);
			expect((await res.json()).message).toMatch(/text\/csv/);
			expect((await t.sql`select count(*)::int as n from docs`)[0]!.n).toBe(2);
		});

		it('limit on PATCH/DELETE', async () => {
			const res = await rawFetch(t, '/docs?id=eq.1&limit=1', {
				method: 'DELETE',
				headers: { authorization: `Bearer ${t.serviceRoleKey}` }
			});
			expect(res.status).toBe(400);
			expect((await res.json()).message).toMatch(/limit/);
			expect((await t.sql`select count(*)::int as n from docs`)[0]!.n).toBe(2);
		});
	});

	describe('SQLSTATE and request errors', () => {
		it('42P01 (undefined table) is 404', async () => {
			const error = expectError(await db.rpc('count_ghosts'), 404, '42P01');
			expect(error.message).toContain('ghosts');
		});

		it('42883 (undefined operator) is 404', async () => {
			expectError(await db.from('docs').select('id').like('id', '1%'), 404, '42883');
		});

		it('a malformed limit is 400 PGRST100', async () => {
			const res = await rawFetch(t, '/docs?limit=ten');
			expect(res.status).toBe(400);
			expect(await res.json()).toMatchObject({ code: 'PGRST100', message: 'failed to parse limit (ten)' });
		});

		it('handling=strict with an unknown preference is 400 PGRST122', async () => {
			const res = await rawFetch(t, '/docs', { headers: { prefer: 'handling=strict, colour=blue' } });
			expect(res.status).toBe(400);
			expect(await res.json()).toMatchObject({ code: 'PGRST122', details: 'Invalid preferences: colour=blue' });
			const lenient = await rawFetch(t, '/docs?select=id', { headers: { prefer: 'colour=blue' } });
			expect(lenient.status).toBe(200);
		});

		it('an unsupported HTTP method is 405 PGRST117', async () => {
			const res = await rawFetch(t, '/docs', { method: 'PURGE' });
			expect(res.status).toBe(405);
			expect((await res.json()).code).toBe('PGRST117');
		});

		it('the root path is 404 PGRST126', async () => {
			const res = await rawFetch(t, '/');
			expect(res.status).toBe(404);
			expect((await res.json()).code).toBe('PGRST126');
		});
	});

	it('an unknown path is 404 PGRST125', async () => {
		const res = await rawFetch(t, '/docs/1');
		expect(res.status).toBe(404);
		expect((await res.json()).code).toBe('PGRST125');
	});

	it('an unexposed Content-Profile on writes is 406 PGRST106 and writes nothing', async () => {
		const res = await db.schema('storage').from('docs').insert({ id: 3 });
		expectError(res, 406, 'PGRST106');
		expect((await t.sql`select count(*)::int as n from docs`)[0]!.n).toBe(2);
	});

	it('an unacceptable Accept is 406 PGRST107', async () => {
		const res = await rawFetch(t, '/docs', { headers: { accept: 'image/png' } });
		expect(res.status).toBe(406);
		expect((await res.json()).code).toBe('PGRST107');
	});
});
