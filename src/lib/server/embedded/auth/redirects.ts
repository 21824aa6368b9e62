/**
 * Where auth may send people: the site URL, or a URL on the allow-list (the
 * `site_url` / `additional_redirect_urls` of Supabase's config.toml). Anything
 * else falls back to the site URL, as GoTrue does with `redirect_to`.
 *
 * An allow-list entry matches a URL on the same origin whose path starts with the
 * entry's path; an entry ending in `*` or `**` matches any path below it (GoTrue
 * supports full globs; this subset covers preview and localhost origins).
 */

export interface RedirectPolicy {
	/** The app's public origin; null means "the origin the request came to" (development only). */
	siteUrl: string | null;
	additionalRedirectUrls: string[];
}

function parse(value: string, base?: string): URL | null {
	try {
		const url = new URL(value, base);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
	} catch {
		return null;
	}
}

function matchesEntry(target: URL, entry: string): boolean {
	const pattern = parse(entry.replace(/\*+$/, ''));
	if (!pattern || pattern.origin !== target.origin) return false;
	const prefix = pattern.pathname;
	if (prefix === '/' || target.pathname === prefix) return true;
	return target.pathname.startsWith(prefix.endsWith('/') ? prefix : prefix + '/');
}

/** The site URL for a request: the configured one, else the request's own origin. */
export function siteOrigin(policy: RedirectPolicy, requestUrl: string): string {
	return (policy.siteUrl ? parse(policy.siteUrl) : null)?.origin ?? new URL(requestUrl).origin;
}

/**
 * The allowed form of a requested redirect: the URL itself when it is on the site's
 * origin or the allow-list, otherwise the site URL (never the foreign URL).
 */
export function allowedRedirect(policy: RedirectPolicy, requestUrl: string, requested: string | null | undefined): URL {
	const site = siteOrigin(policy, requestUrl);
	const fallback = new URL(policy.siteUrl && parse(policy.siteUrl) ? policy.siteUrl : site + '/');
	if (!requested) return fallback;
	const target = parse(requested, site);
	if (!target) return fallback;
	if (target.origin === site) return target;
	return policy.additionalRedirectUrls.some((entry) => matchesEntry(target, entry)) ? target : fallback;
}

/** Comma- or whitespace-separated list, as in DISCLOSE_ADDITIONAL_REDIRECT_URLS. */
export function parseRedirectList(value: string | undefined): string[] {
	const entries = (value ?? '').split(/[\s,]+/).filter(Boolean);
	for (const entry of entries) {
		if (!parse(entry.replace(/\*+$/, ''))) throw new Error(`DISCLOSE_ADDITIONAL_REDIRECT_URLS: "${entry}" is not an http(s) URL`);
	}
	return entries;
}
