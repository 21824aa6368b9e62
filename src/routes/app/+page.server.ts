import { fail } from '@sveltejs/kit';
import { createOrganisation, listMyOrganisations } from '$lib/data/organisations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		return { organisations: await listMyOrganisations(locals.supabase, locals.user!.id), loadError: null };
	} catch (e) {
		return { organisations: [], loadError: (e as Error).message };
	}
};

export const actions: Actions = {
	createOrganisation: async ({ request, locals }) => {
		const form = await request.formData();
		const name = String(form.get('name') ?? '').trim();
		if (name === '') return fail(400, { name, error: 'orgs.error.nameRequired' as const, message: '' });
		if (name.length > 200) return fail(400, { name, error: 'orgs.error.nameTooLong' as const, message: '' });
		try {
			const created = await createOrganisation(locals.supabase, name);
			return { created: created.name };
		} catch (e) {
			return fail(400, { name, error: 'orgs.error.failed' as const, message: (e as Error).message });
		}
	}
};
