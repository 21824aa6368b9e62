/**
 * Oversized bodies to /auth/v1 answer 413 in Supabase Auth's error shape
 * (`request_too_large`) and create nobody: over our own limit
 * (DISCLOSE_AUTH_BODY_LIMIT, 1 MB by default) and over the server's
 * BODY_SIZE_LIMIT (adapter-node's default of 512 KB in the second stack).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/stack';

const users = async (t: TestStack) => ((await t.sql`select count(*)::int as n from auth.users`)[0]!.n as number);

describe('auth body limits', () => {
	let t: TestStack;
	beforeAll(async () => {
		t = await startTestStack({ bodySizeLimit: 8 * 1024 * 1024 });
	});
	afterAll(async () => t?.close());

	it('a sign-up with 2 MB of user data is 413 request_too_large and creates no user', async () => {
		const before = await users(t);
		const { data, error } = await t.anon().auth.signUp({
			email: 'big@example.org',
			password: 'hunter22',
			options: { data: { note: 'x'.repeat(2 * 1024 * 1024) } }
		});
		expect(error).toMatchObject({ status: 413, code: 'request_too_large', message: 'Request body is larger than the limit of 1048576 bytes' });
		expect(data.user).toBeNull();
		expect(await users(t)).toBe(before);
		const small = await t.anon().auth.signUp({ email: 'big@example.org', password: 'hunter22', options: { data: { note: 'hi' } } });
		expect(small.error).toBeNull();
	});

	it('the legacy error shape (no X-Supabase-Api-Version) carries the 413 too', async () => {
		const res = await fetch(`${t.url}/auth/v1/signup`, {
			method: 'POST',
			headers: { apikey: t.anonKey, 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'legacy@example.org', password: 'hunter22', data: { note: 'x'.repeat(1024 * 1024) } })
		});
		expect(res.status).toBe(413);
		expect(await res.json()).toEqual({ code: 413, error_code: 'request_too_large', msg: 'Request body is larger than the limit of 1048576 bytes' });
	});
});

describe('auth body over the server limit (adapter-node default BODY_SIZE_LIMIT)', () => {
	let t: TestStack;
	beforeAll(async () => {
		t = await startTestStack({ bodySizeLimit: 512 * 1024 });
	});
	afterAll(async () => t?.close());

	it('a 600 KB sign-up is 413, not 500, and creates no user', async () => {
		const before = await users(t);
		const { error } = await t.anon().auth.signUp({
			email: 'server@example.org',
			password: 'hunter22',
			options: { data: { note: 'x'.repeat(600 * 1024) } }
		});
		expect(error).toMatchObject({ status: 413, code: 'request_too_large', message: "Request body is larger than the server's BODY_SIZE_LIMIT" });
		expect(await users(t)).toBe(before);
	});
});
