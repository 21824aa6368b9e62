import { toColoradoLocalTime } from '$lib/cora';
import { shownRows } from '$lib/caseload/caseload-rows';
import { dueSoonHorizon } from '$lib/caseload/classify-request';
import { PAGE_SIZE, readListParams } from '$lib/caseload/list-params';
import { CASELOAD_FILTERS, type CaseloadFilter } from '$lib/caseload/sections';
import { agencyNames, listCaseload } from '$lib/data/requests';
import type { PageServerLoad } from './$types';

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
	const base = { params, renderedAt, pageSize: PAGE_SIZE, organisations: organisations.map((o) => ({ id: o.id, name: o.name })) };
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
