/**
 * Email codes die after a few wrong tries and expire after 15 minutes; redirect_to and
 * emailRedirectTo never put a foreign origin into an email or a Location header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/stack';

let t: TestStack;
beforeAll(async () => {
	t = await startTestStack({
		auth: { redirects: { siteUrl: null, additionalRedirectUrls: ['http://preview.disclose.test/app'] } }
	});
});
afterAll(async () => t?.close());

async function latestMail(to: string) {
	const [mail] = await t.sql`select * from embedded.mailbox where to_address = ${to} order by id desc limit 1`;
	return mail as { body_text: string; link: string };
}
const codeIn = (mail: { body_text: string }) => /code: (\d{6})/.exec(mail.body_text)![1]!;

describe('email codes', () => {
	it('kills a code after five wrong tries: the right code no longer works', async () => {
		await t.anon().auth.signInWithOtp({ email: 'brute@example.org' });
		const code = codeIn(await latestMail('brute@example.org'));
		const wrong = code === '000000' ? '000001' : '000000';
		for (let i = 0; i < 5; i++) {
			const { error } = await t.anon().auth.verifyOtp({ email: 'brute@example.org', token: wrong, type: 'email' });
			expect(error?.code).toBe('otp_expired');
		}
		const { data, error } = await t.anon().auth.verifyOtp({ email: 'brute@example.org', token: code, type: 'email' });
		expect(data.session).toBeNull();
		expect(error?.code).toBe('otp_expired');
		// A fresh email brings a code that works.
		await t.sql`delete from embedded.mailbox where to_address = 'brute@example.org'`;
		await t.anon().auth.signInWithOtp({ email: 'brute@example.org' });
		const fresh = await t.anon().auth.verifyOtp({ email: 'brute@example.org', token: codeIn(await latestMail('brute@example.org')), type: 'email' });
		expect(fresh.error).toBeNull();
		expect(fresh.data.session).not.toBeNull();
	});

	it('still accepts the right code after fewer wrong tries', async () => {
		await t.anon().auth.signInWithOtp({ email: 'typo@example.org' });
		const code = codeIn(await latestMail('typo@example.org'));
		const wrong = code === '999999' ? '999998' : '999999';
		for (let i = 0; i < 4; i++) await t.anon().auth.verifyOtp({ email: 'typo@example.org', token: wrong, type: 'email' });
		const { error } = await t.anon().auth.verifyOtp({ email: 'typo@example.org', token: code, type: 'email' });
		expect(error).toBeNull();
	});

	it('issues codes valid for 15 minutes and refuses an expired one', async () => {
		await t.anon().auth.signInWithOtp({ email: 'late@example.org' });
		const [token] = await t.sql`select extract(epoch from expires_at - created_at)::int as seconds
			from auth.one_time_tokens where relates_to = 'late@example.org'`;
		expect(token!.seconds).toBe(900);
		expect(await latestMail('late@example.org')).toMatchObject({ body_text: expect.stringContaining('for 15 minutes') });
		await t.sql`update auth.one_time_tokens set expires_at = now() - interval '1 second' where relates_to = 'late@example.org'`;
		const { error } = await t.anon().auth.verifyOtp({ email: 'late@example.org', token: codeIn(await latestMail('late@example.org')), type: 'email' });
		expect(error?.code).toBe('otp_expired');
	});
});

describe('redirects', () => {
	it('never puts a foreign redirect origin into the emailed link', async () => {
		await t.anon().auth.signInWithOtp({ email: 'phish@example.org', options: { emailRedirectTo: 'http://evil.example/x' } });
		const link = new URL((await latestMail('phish@example.org')).link);
		expect(link.origin).toBe(t.url);
		expect(link.searchParams.get('next')).toBe('/');
		expect((await latestMail('phish@example.org')).body_text).not.toContain('evil.example');
	});

	it('keeps an allow-listed redirect, and a same-site one', async () => {
		await t.anon().auth.signInWithOtp({ email: 'preview@example.org', options: { emailRedirectTo: 'http://preview.disclose.test/app/requests' } });
		const preview = new URL((await latestMail('preview@example.org')).link);
		expect(preview.origin).toBe('http://preview.disclose.test');
		expect(preview.searchParams.get('next')).toBe('/app/requests');

		// Same origin, but outside the allow-listed path: not allowed.
		await t.sql`delete from embedded.mailbox`;
		await t.anon().auth.signInWithOtp({ email: 'preview2@example.org', options: { emailRedirectTo: 'http://preview.disclose.test/other' } });
		expect(new URL((await latestMail('preview2@example.org')).link).origin).toBe(t.url);
	});

	it('answers GET /verify with a Location on the site, never the foreign origin', async () => {
		await t.anon().auth.signInWithOtp({ email: 'verify-get@example.org' });
		const tokenHash = new URL((await latestMail('verify-get@example.org')).link).searchParams.get('token_hash')!;
		for (const token of ['not-a-token', tokenHash]) {
			const response = await fetch(
				`${t.url}/auth/v1/verify?token=${token}&type=magiclink&redirect_to=${encodeURIComponent('http://evil.example/')}`,
				{ headers: { apikey: t.anonKey }, redirect: 'manual' }
			);
			expect(response.status).toBe(303);
			const location = response.headers.get('location')!;
			expect(new URL(location).origin).toBe(t.url);
			expect(location).not.toContain('evil.example');
		}
	});
});
