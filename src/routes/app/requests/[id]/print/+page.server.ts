import { error } from '@sveltejs/kit';
import { getRequest } from '$lib/data/requests';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const request = await getRequest(locals.supabase, params.id).catch(() => null);
	if (!request) error(404, 'requests.detail.notFound');
	return { id: request.id, agencyName: request.agencyName, text: request.letterBody };
};
