import { devAidsEnabled } from '$lib/server/dev-aids';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
	locale: locals.locale,
	// Links to the dev mailbox only where it exists (development, or the unsafe opt-in).
	devMailbox: locals.embedded && devAidsEnabled(),
	user: locals.user ? { id: locals.user.id, email: locals.user.email ?? '' } : null
});
