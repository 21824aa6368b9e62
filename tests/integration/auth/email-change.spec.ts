/**
 * Secure email change: PUT /auth/v1/user {email} changes nothing until both the new and
 * the current address confirm, so a session cannot take an invitation sent to someone else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../../support/stack';

let t: TestStack;
let orgId: string;
beforeAll(async () => {
	t = await startTestStack();
	const { client } = await t.signedIn('org-owner@example.org');
	const { data, error } = await client.rpc('create_organisation', { name: 'Email change test org' });
	expect(error).toBeNull();
	orgId = (data as { id: string }).id;
});
afterAll(async () => t?.close());

async function mailTo(to: string) {
	const [mail] = await t.sql`select * from embedded.mailbox where to_address = ${to} order by id desc limit 1`;
	return mail as { body_text: string; link: string } | undefined;
}
const hashIn = (mail: { link: string }) => new URL(mail.link).searchParams.get('token_hash')!;

async function invite(email: string): Promise<string> {
	const token = randomBytes(24).toString('hex');
	await t.sql`insert into public.invitations (organisation_id, email, role, token_hash)
		values (${orgId}, ${email}, 'viewer', ${createHash('sha256').update(token).digest('hex')})`;
	return token;
}

async function emailOf(userId: string) {
	const [row] = await t.sql`select email, email_change from auth.users where id = ${userId}`;
	return row as { email: string; email_change: string | null };
}

async function accept(client: SupabaseClient, token: string) {
	return client.rpc('accept_invitation', { token });
}

describe('secure email change', () => {
	it('keeps the old address until both addresses confirm; the invitation binds only then', async () => {
		const { client, userId } = await t.signedIn('thief@example.org');
		const token = await invite('victim@example.org');

		const { data, error } = await client.auth.updateUser({ email: 'Victim@Example.org' });
		expect(error).toBeNull();
		expect(data.user?.email).toBe('thief@example.org');
		expect(data.user?.new_email).toBe('victim@example.org');
		expect(await emailOf(userId)).toEqual({ email: 'thief@example.org', email_change: 'victim@example.org' });

		// The invitation to the other address cannot be taken with the unconfirmed change.
		const refused = await accept(client, token);
		expect(refused.error?.code).toBe('42501');
		expect(await t.sql`select 1 from public.memberships where user_id = ${userId}`).toHaveLength(0);

		const toNew = await mailTo('victim@example.org');
		const toCurrent = await mailTo('thief@example.org');
		expect(toNew?.link).toContain('type=email_change');
		expect(toCurrent?.link).toContain('type=email_change');
		expect(hashIn(toNew!)).not.toBe(hashIn(toCurrent!));

		// One confirmation is not enough (GoTrue's answer for the first half).
		const half = await t.anon().auth.verifyOtp({ token_hash: hashIn(toNew!), type: 'email_change' });
		expect(half.error).toBeNull();
		expect(half.data.session).toBeNull();
		expect((await emailOf(userId)).email).toBe('thief@example.org');
		expect((await accept(client, token)).error?.code).toBe('42501');

		// The second confirmation applies the change and signs in with the new address.
		const done = await t.anon().auth.verifyOtp({ token_hash: hashIn(toCurrent!), type: 'email_change' });
		expect(done.error).toBeNull();
		expect(done.data.session?.user.email).toBe('victim@example.org');
		expect(await emailOf(userId)).toEqual({ email: 'victim@example.org', email_change: null });
		const renewed = t.anon();
		await renewed.auth.setSession(done.data.session!);
		expect((await accept(renewed, token)).error).toBeNull();
		// The old session, refreshed, now carries the new address too.
		expect((await accept(client, token)).error?.code).toBe('22023');
	});

	it('does not let one address be confirmed twice, and a used link is dead', async () => {
		const { client, userId } = await t.signedIn('twice@example.org');
		await client.auth.updateUser({ email: 'twice-new@example.org' });
		const toNew = await mailTo('twice-new@example.org');
		expect((await t.anon().auth.verifyOtp({ token_hash: hashIn(toNew!), type: 'email_change' })).error).toBeNull();
		const again = await t.anon().auth.verifyOtp({ token_hash: hashIn(toNew!), type: 'email_change' });
		expect(again.error?.code).toBe('otp_expired');
		expect((await emailOf(userId)).email).toBe('twice@example.org');
	});

	it('refuses an address another account has', async () => {
		await t.signedIn('taken@example.org');
		const { client, userId } = await t.signedIn('wants-taken@example.org');
		const { error } = await client.auth.updateUser({ email: 'taken@example.org' });
		expect(error?.status).toBe(422);
		expect(error?.code).toBe('email_exists');
		expect(await emailOf(userId)).toEqual({ email: 'wants-taken@example.org', email_change: null });
		expect(await mailTo('taken@example.org')).toBeUndefined();
	});
});
