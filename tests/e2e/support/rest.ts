import { expect, type Page } from '@playwright/test';

/**
 * The app's REST API as the signed-in user, for seeding and checking rows in
 * e2e tests: the session from the page's own auth cookie and the publishable
 * key the app hands its browser client (from the /app layout data).
 */
export async function rest<T>(page: Page, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
	const html = await (await page.request.get('/app')).text();
	const key = /key:"([^"]+)"/.exec(html)?.[1];
	expect(key, 'publishable key in the app layout data').toBeTruthy();
	const answer = await page.evaluate(
		async ({ path, init, key }) => {
			const cookies = document.cookie.split('; ').map((c) => [c.slice(0, c.indexOf('=')), decodeURIComponent(c.slice(c.indexOf('=') + 1))] as const);
			let raw = cookies
				.filter(([name]) => /^sb-.*-auth-token(\.\d+)?$/.test(name))
				.sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
				.map(([, value]) => value)
				.join('');
			if (raw.startsWith('base64-')) raw = atob(raw.slice(7).replace(/-/g, '+').replace(/_/g, '/'));
			const session = JSON.parse(raw) as { access_token: string };
			const response = await fetch(path, {
				method: init.method ?? 'GET',
				headers: { apikey: key!, Authorization: `Bearer ${session.access_token}`, 'Content-Type': 'application/json', Prefer: 'return=representation' },
				body: init.body === undefined ? undefined : JSON.stringify(init.body)
			});
			return { status: response.status, body: await response.json() };
		},
		{ path, init, key }
	);
	expect(answer.status, `${init.method ?? 'GET'} ${path}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
	return answer.body as T;
}
