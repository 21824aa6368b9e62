import { fail, redirect } from '@sveltejs/kit';
import { toColoradoLocalTime } from '$lib/cora';
import { shownRows } from '$lib/caseload/caseload-rows';
import { dueSoonHorizon } from '$lib/caseload/classify-request';
import { listHref, PAGE_SIZE, readListParams } from '$lib/caseload/list-params';
import { CASELOAD_FILTERS, type CaseloadFilter } from '$lib/caseload/sections';
import { setPublishState } from '$lib/data/publishing';
import { agencyNames, listCaseload } from '$lib/data/requests';
import { bulkDoneHref, readBulkChoice } from '$lib/publishing/bulk-publish';
import type { Actions, PageServerLoad } from './$types';

/**
 * The caseload: one page of the user's requests for the chosen section and
 * search, counts per section, classified here against today's Colorado date.
 * `renderedAt` lets the page say how old a copy kept for offline use is.
 */
export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const { organisations } = await parent();
	const params = readListParams(url, organisations.map((o) => o.id));
	const renderedAt = new Date().toISOString();
	const today = toColoradoLocalTime(renderedAt).date;
	const horizon = dueSoonHorizon(today);
	const organisationIds = params.organisationId ? [params.organisationId] : organisations.map((o) => o.id);
	const base = {
		params,
		renderedAt,
		pageSize: PAGE_SIZE,
		organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
		/** Where the user may publish (owner or editor): those rows get a checkbox. */
		publishableOrganisationIds: organisations.filter((o) => o.role === 'owner' || o.role === 'editor').map((o) => o.id)
	};
	try {
		const [page, names] = await Promise.all([
			listCaseload(locals.supabase, { filter: params.filter, search: params.search, organisationIds, page: params.page, pageSize: PAGE_SIZE, today, horizon }),
			agencyNames(locals.supabase)
		]);
		return { ...base, rows: shownRows(page.rows, today, horizon, locals.locale), total: page.total, counts: page.counts, agencyNames: names, loadError: null };
	} catch (e) {
		const counts = Object.fromEntries(CASELOAD_FILTERS.map((f) => [f, 0])) as Record<CaseloadFilter, number>;
		return { ...base, rows: [], total: 0, counts, agencyNames: {} as Record<string, string>, loadError: (e as Error).message };
	}
};

export const actions: Actions = {
	/**
	 * Publishes the ticked requests now, or makes them private (the button pressed), all or nothing:
	 * when any is not the user's to change, nothing changes and the page says how many were refused.
	 */
	publish: async ({ locals, request, url }) => {
		const choice = readBulkChoice(await request.formData());
		if (!choice.ok) return fail(400, { bulk: { error: choice.error, ids: choice.ids } });
		const outcome = await setPublishState(locals.supabase, choice.ids, { state: choice.state, embargoedUntil: null });
		if (!outcome.ok) {
			const error = outcome.reason === 'refused' ? ('publishing.bulk.refused' as const) : ('publishing.bulk.failed' as const);
			const { refused, requested, message } = outcome;
			return fail(outcome.reason === 'refused' ? 403 : 400, { bulk: { error, ids: choice.ids, refused, requested, message } });
		}
		// Back to the same section, search and organisation (the next load checks the organisation is the user's).
		const list = listHref(readListParams(url, url.searchParams.getAll('org')));
		redirect(303, bulkDoneHref(list, { state: choice.state, changed: outcome.changed, chosen: choice.ids.length }));
	}
};
