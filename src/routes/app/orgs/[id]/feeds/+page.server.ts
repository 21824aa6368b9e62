import { error, fail, redirect } from '@sveltejs/kit';
import { createFeed, listMyFeeds, organisationForMember, revokeFeed } from '$lib/data/feeds';
import { translator } from '$lib/i18n/translate';
import type { Actions, PageServerLoad } from './$types';

const MAX_LABEL = 100;

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const organisation = await organisationForMember(locals.supabase, params.id, locals.user!.id);
	if (!organisation) error(404, translator(locals.locale)('feeds.error.notMember'));
	let feeds: Awaited<ReturnType<typeof listMyFeeds>> = [];
	let loadError: string | null = null;
	try {
		feeds = await listMyFeeds(locals.supabase, organisation.id);
	} catch (e) {
		loadError = (e as Error).message;
	}
	// Revoking asks first: ?revoke=<id> shows the confirmation, which works without JavaScript.
	const confirming = feeds.find((feed) => feed.id === url.searchParams.get('revoke') && !feed.revokedAt) ?? null;
	return { organisation, feeds, loadError, confirming, revoked: url.searchParams.has('revoked') };
};

export const actions: Actions = {
	create: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		const label = String(form.get('label') ?? '').trim();
		if (label.length > MAX_LABEL) return fail(400, { label, error: 'feeds.error.labelTooLong' as const, message: '' });
		try {
			const { token } = await createFeed(locals.supabase, params.id, label || null);
			const path = `/calendar/${token}.ics`;
			// The token is shown this once, in the answer to the POST: never in a URL, never stored.
			return { created: { url: new URL(path, url.origin).toString(), webcal: `webcal://${url.host}${path}` } };
		} catch (e) {
			return fail(400, { label, error: 'feeds.error.failed' as const, message: (e as Error).message });
		}
	},
	revoke: async ({ request, locals, params }) => {
		const form = await request.formData();
		const feedId = String(form.get('feedId') ?? '');
		let revoked: boolean;
		try {
			revoked = /^[0-9a-f-]{36}$/i.test(feedId) && (await revokeFeed(locals.supabase, params.id, feedId));
		} catch (e) {
			return fail(400, { revokeError: 'feeds.error.revokeFailed' as const, message: (e as Error).message });
		}
		if (!revoked) return fail(404, { revokeError: 'feeds.error.notFound' as const, message: '' });
		redirect(303, `/app/orgs/${params.id}/feeds?revoked`);
	}
};
