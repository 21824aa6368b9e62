import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/stack';

let t: TestStack;
beforeAll(async () => {
	t = await startTestStack();
});
afterAll(async () => t?.close());

describe('POST /auth/v1/admin/users (supabase.auth.admin.createUser)', () => {
	it('creates a confirmed user with metadata who can sign in with the password', async () => {
		const { data, error } = await t.service().auth.admin.createUser({
			email: 'Made@Example.org',
			password: 'made-by-admin',
			email_confirm: true,
			user_metadata: { display_name: 'Made' }
		});
		expect(error).toBeNull();
		expect(data.user).toMatchObject({ email: 'made@example.org', user_metadata: { display_name: 'Made' }, aud: 'authenticated' });
		expect(data.user?.email_confirmed_at).toBeTruthy();
		expect(data.user?.app_metadata).toMatchObject({ provider: 'email' });
		const signIn = await t.anon().auth.signInWithPassword({ email: 'made@example.org', password: 'made-by-admin' });
		expect(signIn.error).toBeNull();
		expect(signIn.data.user?.id).toBe(data.user!.id);
	});

	it('leaves the email unconfirmed without email_confirm', async () => {
		const { data, error } = await t.service().auth.admin.createUser({ email: 'later@example.org', password: 'confirm-later' });
		expect(error).toBeNull();
		expect(data.user?.email_confirmed_at).toBeUndefined();
		const signIn = await t.anon().auth.signInWithPassword({ email: 'later@example.org', password: 'confirm-later' });
		expect(signIn.error?.code).toBe('email_not_confirmed');
	});

	it('refuses an existing email with email_exists', async () => {
		await t.service().auth.admin.createUser({ email: 'twice@example.org', password: 'twice-twice' });
		const { error } = await t.service().auth.admin.createUser({ email: 'twice@example.org', password: 'twice-twice' });
		expect(error?.status).toBe(422);
		expect(error?.code).toBe('email_exists');
	});

	it('refuses the anon key and a signed-in user with not_admin, and creates nobody', async () => {
		const anon = await t.anon().auth.admin.createUser({ email: 'sneaky@example.org', password: 'sneaky-sneaky', email_confirm: true });
		expect(anon.error?.status).toBe(403);
		expect(anon.error?.code).toBe('not_admin');
		const { client } = await t.signedIn('someone@example.org');
		const session = (await client.auth.getSession()).data.session!;
		const response = await fetch(`${t.url}/auth/v1/admin/users`, {
			method: 'POST',
			headers: { apikey: t.anonKey, authorization: `Bearer ${session.access_token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'sneaky@example.org', password: 'sneaky-sneaky' })
		});
		expect(response.status).toBe(403);
		expect(await response.json()).toMatchObject({ code: 403, error_code: 'not_admin', msg: 'User not allowed' });
		expect(await t.sql`select 1 from auth.users where email = 'sneaky@example.org'`).toHaveLength(0);
	});

	it('refuses a request without a token with 401 no_authorization', async () => {
		const response = await fetch(`${t.url}/auth/v1/admin/users`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' },
			body: JSON.stringify({ email: 'nobody@example.org' })
		});
		expect(response.status).toBe(401);
		expect(await response.json()).toMatchObject({ code: 'no_authorization' });
	});
});
