import { error } from '@sveltejs/kit';
import { isEmbedded } from '$lib/server/backend';
import { devMailboxEnabled } from '$lib/server/dev-mailbox';
import { embeddedRuntime } from '$lib/server/embedded/default';
import { listMail } from '$lib/server/embedded/auth/mailbox';
import type { PageServerLoad } from './$types';

/**
 * Emails that would have been sent: embedded default in development (or with
 * DISCLOSE_UNSAFE_DEV_MAILBOX=1) only. Anywhere else it does not exist (404),
 * since whoever reads it can sign in as anyone.
 */
export const load: PageServerLoad = async ({ depends }) => {
	if (!isEmbedded() || !devMailboxEnabled()) error(404, 'Not found');
	depends('app:mailbox');
	const { stack } = await embeddedRuntime();
	const mails = await listMail(stack.sql);
	return {
		mails: mails.map((m) => ({ id: m.id, to: m.to_address, subject: m.subject, body: m.body_text, link: m.link, sentAt: m.sent_at.toISOString() }))
	};
};
