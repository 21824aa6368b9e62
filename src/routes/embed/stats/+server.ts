/**
 * /embed/stats: the widget partners put in an iframe — the coalition's headline, or one
 * agency's figures with ?agency=<id> (the /stats filters all work), in English or with
 * ?lang=es in Spanish. No cookie (read or set), no script, suppression as on /stats.
 */
import { anonymousClient } from '$lib/server/anonymous-client';
import { statsDownload } from '$lib/server/stats/public-stats';
import { filtersQuery, parseFilters } from '$lib/stats/filters';
import { renderEmbed } from '$lib/stats/embed';
import { statsWords } from '$lib/stats/strings';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, request, getClientAddress }) => {
	const locale = url.searchParams.get('lang') === 'es' ? 'es' : 'en';
	const statsUrl = `${url.origin}/stats${filtersQuery(parseFilters(url.searchParams).filters)}`;
	return statsDownload(
		await anonymousClient(url.origin, getClientAddress()),
		url,
		request,
		'text/html; charset=utf-8',
		(doc) => renderEmbed({ doc, words: statsWords(locale), locale, statsUrl }),
		{
			tag: locale,
			headers: {
				// The document may load nothing; no frame-ancestors, so any site (even a local file) may frame it.
				'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
				'referrer-policy': 'no-referrer'
			}
		}
	);
};
