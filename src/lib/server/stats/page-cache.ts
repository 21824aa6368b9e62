/**
 * The rendered public dashboard (/stats), kept in memory for anonymous visitors, so a burst of them costs one render
 * per view and language, not one each (issue 10: cached /stats ≥ 1 000 req/s). The data under it is kept by
 * public-stats.ts for the same window, so a page may be up to twice the window old (60 s by default), which is what
 * its own `Cache-Control: max-age=60` already allows any browser.
 *
 * Kept only what is the same for every anonymous visitor: a GET of /stats with its canonical query (the permalink
 * filtersQuery writes; anything else is rendered as usual, so odd URLs cannot crowd the views out), no Supabase
 * session cookie (a signed-in visitor's header differs), a 200 that sets no cookie. Keyed by origin, query and the
 * language the page is in.
 */
import type { Handle } from '@sveltejs/kit';
import { filtersQuery, parseFilters } from '$lib/stats/filters';
import { notModified } from './public-stats';

export interface PageCacheOptions {
	/** How long a rendered page is served from memory, in ms (0: not kept). */
	freshMs: () => number;
	maxEntries: number;
	now?: () => number;
}

interface Entry {
	at: number;
	headers: [string, string][];
	etag: string | null;
	body: Uint8Array<ArrayBuffer>;
}

/** Supabase SSR keeps a session in `sb-<project>-auth-token` cookies (chunked as `.0`, `.1`, … when long). */
const hasSession = (cookies: { name: string }[]) => cookies.some(({ name }) => name.startsWith('sb-'));

/** The cache key of a page every anonymous visitor gets alike, or null when this request is not one. */
function keyOf(event: Parameters<Handle>[0]['event']): string | null {
	const { url, request } = event;
	if (request.method !== 'GET' && request.method !== 'HEAD') return null;
	if (url.pathname !== '/stats' || hasSession(event.cookies.getAll())) return null;
	const { filters, invalid } = parseFilters(url.searchParams);
	if (invalid.length > 0 || url.search !== filtersQuery(filters)) return null;
	return `${url.origin}${url.search}|${event.locals.locale}`;
}

function answer(entry: Entry, request: Request): Response {
	const headers = new Headers(entry.headers);
	if (entry.etag && notModified(request, entry.etag)) {
		headers.delete('content-type');
		headers.delete('content-length');
		return new Response(null, { status: 304, headers });
	}
	return new Response(request.method === 'HEAD' ? null : entry.body, { status: 200, headers });
}

/** A hook to place after the one that sets `locals.locale`. */
export function createPageCache(options: PageCacheOptions): Handle {
	const now = options.now ?? Date.now;
	const entries = new Map<string, Entry>();
	return async ({ event, resolve }) => {
		const freshMs = options.freshMs();
		const key = freshMs > 0 ? keyOf(event) : null;
		if (key === null) return resolve(event);
		const kept = entries.get(key);
		if (kept && now() - kept.at < freshMs) return answer(kept, event.request);
		const response = await resolve(event);
		if (event.request.method !== 'GET' || response.status !== 200 || response.headers.has('set-cookie')) return response;
		const body = new Uint8Array(await response.arrayBuffer());
		const entry: Entry = { at: now(), headers: [...response.headers], etag: response.headers.get('etag'), body };
		entries.delete(key);
		if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!);
		entries.set(key, entry);
		return answer(entry, event.request);
	};
}
