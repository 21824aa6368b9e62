import { error } from '@sveltejs/kit';
import { filtersQuery, parseFilters } from '$lib/stats/filters';
import { publicStats, PUBLIC_CACHE_CONTROL, StatsUnavailable } from '$lib/server/stats/public-stats';
import type { PageServerLoad } from './$types';

/** The public dashboard: the view the URL names, and the unfiltered one for the filter choices. */
export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	const { filters, invalid } = parseFilters(url.searchParams);
	try {
		const [view, all] = await Promise.all([
			publicStats(locals.supabase, filters),
			publicStats(locals.supabase, { agency: null, from: null, to: null, category: null, legal: null })
		]);
		setHeaders({ 'cache-control': PUBLIC_CACHE_CONTROL, etag: view.etag });
		return {
			doc: view.doc,
			filters,
			invalid,
			query: filtersQuery(filters),
			agencies: all.doc.by_agency.map((a) => ({ id: a.agency_id, name: a.name })),
			quarters: all.doc.by_quarter.map((q) => q.key).filter((k) => k !== 'unknown'),
			origin: url.origin
		};
	} catch (e) {
		if (e instanceof StatsUnavailable) error(503, 'The statistics are unavailable just now; try again in a minute.');
		throw e;
	}
};
