import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/stack';

// As the app runs outside development: sign-up needs the emailed confirmation (Supabase's enable_confirmations).
let t: TestStack;
beforeAll(async () => {
	t = await startTestStack({ auth: { autoConfirm: false } });
});
afterAll(async () => t?.close());

describe('sign-up with confirmations on', () => {
	it('returns the user without a session, emails a link, and refuses the password until it is confirmed', async () => {
		const { data, error } = await t.anon().auth.signUp({ email: 'new@example.org', password: 'new-account' });
		expect(error).toBeNull();
		expect(data.session).toBeNull();
		expect(data.user?.email).toBe('new@example.org');
		expect(data.user?.email_confirmed_at).toBeUndefined();
		expect(data.user?.confirmation_sent_at).toBeTruthy();

		const early = await t.anon().auth.signInWithPassword({ email: 'new@example.org', password: 'new-account' });
		expect(early.error?.code).toBe('email_not_confirmed');

		const [mail] = await t.sql`select link from embedded.mailbox where to_address = 'new@example.org' order by id desc limit 1`;
		const link = new URL(mail!.link as string);
		expect(link.pathname).toBe('/auth/confirm');
		expect(link.searchParams.get('type')).toBe('signup');
		const confirmed = await t.anon().auth.verifyOtp({ token_hash: link.searchParams.get('token_hash')!, type: 'signup' });
		expect(confirmed.error).toBeNull();
		expect(confirmed.data.user?.email_confirmed_at).toBeTruthy();

		const later = await t.anon().auth.signInWithPassword({ email: 'new@example.org', password: 'new-account' });
		expect(later.error).toBeNull();
	});

	it('says so in /settings', async () => {
		const response = await fetch(`${t.url}/auth/v1/settings`, { headers: { apikey: t.anonKey } });
		expect((await response.json()).mailer_autoconfirm).toBe(false);
	});
});
