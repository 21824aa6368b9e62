import { listServerDrafts, type ServerDraft } from '$lib/data/drafts';
import type { PageServerLoad } from './$types';

/** The organisations' drafts on the server (from every device); the page adds those only on this device. */
export const load: PageServerLoad = async ({ locals }) => {
	try {
		return { serverDrafts: await listServerDrafts(locals.supabase), loadError: null };
	} catch (e) {
		return { serverDrafts: [] as ServerDraft[], loadError: (e as Error).message };
	}
};
