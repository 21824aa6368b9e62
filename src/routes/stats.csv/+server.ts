import { error } from '@sveltejs/kit';
import { parseFilters } from '$lib/stats/filters';
import { statsCsv } from '$lib/stats/csv';
import { notModified, publicStats, PUBLIC_CACHE_CONTROL, StatsUnavailable } from '$lib/server/stats/public-stats';
import type { RequestHandler } from './$types';

/** /stats.csv: the same cells as /stats.json, one row each (columns: /stats/methodology). CC BY 4.0. */
export const GET: RequestHandler = async ({ locals, url, request }) => {
	const { filters } = parseFilters(url.searchParams);
	try {
		const { doc, etag } = await publicStats(locals.supabase, filters);
		const headers = { etag, 'cache-control': PUBLIC_CACHE_CONTROL, 'access-control-allow-origin': '*' };
		if (notModified(request, etag)) return new Response(null, { status: 304, headers });
		return new Response(statsCsv(doc), {
			headers: { ...headers, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'inline; filename="disclose-stats.csv"' }
		});
	} catch (e) {
		if (e instanceof StatsUnavailable) error(503, 'The statistics are unavailable just now; try again in a minute.');
		throw e;
	}
};
