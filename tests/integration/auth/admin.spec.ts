/**
 * /auth/v1/admin/users through supabase-js's `auth.admin.createUser`: the
 * service-role key creates confirmed users (what the e2e suite signs in
 * with); the anon key and a user's session are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/stack';

let t: TestStack;
beforeAll(async () => {
	t = await startTestStack();
});
afterAll(async () => t?.close());

describe('admin user creation', () => {
	it('creates a confirmed user with a password who can then sign in', async () => {
		const { data, error } = await t.service().auth.admin.createUser({
			email: 'Made@Admin.example.org',
			password: 'admin-made-password',
			email_confirm: true,
			user_metadata: { name: 'Made' }
		});
		expect(error).toBeNull();
		expect(data.user).toMatchObject({ email: 'made@admin.example.org', user_metadata: { name: 'Made' } });
		expect(data.user?.email_confirmed_at).toBeTruthy();
		const signIn = await t.anon().auth.signInWithPassword({ email: 'made@admin.example.org', password: 'admin-made-password' });
		expect(signIn.error).toBeNull();
		expect(signIn.data.user?.id).toBe(data.user!.id);
	});

	it('leaves the email unconfirmed unless asked, so the password alone does not sign in', async () => {
		const { error } = await t.service().auth.admin.createUser({ email: 'unconfirmed@admin.example.org', password: 'admin-made-password' });
		expect(error).toBeNull();
		const signIn = await t.anon().auth.signInWithPassword({ email: 'unconfirmed@admin.example.org', password: 'admin-made-password' });
		expect(signIn.error?.code).toBe('email_not_confirmed');
	});

	it('answers an address already registered with 422 email_exists', async () => {
		await t.service().auth.admin.createUser({ email: 'twice@admin.example.org', email_confirm: true });
		const { error } = await t.service().auth.admin.createUser({ email: 'twice@admin.example.org', email_confirm: true });
		expect(error?.status).toBe(422);
		expect(error?.code).toBe('email_exists');
	});

	it('refuses the anon key and a signed-in user, creating nobody', async () => {
		const anon = await t.anon().auth.admin.createUser({ email: 'by-anon@admin.example.org', email_confirm: true });
		expect(anon.error?.status).toBe(403);
		const { client } = await t.signedIn('not-an-admin@admin.example.org');
		const session = (await client.auth.getSession()).data.session!;
		const response = await fetch(`${t.url}/auth/v1/admin/users`, {
			method: 'POST',
			headers: { apikey: t.anonKey, authorization: `Bearer ${session.access_token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'by-user@admin.example.org', email_confirm: true })
		});
		expect(response.status).toBe(403);
		const missing = await fetch(`${t.url}/auth/v1/admin/users`, { method: 'POST', headers: { apikey: t.anonKey }, body: '{}' });
		expect(missing.status).toBe(401);
		const rows = await t.sql`select 1 from auth.users where email in ('by-anon@admin.example.org', 'by-user@admin.example.org')`;
		expect(rows.length).toBe(0);
	});
});
