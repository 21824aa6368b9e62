/**
 * Loads the public statistics for a set of filters, with a short-lived cache
 * so that a burst of visitors costs one database query per view, and the
 * ETag and Cache-Control a CDN needs to serve them.
 */
import { createHash } from 'node:crypto';
import { env } from '$env/dynamic/private';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { StatsDocument } from '$lib/stats/document';
import { error } from '@sveltejs/kit';
import { filtersQuery, parseFilters, rpcArguments, type StatsFilters } from '$lib/stats/filters';

/** How long one view is served from memory (DISCLOSE_STATS_CACHE_SECONDS, default 30; 0 turns the cache off). */
export const statsCacheMs = () => 1000 * Number(env.DISCLOSE_STATS_CACHE_SECONDS ?? 30);
const MAX_ENTRIES = 500;

interface Entry {
	at: number;
	doc: Promise<{ doc: StatsDocument; etag: string }>;
}
const cache = new Map<string, Entry>();

/** Public pages may be cached a minute by browsers, five by a CDN, and served stale while it refreshes. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';

export class StatsUnavailable extends Error {}

async function fetchStats(supabase: SupabaseClient<Database>, filters: StatsFilters) {
	const { data, error } = await supabase.rpc('public_disclosure_stats', rpcArguments(filters));
	if (error || !data) throw new StatsUnavailable(error?.message ?? 'No statistics returned');
	const doc = data as unknown as StatsDocument;
	const etag = `"${createHash('sha256').update(JSON.stringify(doc)).digest('base64url').slice(0, 27)}"`;
	return { doc, etag };
}

export function publicStats(supabase: SupabaseClient<Database>, filters: StatsFilters, now = Date.now()) {
	const key = filtersQuery(filters);
	const hit = cache.get(key);
	if (hit && now - hit.at < statsCacheMs()) return hit.doc;
	const doc = fetchStats(supabase, filters);
	if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
	cache.set(key, { at: now, doc });
	// A failure is not cached.
	doc.catch(() => cache.delete(key));
	return doc;
}

/** Whether the client already holds this version (If-None-Match). */
export function notModified(request: Request, etag: string): boolean {
	const header = request.headers.get('if-none-match');
	return !!header && header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * A download of the view the URL names (/stats.json, /stats.csv): the same cached document, its ETag
 * (304 when the client has it), cache headers a CDN honours, open to other origins.
 */
export async function statsDownload(
	supabase: SupabaseClient<Database>,
	url: URL,
	request: Request,
	contentType: string,
	render: (doc: StatsDocument) => string | Uint8Array<ArrayBuffer> | Promise<string | Uint8Array<ArrayBuffer>>,
	/** A variant of the same document (e.g. its language) tagged into the ETag, and headers of its own. */
	variant: { tag?: string; headers?: Record<string, string> } = {}
): Promise<Response> {
	try {
		const { doc, etag: docTag } = await publicStats(supabase, parseFilters(url.searchParams).filters);
		const etag = variant.tag ? `"${variant.tag}-${docTag.slice(1)}` : docTag;
		const headers = { etag, 'cache-control': PUBLIC_CACHE_CONTROL, 'access-control-allow-origin': '*', ...variant.headers };
		if (notModified(request, etag)) return new Response(null, { status: 304, headers });
		return new Response(await render(doc), { headers: { ...headers, 'content-type': contentType } });
	} catch (e) {
		if (e instanceof StatsUnavailable) error(503, 'The statistics are unavailable just now; try again in a minute.');
		throw e;
	}
}
