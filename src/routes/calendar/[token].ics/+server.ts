/**
 * The private calendar feed: /calendar/<token>.ics. No session: the token is
 * the credential, checked by public.calendar_feed() with the anon key. Unknown
 * and revoked tokens get a plain 404, so the answer never tells which it was.
 */
import { feedCalendar } from '$lib/calendar/feed-calendar';
import { readCalendarFeed } from '$lib/data/feeds';
import { translator } from '$lib/i18n/translate';
import type { RequestHandler } from './$types';

/** Calendar apps poll; five minutes of private caching spares the database without hiding a change for long. */
const CACHE_SECONDS = 300;

export const GET: RequestHandler = async ({ params, locals, url, setHeaders }) => {
	const feed = await readCalendarFeed(locals.supabase, params.token);
	// The URL carries a secret: it must never leak onward through a Referer header, nor be indexed.
	setHeaders({ 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex' });
	if (!feed) {
		return new Response(translator(locals.locale)('feeds.ics.notFound'), {
			status: 404,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
		});
	}
	const body = feedCalendar(feed, { locale: locals.locale, origin: url.origin, stamp: new Date() });
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="disclose.ics"',
			'cache-control': `private, max-age=${CACHE_SECONDS}`
		}
	});
};
