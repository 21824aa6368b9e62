/// <reference lib="webworker" />
/**
 * Disclose's service worker, built by @vite-pwa/sveltekit (injectManifest).
 *
 * - The app shell (every built JS/CSS file, icons, the offline page) is
 *   precached; old precaches are removed on activation.
 * - Pages: network first with a short timeout, then the copy from the user's
 *   last visit, then the offline page for pages never opened. The composer is
 *   one shell for every draft: `/app/compose?draft=…` never opened before falls
 *   back to the kept `/app/compose`, which loads the draft from the device.
 * - The agency directory: stale-while-revalidate.
 * - Nothing else is cached: writes, /auth/v1, /storage/v1 and other /rest/v1
 *   answers go straight to the network (writes made offline wait in the outbox).
 * - A new version waits until the app posts SKIP_WAITING (the user chose "Update now").
 */
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { NetworkFirst, NetworkOnly, StaleWhileRevalidate } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core/types';
import {
	AGENCY_DIRECTORY_CACHE,
	OFFLINE_PAGE,
	PAGES_CACHE,
	USER_CACHES,
	changesWhoIsSignedIn,
	isAgencyDirectoryRead,
	isStorablePageData,
	isStorablePageLoad,
	type RequestFacts
} from './lib/pwa/cache-rules';
import { CLEAR_USER_CACHES, SKIP_WAITING, isServiceWorkerMessage } from './lib/pwa/service-worker-messages';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

const DAY = 24 * 60 * 60;
/** How long a page load waits for the network before showing the kept copy (phones with poor signal). */
const PAGE_NETWORK_TIMEOUT_SECONDS = 4;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first install takes charge of open pages at once, so what they open next is kept for offline use.
clientsClaim();

const facts = ({ request, url }: { request: Request; url: URL }): RequestFacts => ({ url, method: request.method, mode: request.mode });
const onlyCompleteAnswers = new CacheableResponsePlugin({ statuses: [200] });

/** Pages (and their `__data.json`) that read what they show from the URL on the device: any kept copy will do offline. */
const SHELL_PATHS = new Set(['/app/compose', '/app/compose/__data.json']);
const composerShell: WorkboxPlugin = {
	async cachedResponseWillBeUsed({ cacheName, request, cachedResponse }) {
		if (cachedResponse) return cachedResponse;
		const url = new URL(request.url);
		if (!SHELL_PATHS.has(url.pathname)) return null;
		const cache = await caches.open(cacheName);
		return (await cache.match(url.origin + url.pathname)) ?? (await cache.match(request, { ignoreSearch: true })) ?? null;
	}
};

const pages = new NetworkFirst({
	cacheName: PAGES_CACHE,
	networkTimeoutSeconds: PAGE_NETWORK_TIMEOUT_SECONDS,
	plugins: [onlyCompleteAnswers, new ExpirationPlugin({ maxEntries: 80, maxAgeSeconds: 30 * DAY }), composerShell]
});
registerRoute((options) => isStorablePageLoad(facts(options), self.location.origin), pages);
registerRoute((options) => isStorablePageData(facts(options), self.location.origin), pages);
// Other page loads (sign-in links, dev mailbox) are never stored, but still get the offline page.
registerRoute(({ request }) => request.mode === 'navigate', new NetworkOnly());

registerRoute(
	(options) => isAgencyDirectoryRead(facts(options)),
	new StaleWhileRevalidate({
		cacheName: AGENCY_DIRECTORY_CACHE,
		// supabase-js sends varying headers (Authorization); the directory answer is the same for one user.
		matchOptions: { ignoreVary: true },
		plugins: [onlyCompleteAnswers, new ExpirationPlugin({ maxEntries: 20, maxAgeSeconds: 14 * DAY })]
	})
);

// No network and nothing kept. (A failed `__data.json` makes SvelteKit fall back to a full page load, which lands here too.)
setCatchHandler(async ({ request }) => {
	if (request.mode === 'navigate') return (await matchPrecache(OFFLINE_PAGE)) ?? Response.error();
	return Response.error();
});

async function clearUserCaches(): Promise<void> {
	await Promise.all(USER_CACHES.map((name) => caches.delete(name)));
}

self.addEventListener('message', (event) => {
	const message: unknown = event.data;
	if (!isServiceWorkerMessage(message)) return;
	if (message.type === SKIP_WAITING) void self.skipWaiting();
	if (message.type === CLEAR_USER_CACHES) {
		event.waitUntil(clearUserCaches().then(() => event.ports[0]?.postMessage({ type: CLEAR_USER_CACHES, done: true })));
	}
});

// Signing in or out: what was kept belongs to someone else from now on. (Listens only; the request goes on untouched.)
self.addEventListener('fetch', (event) => {
	const request = event.request;
	if (changesWhoIsSignedIn({ url: new URL(request.url), method: request.method, mode: request.mode }, self.location.origin)) {
		event.waitUntil(clearUserCaches());
	}
});
