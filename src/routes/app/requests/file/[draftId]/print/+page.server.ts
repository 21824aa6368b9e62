import { error } from '@sveltejs/kit';
import { agencyChannels, draftForFiling } from '$lib/data/requests';
import { letterForAgency } from '$lib/filing/agency-letter';
import type { PageServerLoad } from './$types';

/** A draft's letter to one agency, for printing before it is sent (works without JavaScript). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const found = await draftForFiling(locals.supabase, params.draftId).catch(() => null);
	if (!found) error(404, 'filing.error.draftGone');
	const agencyId = url.searchParams.get('agency') ?? '';
	if (!found.draft.agencyIds.includes(agencyId)) error(404, 'filing.error.agencyGone');
	const [agency] = await agencyChannels(locals.supabase, found.draft.organisationId, [agencyId]);
	if (!agency) error(404, 'filing.error.agencyGone');
	const letter = letterForAgency(found.draft, agency);
	if (!letter.ok) error(400, letter.errors.map((e) => e.message).join('; '));
	return { agencyName: agency.name, subject: letter.subject, text: letter.text, draftId: found.draft.id, agencyId };
};
