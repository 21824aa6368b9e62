import { fail, redirect } from '@sveltejs/kit';
import type { MessageKey } from '$lib/i18n/translate';
import { DEMO_ACCOUNT } from '$lib/server/demo';
import { safeNext } from '$lib/navigation/safe-next';
import { isEmbedded } from '$lib/server/backend';
import { embeddedRuntime } from '$lib/server/embedded/default';
import type { Actions, PageServerLoad } from './$types';


const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;


/** Whether this server can send email at all (the embedded default without SMTP cannot; Supabase always can). */
async function emailConfigured(): Promise<boolean> {
	if (!isEmbedded()) return true;
	return (await embeddedRuntime()).stack.auth.mailer !== null;
}

/** A rate-limited answer from auth (429) in words; anything else keeps the caller's message. */
function limited(error: { status?: number; code?: string } | null): MessageKey | null {
	if (error?.status !== 429) return null;
	return error.code === 'over_email_send_rate_limit' ? 'login.error.emailWait' : 'login.error.tooMany';
}

type Errors = Partial<Record<'email' | 'code' | 'password' | 'form', MessageKey>>;

function invalid(email: string, errors: Errors, extra: Record<string, unknown> = {}) {
	return fail(400, { email, errors, ...extra });
}

export const load: PageServerLoad = async ({ url, locals }) => ({
	next: safeNext(url.searchParams.get('next')),
	linkError: url.searchParams.get('error') === 'link',
	demo: locals.devMailbox ? DEMO_ACCOUNT : null
});

export const actions: Actions = {
	magic: async ({ request, locals, url }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '').trim();
		if (!EMAIL.test(email)) return invalid(email, { email: 'login.error.email' });
		const next = safeNext(form.get('next'));
		const { error } = await locals.supabase.auth.signInWithOtp({
			email,
			options: { emailRedirectTo: new URL(next, url.origin).toString() }
		});
		if (error) return invalid(email, { form: limited(error) ?? ((await emailConfigured()) ? 'login.error.unavailable' : 'login.error.emailNotConfigured') });
		return { sent: true, email, next };
	},
	code: async ({ request, locals }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '').trim();
		const code = String(form.get('code') ?? '').replace(/\s/g, '');
		if (!EMAIL.test(email)) return invalid(email, { email: 'login.error.email' }, { sent: true });
		if (!/^\d{6}$/.test(code)) return invalid(email, { code: 'login.error.code' }, { sent: true });
		const { error } = await locals.supabase.auth.verifyOtp({ email, token: code, type: 'email' });
		if (error) return invalid(email, { code: limited(error) ?? 'login.error.codeWrong' }, { sent: true });
		redirect(303, safeNext(form.get('next')));
	},
	password: async ({ request, locals }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '').trim();
		const password = String(form.get('password') ?? '');
		if (!EMAIL.test(email)) return invalid(email, { email: 'login.error.email' }, { mode: 'password' });
		if (password === '') return invalid(email, { password: 'login.error.passwordMissing' }, { mode: 'password' });
		const { error } = await locals.supabase.auth.signInWithPassword({ email, password });
		if (error) return invalid(email, { password: limited(error) ?? 'login.error.password' }, { mode: 'password' });
		redirect(303, safeNext(form.get('next')));
	}
};
