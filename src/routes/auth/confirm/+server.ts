/**
 * Where sign-in emails link to (Supabase's SSR pattern): verify the token_hash
 * server-side, which sets the session cookies, then continue to `next`.
 */
import { redirect } from '@sveltejs/kit';
import type { EmailOtpType } from '@supabase/supabase-js';
import type { RequestHandler } from './$types';
import { safeNext } from '$lib/navigation/safe-next';

const TYPES: EmailOtpType[] = ['email', 'magiclink', 'signup', 'invite', 'recovery', 'email_change'];

export const GET: RequestHandler = async ({ url, locals }) => {
	const tokenHash = url.searchParams.get('token_hash');
	const type = url.searchParams.get('type') as EmailOtpType | null;
	const requested = safeNext(url.searchParams.get('next'));
	const next = requested === '/' ? '/app' : requested;
	if (tokenHash && type && TYPES.includes(type)) {
		const { error } = await locals.supabase.auth.verifyOtp({ token_hash: tokenHash, type });
		if (!error) redirect(303, next);
	}
	redirect(303, '/login?error=link');
};
