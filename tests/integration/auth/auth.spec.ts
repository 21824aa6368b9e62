import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/stack';
import { signJwt } from '../../../src/lib/server/embedded/jwt';

let t: TestStack;
beforeAll(async () => {
	t = await startTestStack();
});
afterAll(async () => t?.close());

async function latestMail(to: string) {
	const [mail] = await t.sql`select * from embedded.mailbox where to_address = ${to} order by id desc limit 1`;
	return mail as { body_text: string; link: string } | undefined;
}

describe('email + password', () => {
	it('signs up, returns a session whose JWT has Supabase claims, and signs in again', async () => {
		const client = t.anon();
		const { data, error } = await client.auth.signUp({ email: 'Ana@Example.org', password: 'hunter22' });
		expect(error).toBeNull();
		expect(data.session?.access_token).toBeTruthy();
		expect(data.user?.email).toBe('ana@example.org');
		const claims = JSON.parse(Buffer.from(data.session!.access_token.split('.')[1]!, 'base64url').toString());
		expect(claims).toMatchObject({ sub: data.user!.id, role: 'authenticated', aud: 'authenticated', email: 'ana@example.org' });
		expect(typeof claims.exp).toBe('number');
		expect(typeof claims.session_id).toBe('string');

		const again = await t.anon().auth.signInWithPassword({ email: 'ana@example.org', password: 'hunter22' });
		expect(again.error).toBeNull();
		expect(again.data.user?.id).toBe(data.user!.id);
	});

	it('refuses a duplicate sign-up with user_already_exists', async () => {
		await t.anon().auth.signUp({ email: 'dup@example.org', password: 'hunter22' });
		const { error } = await t.anon().auth.signUp({ email: 'dup@example.org', password: 'hunter22' });
		expect(error?.status).toBe(422);
		expect(error?.code).toBe('user_already_exists');
	});

	it('refuses a short password with weak_password and creates nobody', async () => {
		const { error } = await t.anon().auth.signUp({ email: 'weak@example.org', password: '123' });
		expect(error?.code).toBe('weak_password');
		expect(await t.sql`select 1 from auth.users where email = 'weak@example.org'`).toHaveLength(0);
	});

	it('refuses a wrong password with invalid_credentials', async () => {
		await t.signedIn('wrongpw@example.org', 'right-password');
		const { data, error } = await t.anon().auth.signInWithPassword({ email: 'wrongpw@example.org', password: 'nope-nope' });
		expect(data.session).toBeNull();
		expect(error?.status).toBe(400);
		expect(error?.code).toBe('invalid_credentials');
		expect(error?.message).toBe('Invalid login credentials');
	});
});

describe('magic link and email code', () => {
	it('sends a link and a code to the dev mailbox; the code signs in once', async () => {
		const client = t.anon();
		const sent = await client.auth.signInWithOtp({ email: 'otp@example.org', options: { emailRedirectTo: `${t.url}/requests` } });
		expect(sent.error).toBeNull();
		const mail = await latestMail('otp@example.org');
		expect(mail?.link).toBe(`${t.url}/auth/confirm?token_hash=${new URL(mail!.link).searchParams.get('token_hash')}&type=email&next=%2Frequests`);
		expect(new URL(mail!.link).searchParams.get('token_hash')).toMatch(/^[0-9a-f]{56}$/);
		const code = /code: (\d{6})/.exec(mail!.body_text)![1]!;
		const verified = await client.auth.verifyOtp({ email: 'otp@example.org', token: code, type: 'email' });
		expect(verified.error).toBeNull();
		expect(verified.data.user?.email_confirmed_at).toBeTruthy();
		const reused = await t.anon().auth.verifyOtp({ email: 'otp@example.org', token: code, type: 'email' });
		expect(reused.error?.code).toBe('otp_expired');
	});

	it('verifies the link token_hash (the SSR /auth/confirm flow)', async () => {
		await t.anon().auth.signInWithOtp({ email: 'link@example.org' });
		const mail = await latestMail('link@example.org');
		const tokenHash = new URL(mail!.link).searchParams.get('token_hash')!;
		const { data, error } = await t.anon().auth.verifyOtp({ token_hash: tokenHash, type: 'email' });
		expect(error).toBeNull();
		expect(data.session?.user.email).toBe('link@example.org');
	});

	it('refuses unknown users when create_user is false, and wrong codes', async () => {
		const refused = await t.anon().auth.signInWithOtp({ email: 'nobody@example.org', options: { shouldCreateUser: false } });
		expect(refused.error?.code).toBe('otp_disabled');
		const wrong = await t.anon().auth.verifyOtp({ email: 'nobody@example.org', token: '000000', type: 'email' });
		expect(wrong.error?.status).toBe(403);
		expect(wrong.error?.code).toBe('otp_expired');
	});
});

