import { createServerClient } from '@supabase/ssr';
import ws from 'ws';
import { redirect, type Handle, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { backendFor, isEmbedded } from '$lib/server/backend';
import { embeddedRuntime } from '$lib/server/embedded/default';
import { devMailboxEnabled } from '$lib/server/dev-mailbox';
import { LOCALE_COOKIE, pickLocale } from '$lib/i18n/locales';
import type { Database } from '$lib/database.types';
import { statsCacheMs } from '$lib/server/stats/public-stats';
import { createPageCache } from '$lib/server/stats/page-cache';

/** Start the embedded stack with the server (dev, preview and `node build`), not on the first request. */
export const init: ServerInit = async () => {
	if (isEmbedded()) await embeddedRuntime();
};

/** The visitor's address as adapter-node determines it (the socket, or ADDRESS_HEADER/XFF_DEPTH when set); none while prerendering. */
function clientAddress(event: RequestEvent): string | undefined {
	try {
		return event.getClientAddress();
	} catch {
		return undefined;
	}
}

/** Embedded default: /auth/v1, /rest/v1 and /storage/v1 are served on the app's own origin. */
const embeddedApi: Handle = async ({ event, resolve }) => {
	if (!isEmbedded() || !/^\/(auth|rest|storage)\/v1(\/|$)/.test(event.url.pathname)) return resolve(event);
	const runtime = await embeddedRuntime();
	runtime.noteOrigin(event.url.origin);
	return (await runtime.stack.handle(event.request, { clientIp: clientAddress(event) })) ?? resolve(event);
};

/** /dev/* (the dev mailbox, its __data.json) does not exist unless the dev mailbox is on (src/lib/server/dev-mailbox.ts). */
const devAids: Handle = async ({ event, resolve }) => {
	if (/^\/dev(\/|$)/.test(event.url.pathname) && !(isEmbedded() && devMailboxEnabled())) {
		return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
	return resolve(event);
};

const i18n: Handle = async ({ event, resolve }) => {
	event.locals.locale = pickLocale(event.cookies.get(LOCALE_COOKIE), event.request.headers.get('accept-language'));
	// The public statistics pages ship no JavaScript at all (csr = false): not even app.html's inline helpers.
	const noScript = /^\/stats(\/|$)/.test(event.url.pathname);
	return resolve(event, {
		transformPageChunk: ({ html }) => {
			const page = html.replace('%lang%', event.locals.locale);
			return noScript ? page.replace(/<!--app-scripts:[\s\S]*?<!--\/app-scripts-->\s*/, '') : page;
		}
	});
};

/** The rendered /stats for anonymous visitors, kept as long as its data (page-cache.ts); needs locals.locale. */
const statsPage: Handle = createPageCache({ freshMs: statsCacheMs, maxEntries: 200 });

/** A per-request Supabase client with cookie-based sessions (Supabase's SvelteKit SSR guide). */
const supabase: Handle = async ({ event, resolve }) => {
	const backend = await backendFor(event.url.origin, clientAddress(event));
	event.locals.embedded = backend.embedded;
	event.locals.devMailbox = backend.embedded && devMailboxEnabled();
	event.locals.backend = { url: backend.url, publishableKey: backend.publishableKey };
	event.locals.supabase = createServerClient<Database>(backend.url, backend.publishableKey, {
		cookies: {
			getAll: () => event.cookies.getAll(),
			setAll: (cookiesToSet) => {
				for (const { name, value, options } of cookiesToSet) {
					event.cookies.set(name, value, { ...options, path: '/' });
				}
			}
		},
		global: { fetch: backend.fetch },
		// Node 20 has no native WebSocket; supabase-js's realtime client needs one on the server.
		realtime: { transport: ws as unknown as typeof WebSocket }
	});

	event.locals.safeGetSession = async () => {
		const {
			data: { session }
		} = await event.locals.supabase.auth.getSession();
		if (!session) return { session: null, user: null };
		const {
			data: { user },
			error
		} = await event.locals.supabase.auth.getUser();
		if (error) return { session: null, user: null };
		return { session, user };
	};

	return resolve(event, {
		filterSerializedResponseHeaders: (name) => name === 'content-range' || name === 'x-supabase-api-version'
	});
};

/** Pages under /app need a signed-in user; the sign-in page is pointless for one. */
const authGuard: Handle = async ({ event, resolve }) => {
	// The embeddable widget never reads or refreshes a session, so it never sets a cookie.
	if (event.url.pathname.startsWith('/embed/')) return resolve(event);
	const { session, user } = await event.locals.safeGetSession();
	event.locals.session = session;
	event.locals.user = user;
	if (!user && event.url.pathname.startsWith('/app')) {
		redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	}
	if (user && event.url.pathname === '/login') redirect(303, '/app');
	return resolve(event);
};

export const handle: Handle = sequence(devAids, embeddedApi, i18n, statsPage, supabase, authGuard);
