import { redirect } from '@sveltejs/kit';
import { listMyOrganisations } from '$lib/data/organisations';
import type { LayoutServerLoad } from './$types';

/**
 * Everything under /app needs a signed-in user; this load forces a server round-trip on each navigation.
 * It also hands the browser what its supabase-js client needs (URL and publishable key: public values)
 * and the user's organisations with their role.
 */
export const load: LayoutServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	let organisations: Awaited<ReturnType<typeof listMyOrganisations>> = [];
	let organisationsError: string | null = null;
	try {
		organisations = await listMyOrganisations(locals.supabase, locals.user.id);
	} catch (e) {
		organisationsError = (e as Error).message;
	}
	return {
		userEmail: locals.user.email ?? '',
		userId: locals.user.id,
		supabase: { url: locals.backend.url, key: locals.backend.publishableKey },
		organisations,
		organisationsError
	};
};
