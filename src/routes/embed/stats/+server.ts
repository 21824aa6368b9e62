/**
 * /embed/stats: the widget partners put in an iframe — the coalition's headline, or one
 * agency's figures with ?agency=<id> (the /stats filters all work), in English or with
 * ?lang=es in Spanish. No cookie (read or set), no script, suppression as on /stats.
 */
import { error } from '@sveltejs/kit';
import { anonymousClient } from '$lib/server/anonymous-client';
import { notModified, publicStats, PUBLIC_CACHE_CONTROL, StatsUnavailable } from '$lib/server/stats/public-stats';
import { filtersQuery, parseFilters } from '$lib/stats/filters';
import { renderEmbed } from '$lib/stats/embed';
import { statsWords } from '$lib/stats/strings';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, request, getClientAddress }) => {
	const { filters } = parseFilters(url.searchParams);
	const locale = url.searchParams.get('lang') === 'es' ? 'es' : 'en';
	try {
		const { doc, etag } = await publicStats(await anonymousClient(url.origin, getClientAddress()), filters);
		const tag = `"${locale}-${etag.slice(1)}`;
		const headers: Record<string, string> = {
			etag: tag,
			'cache-control': PUBLIC_CACHE_CONTROL,
			// The document may load nothing; no frame-ancestors, so any site (even a local file) may frame it.
			'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
			'referrer-policy': 'no-referrer'
		};
		if (notModified(request, tag)) return new Response(null, { status: 304, headers });
		const statsUrl = `${url.origin}/stats${filtersQuery(filters)}`;
		const html = renderEmbed({ doc, words: statsWords(locale), locale, statsUrl });
		return new Response(html, { headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
	} catch (e) {
		if (e instanceof StatsUnavailable) error(503, 'The statistics are unavailable just now; try again in a minute.');
		throw e;
	}
};
