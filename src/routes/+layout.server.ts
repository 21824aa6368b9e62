import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
	locale: locals.locale,
	embedded: locals.embedded,
	devMailbox: locals.devMailbox,
	user: locals.user ? { id: locals.user.id, email: locals.user.email ?? '' } : null
});
