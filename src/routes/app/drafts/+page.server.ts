import { listServerDrafts, type ServerDraft } from '$lib/data/drafts';
import { deleteDraftAction } from './delete-action.server';
import type { Actions, PageServerLoad } from './$types';

/** The organisations' drafts on the server (from every device); the page adds those only on this device. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const deleted = url.searchParams.has('deleted');
	try {
		return { serverDrafts: await listServerDrafts(locals.supabase), loadError: null, deleted };
	} catch (e) {
		return { serverDrafts: [] as ServerDraft[], loadError: (e as Error).message, deleted };
	}
};

export const actions: Actions = {
	/** Without JavaScript: ask first, then delete on the server (with JavaScript the page deletes on the device). */
	delete: deleteDraftAction
};
