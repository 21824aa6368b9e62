import { isLocale } from '$lib/i18n/locales';
import { cardSvg } from '$lib/server/og/card-svg';
import { statsDownload } from '$lib/server/stats/public-stats';
import { parseFilters } from '$lib/stats/filters';
import type { RequestHandler } from './$types';

/**
 * /stats/card.png: the Open Graph / Twitter card of the view the filters name (the same query
 * parameters, the same cached suppressed document as /stats and /stats.json, its ETag and cache
 * headers). Language: ?lang= (what /stats puts in og:image), else the visitor's.
 */
export const GET: RequestHandler = async ({ locals, url, request }) => {
	const lang = url.searchParams.get('lang');
	const locale = isLocale(lang) ? lang : locals.locale;
	const { filters } = parseFilters(url.searchParams);
	const { renderPng } = await import('$lib/server/og/render-png');
	return statsDownload(locals.supabase, url, request, 'image/png', (doc) => renderPng(cardSvg(doc, filters, locale)), {
		tag: `card-${locale}`,
		headers: isLocale(lang) ? {} : { vary: 'cookie, accept-language' }
	});
};