describe('sessions', () => {
	it('refreshes with a rotating refresh token and rejects a long-used one', async () => {
		const { data } = await t.anon().auth.signUp({ email: 'refresh@example.org', password: 'hunter22' });
		const client = t.anon();
		const refreshed = await client.auth.refreshSession({ refresh_token: data.session!.refresh_token });
		expect(refreshed.error).toBeNull();
		expect(refreshed.data.session?.refresh_token).not.toBe(data.session!.refresh_token);
		await t.sql`update auth.refresh_tokens set updated_at = now() - interval '1 minute' where token = ${data.session!.refresh_token}`;
		const replay = await t.anon().auth.refreshSession({ refresh_token: data.session!.refresh_token });
		expect(replay.error?.code).toBe('refresh_token_already_used');
	});

	it('getUser validates the token; updateUser changes metadata and password', async () => {
		const { client } = await t.signedIn('update@example.org', 'first-password');
		const { data } = await client.auth.getUser();
		expect(data.user?.email).toBe('update@example.org');
		const updated = await client.auth.updateUser({ data: { locale: 'es' }, password: 'second-password' });
		expect(updated.error).toBeNull();
		expect(updated.data.user?.user_metadata).toMatchObject({ locale: 'es' });
		const relog = await t.anon().auth.signInWithPassword({ email: 'update@example.org', password: 'second-password' });
		expect(relog.error).toBeNull();
	});

	it('rejects forged and expired tokens on /user', async () => {
		const forged = signJwt({ sub: '00000000-0000-4000-8000-000000000000', role: 'authenticated', session_id: 'x' }, 'not-the-secret');
		const a = await t.anon().auth.getUser(forged);
		expect(a.error?.status).toBe(403);
		expect(a.error?.code).toBe('bad_jwt');
		const expired = signJwt({ sub: 'x', role: 'authenticated', exp: 1000, session_id: 'x' }, t.stack.keys.jwtSecret);
		const b = await t.anon().auth.getUser(expired);
		expect(b.error?.code).toBe('bad_jwt');
	});

	it('signOut ends the session, so the old access token no longer reads the user', async () => {
		const { client } = await t.signedIn('logout@example.org');
		const token = (await client.auth.getSession()).data.session!.access_token;
		expect((await client.auth.signOut()).error).toBeNull();
		const after = await t.anon().auth.getUser(token);
		// auth-js turns Supabase's session_not_found (403) into AuthSessionMissingError.
		expect(after.data.user).toBeNull();
		expect(after.error?.name).toBe('AuthSessionMissingError');
		const [row] = await t.sql`select count(*)::int as n from auth.sessions s join auth.users u on u.id = s.user_id where u.email = 'logout@example.org'`;
		expect(row!.n).toBe(0);
	});
});

describe('bad input', () => {
	it('answers malformed JSON with 400 bad_json in the versioned error shape, and unknown routes with 404', async () => {
		const headers = { apikey: t.anonKey, 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' };
		const bad = await fetch(`${t.url}/auth/v1/signup`, { method: 'POST', headers, body: '{"email": "x@example.org",' });
		expect(bad.status).toBe(400);
		expect(bad.headers.get('x-supabase-api-version')).toBe('2024-01-01');
		expect(await bad.json()).toEqual({ code: 'bad_json', message: 'Could not parse request body as JSON' });
		const legacy = await fetch(`${t.url}/auth/v1/token?grant_type=password`, {
			method: 'POST',
			headers: { apikey: t.anonKey, 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'nobody@example.org', password: 'whatever' })
		});
		expect(await legacy.json()).toEqual({ code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' });
		const unknown = await fetch(`${t.url}/auth/v1/factors`, { headers });
		expect(unknown.status).toBe(404);
	});
});
