/**
 * Which requests the service worker may keep, and in which cache. Pure rules,
 * shared by `src/sw.ts` and the app, tested in cache-rules.spec.ts.
 *
 * Kept: pages the user opened (and SvelteKit's `__data.json` for them), and
 * the agency directory. Never kept: writes (they go through the outbox),
 * /auth/v1, /storage/v1 and every other /rest/v1 answer (per-user data).
 */

/** Pages (HTML and `__data.json`) the user opened, for offline use from the home screen. */
export const PAGES_CACHE = 'pages';
/** Reads of the agency directory (`/rest/v1/agencies`). */
export const AGENCY_DIRECTORY_CACHE = 'agency-directory';
/** Caches holding what one signed-in person saw: emptied when who is signed in changes. */
export const USER_CACHES: readonly string[] = [PAGES_CACHE, AGENCY_DIRECTORY_CACHE];

/** The precached page shown for a page never opened before, when there is no network. */
export const OFFLINE_PAGE = '/offline.html';

/**
 * Paths (and everything below them) whose answers must never be stored as pages: one-time sign-in links,
 * sign-out, language switch, dev tools, and the embedded Supabase API even when opened as a page.
 */
const NEVER_STORED = ['/auth', '/logout', '/lang', '/dev', '/_app', '/rest', '/storage', '/calendar', '/invitations'];
/** Downloads that must never be kept on the device (an organisation's whole export). */
const NEVER_STORED_PATTERNS = [/^\/app\/orgs\/[^/]+\/export(\/|$)/];
const DATA_SUFFIX = '/__data.json';

function mayStorePath(pathname: string): boolean {
	return (
		!NEVER_STORED.some((base) => pathname === base || pathname.startsWith(`${base}/`)) &&
		!NEVER_STORED_PATTERNS.some((pattern) => pattern.test(pathname))
	);
}

export interface RequestFacts {
	url: URL;
	method: string;
	/** `request.mode`: 'navigate' for page loads. */
	mode: string;
}

/** A GET page load on our own origin that may be kept for offline use. */
export function isStorablePageLoad({ url, method, mode }: RequestFacts, origin: string): boolean {
	return mode === 'navigate' && method === 'GET' && url.origin === origin && mayStorePath(url.pathname);
}

/** SvelteKit's data request for a client-side navigation to a page that may be kept. */
export function isStorablePageData({ url, method }: RequestFacts, origin: string): boolean {
	if (method !== 'GET' || url.origin !== origin || !url.pathname.endsWith(DATA_SUFFIX)) return false;
	return mayStorePath(url.pathname.slice(0, -DATA_SUFFIX.length) || '/');
}

/** A read of the agency directory, on our origin (embedded stack) or the Supabase project's. */
export function isAgencyDirectoryRead({ url, method }: RequestFacts): boolean {
	return method === 'GET' && url.pathname === '/rest/v1/agencies';
}

/** Signing in or out: the pages and directory kept so far belong to someone else from now on. */
export function changesWhoIsSignedIn({ url, method }: RequestFacts, origin: string): boolean {
	if (url.origin !== origin) return false;
	if (method === 'POST') return url.pathname === '/logout' || url.pathname === '/login';
	return method === 'GET' && url.pathname === '/auth/confirm';
}
