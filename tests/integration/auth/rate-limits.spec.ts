/**
 * Auth rate limits with Supabase's default figures (src/lib/server/embedded/auth/rate-limit.ts),
 * through HTTP with real supabase-js: 429, GoTrue's error codes, Retry-After, per IP and per address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/stack';
import { SUPABASE_DEFAULT_RATE_LIMITS } from '../../../src/lib/server/embedded/auth/rate-limit';

let t: TestStack;
beforeAll(async () => {
	t = await startTestStack({ auth: { rateLimits: structuredClone(SUPABASE_DEFAULT_RATE_LIMITS) } });
});
afterAll(async () => t?.close());

/** A request as if from another client address (the stack takes the address from the server, never from a header). */
function fromIp(ip: string, path: string, body: unknown) {
	return t.stack.handle(
		new Request(`${t.url}/auth/v1${path}`, {
			method: 'POST',
			headers: { apikey: t.anonKey, 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' },
			body: JSON.stringify(body)
		}),
		{ clientIp: ip }
	);
}

/** A confirmed account made in the database, so no request spends from a bucket under test. */
async function account(email: string, password: string) {
	await t.sql`insert into auth.users (id, aud, role, created_at, email, encrypted_password, email_confirmed_at, raw_app_meta_data)
		values (gen_random_uuid(), 'authenticated', 'authenticated', now(), ${email}, extensions.crypt(${password}, extensions.gen_salt('bf', 4)), now(), '{"provider":"email","providers":["email"]}')`;
}

describe('password sign-in', () => {
	it('answers the 31st wrong password from one address with 429 over_request_rate_limit and Retry-After', async () => {
		await account('guessed@example.org', 'the-real-password');
		for (let i = 0; i < 30; i++) {
			const { error } = await t.anon().auth.signInWithPassword({ email: 'guessed@example.org', password: `guess-${i}` });
			expect(error?.code).toBe('invalid_credentials');
		}
		const blocked = await t.anon().auth.signInWithPassword({ email: 'guessed@example.org', password: 'the-real-password' });
		expect(blocked.data.session).toBeNull();
		expect(blocked.error?.status).toBe(429);
		expect(blocked.error?.code).toBe('over_request_rate_limit');

		const raw = await fetch(`${t.url}/auth/v1/token?grant_type=password`, {
			method: 'POST',
			headers: { apikey: t.anonKey, 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'someone-else@example.org', password: 'x' })
		});
		expect(raw.status).toBe(429);
		expect(Number(raw.headers.get('retry-after'))).toBeGreaterThan(0);
		// Without X-Supabase-Api-Version: GoTrue's legacy error shape.
		expect(await raw.json()).toEqual({ code: 429, error_code: 'over_request_rate_limit', msg: 'Request rate limit reached' });
	});

	it('limits guesses at one account spread over many addresses', async () => {
		await account('spread@example.org', 'the-real-password');
		for (let i = 0; i < 30; i++) {
			const response = await fromIp(`198.51.100.${i + 1}`, '/token?grant_type=password', { email: 'spread@example.org', password: `guess-${i}` });
			expect(response?.status).toBe(400);
		}
		const blocked = await fromIp('198.51.100.200', '/token?grant_type=password', { email: 'spread@example.org', password: 'the-real-password' });
		expect(blocked?.status).toBe(429);
		expect((await blocked!.json()).code).toBe('over_request_rate_limit');
		// Another account from a fresh address is not affected.
		await account('unrelated@example.org', 'pw-unrelated');
		const other = await fromIp('198.51.100.201', '/token?grant_type=password', { email: 'unrelated@example.org', password: 'pw-unrelated' });
		expect(other?.status).toBe(200);
	});
});

describe('emails', () => {
	it('sends one sign-in email per address per 60 seconds, and says when to try again', async () => {
		const first = await fromIp('203.0.113.1', '/otp', { email: 'wait@example.org' });
		expect(first?.status).toBe(200);
		const second = await fromIp('203.0.113.2', '/otp', { email: 'wait@example.org' });
		expect(second?.status).toBe(429);
		const body = await second!.json();
		expect(body.code).toBe('over_email_send_rate_limit');
		expect(body.message).toMatch(/^For security purposes, you can only request this after \d+ seconds\.$/);
		const retryAfter = Number(second!.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThan(0);
		expect(retryAfter).toBeLessThanOrEqual(60);
		const mails = await t.sql`select 1 from embedded.mailbox where to_address = 'wait@example.org'`;
		expect(mails).toHaveLength(1);
	});

	it('limits password-reset emails the same way whether or not the address has an account', async () => {
		await account('has-account@example.org', 'pw-has-account');
		for (const email of ['has-account@example.org', 'no-account@example.org']) {
			expect((await fromIp('203.0.113.10', '/recover', { email }))?.status).toBe(200);
			expect((await fromIp('203.0.113.11', '/recover', { email }))?.status).toBe(429);
		}
	});

	it('stops the 31st OTP request from one address within the hour', async () => {
		for (let i = 0; i < 30; i++) {
			const response = await fromIp('203.0.113.50', '/otp', { email: `many-${i}@example.org`, create_user: false });
			expect(response?.status).toBe(422);
		}
		const blocked = await fromIp('203.0.113.50', '/otp', { email: 'many-last@example.org' });
		expect(blocked?.status).toBe(429);
		expect((await blocked!.json()).code).toBe('over_request_rate_limit');
		expect(await t.sql`select 1 from auth.users where email = 'many-last@example.org'`).toHaveLength(0);
	});
});

describe('verification and refresh', () => {
	it('limits verification attempts per address', async () => {
		for (let i = 0; i < 30; i++) {
			const response = await fromIp('192.0.2.7', '/verify', { email: 'nobody@example.org', token: '000000', type: 'email' });
			expect(response?.status).toBe(403);
		}
		const blocked = await fromIp('192.0.2.7', '/verify', { email: 'nobody@example.org', token: '000000', type: 'email' });
		expect(blocked?.status).toBe(429);
		const elsewhere = await fromIp('192.0.2.8', '/verify', { email: 'nobody@example.org', token: '000000', type: 'email' });
		expect(elsewhere?.status).toBe(403);
	});

	it('lets ordinary refreshes through and limits a flood', async () => {
		await account('refresher@example.org', 'pw-refresher');
		const signIn = await fromIp('192.0.2.20', '/token?grant_type=password', { email: 'refresher@example.org', password: 'pw-refresher' });
		let token = (await signIn!.json()).refresh_token as string;
		for (let i = 0; i < 30; i++) {
			const response = await fromIp('192.0.2.20', '/token?grant_type=refresh_token', { refresh_token: token });
			expect(response?.status).toBe(200);
			token = (await response!.json()).refresh_token;
		}
		const blocked = await fromIp('192.0.2.20', '/token?grant_type=refresh_token', { refresh_token: token });
		expect(blocked?.status).toBe(429);
	});
});
