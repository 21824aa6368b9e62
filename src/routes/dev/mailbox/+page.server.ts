import { error } from '@sveltejs/kit';
import { isEmbedded } from '$lib/server/backend';
import { devAidsEnabled } from '$lib/server/dev-aids';
import { embeddedRuntime } from '$lib/server/embedded/default';
import { listMail } from '$lib/server/embedded/auth/mailbox';
import type { PageServerLoad } from './$types';

/**
 * Embedded default only: emails that would have been sent. Does not exist with a real Supabase project,
 * nor in a production build unless the unsafe development aids are switched on (src/lib/server/dev-aids.ts).
 */
export const load: PageServerLoad = async ({ depends }) => {
	if (!isEmbedded() || !devAidsEnabled()) error(404, 'Not found');
	depends('app:mailbox');
	const { stack } = await embeddedRuntime();
	const mails = await listMail(stack.sql);
	return {
		mails: mails.map((m) => ({ id: m.id, to: m.to_address, subject: m.subject, body: m.body_text, link: m.link, sentAt: m.sent_at.toISOString() }))
	};
};
