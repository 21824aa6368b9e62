import { describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';

vi.mock('$env/dynamic/private', () => ({ env: {} }));
const { createPageCache } = await import('./page-cache');

interface Visit {
	path?: string;
	method?: string;
	locale?: string;
	cookies?: string[];
	headers?: Record<string, string>;
}

function event({ path = '/stats', method = 'GET', locale = 'en', cookies = [], headers = {} }: Visit): RequestEvent {
	const url = new URL(path, 'http://127.0.0.1:5173');
	return {
		url,
		request: new Request(url, { method, headers }),
		cookies: { getAll: () => cookies.map((name) => ({ name, value: 'x' })) },
		locals: { locale }
	} as unknown as RequestEvent;
}

function setup(options: { freshMs?: number; status?: number; setCookie?: boolean } = {}) {
	let clock = 1_000;
	let renders = 0;
	const handle = createPageCache({ freshMs: () => options.freshMs ?? 30_000, maxEntries: 2, now: () => clock });
	const resolve = vi.fn(async (e: RequestEvent) => {
		renders += 1;
		const headers: Record<string, string> = { 'content-type': 'text/html', etag: `"v${renders}"` };
		if (options.setCookie) headers['set-cookie'] = 'a=b';
		return new Response(`<p>${e.locals.locale} render ${renders}</p>`, { status: options.status ?? 200, headers });
	});
	const visit = async (v: Visit = {}) => {
		const response = await handle({ event: event(v), resolve });
		return { status: response.status, body: await response.text(), etag: response.headers.get('etag') };
	};
	return { visit, renders: () => renders, tick: (ms: number) => (clock += ms) };
}

describe('the rendered /stats kept for anonymous visitors', () => {
	it('renders a view once per window and language, then serves the kept page', async () => {
		const cache = setup();
		expect((await cache.visit()).body).toBe('<p>en render 1</p>');
		expect((await cache.visit()).body).toBe('<p>en render 1</p>');
		expect((await cache.visit({ locale: 'es' })).body).toBe('<p>es render 2</p>');
		expect((await cache.visit({ path: '/stats?legal=administrative_subpoena' })).body).toBe('<p>en render 3</p>');
		expect(cache.renders()).toBe(3);
		cache.tick(30_000);
		expect((await cache.visit()).body).toBe('<p>en render 4</p>');
	});

	it('answers 304 to a visitor who already has the kept version', async () => {
		const cache = setup();
		const first = await cache.visit();
		const again = await cache.visit({ headers: { 'if-none-match': first.etag! } });
		expect(again).toMatchObject({ status: 304, body: '', etag: first.etag });
		expect(cache.renders()).toBe(1);
	});

	it('renders every time for a signed-in visitor, an odd URL, another page or a POST', async () => {
		const cache = setup();
		await cache.visit({ cookies: ['sb-127-auth-token'] });
		await cache.visit({ cookies: ['sb-127-auth-token.0'] });
		await cache.visit({ path: '/stats?utm_source=x' });
		await cache.visit({ path: '/stats?from=nonsense' });
		await cache.visit({ path: '/stats?legal=administrative_subpoena&agency=' });
		await cache.visit({ path: '/stats/methodology' });
		await cache.visit({ method: 'POST' });
		expect(cache.renders()).toBe(7);
		await cache.visit({ cookies: ['disclose_lang'] });
		await cache.visit();
		expect(cache.renders()).toBe(8);
	});

	it('keeps no error page, no page that sets a cookie, and nothing when the window is 0', async () => {
		for (const options of [{ status: 503 }, { setCookie: true }, { freshMs: 0 }]) {
			const cache = setup(options);
			await cache.visit();
			await cache.visit();
			expect(cache.renders(), JSON.stringify(options)).toBe(2);
		}
	});

	it('keeps at most maxEntries views, dropping the oldest', async () => {
		const cache = setup();
		await cache.visit({ path: '/stats?legal=none_cited' });
		await cache.visit({ path: '/stats?legal=unknown' });
		await cache.visit({ path: '/stats?legal=court_order' });
		expect(cache.renders()).toBe(3);
		await cache.visit({ path: '/stats?legal=court_order' });
		await cache.visit({ path: '/stats?legal=unknown' });
		expect(cache.renders()).toBe(3);
		await cache.visit({ path: '/stats?legal=none_cited' });
		expect(cache.renders()).toBe(4);
	});
});
