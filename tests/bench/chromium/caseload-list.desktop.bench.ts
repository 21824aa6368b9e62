/**
 * The request list (`/app/requests?org=…`, paged at 50) for an organisation
 * with 2 000 requests, in desktop Chromium against the production build:
 * - cold load (a new browser context each time: no HTTP cache, no service
 *   worker, signed in): navigation start to the server's first byte, to the
 *   50 rows in the document, to first paint, and to hydration (the root
 *   layout sets `html[data-hydrated]` on mount), timed inside the page;
 * - navigation within the list without a reload (SvelteKit's client router):
 *   switching section, searching and clearing, next and previous page, from
 *   the click to the list showing the new state. Nothing is preloaded (the
 *   clicks come without a hover), so each one fetches the page's data.
 * The server's share on its own is printed by `../caseload-list.bench.spec.ts`.
 */
import { expect, test } from '@playwright/test';
import { percentile, printFigure } from '../figures';
import { seedCaseload } from './caseload-seed';
import { signInAsDemo } from './demo-sign-in';
import { timeClientNavigation, type ListStep } from './list-navigation';

const REQUESTS = 2000;
const PAGE_ROWS = 50;
const COLD_LOADS = 7;
const NAVIGATION_ROUNDS = 7;

interface LoadProbe {
	rowsAt: number | null;
	hydratedAt: number | null;
}

/** Runs in the page before its own scripts: notes when the rows are in the document and when the page is hydrated. */
function installLoadProbe(expectedRows: number): void {
	const probe: LoadProbe = { rowsAt: null, hydratedAt: null };
	(window as unknown as { loadProbe: LoadProbe }).loadProbe = probe;
	const observer = new MutationObserver(() => {
		if (probe.rowsAt === null && document.querySelectorAll('ul.caseload > li').length >= expectedRows) probe.rowsAt = performance.now();
		if (probe.hydratedAt === null && document.documentElement?.hasAttribute('data-hydrated')) probe.hydratedAt = performance.now();
		if (probe.rowsAt !== null && probe.hydratedAt !== null) observer.disconnect();
	});
	observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-hydrated'] });
}

const STEPS: readonly ListStep[] = [
	{ kind: 'section', click: 'a[data-filter="overdue"]', until: 'a[data-filter="overdue"][aria-current="page"]' },
	{ kind: 'section', click: 'a[data-filter="open"]', until: 'a[data-filter="open"][aria-current="page"]' },
	{ kind: 'search', search: 'Revenue', click: 'form[role="search"] button[type="submit"]', until: 'form[role="search"] .actions a' },
	{ kind: 'search', click: 'form[role="search"] .actions a', until: 'form[role="search"] .actions a', gone: true },
	{ kind: 'page', click: 'a[rel="next"]', until: 'a[rel="prev"]' },
	{ kind: 'page', click: 'a[rel="prev"]', until: 'a[rel="prev"]', gone: true }
];

test('request list with 2 000 requests: cold load and navigation within the list', async ({ page, browser }) => {
	await signInAsDemo(page);
	const organisationId = await seedCaseload(page, 'Caseload Bench Coalition', REQUESTS);
	const listUrl = `/app/requests?org=${organisationId}`;
	const storageState = await page.context().storageState();

	const cold = { ttfb: [] as number[], rows: [] as number[], paint: [] as number[], hydrated: [] as number[], ready: [] as number[] };
	let htmlKiB = 0;
	for (let run = 0; run < COLD_LOADS; run++) {
		const context = await browser.newContext({ storageState });
		try {
			await context.addInitScript(installLoadProbe, PAGE_ROWS);
			const fresh = await context.newPage();
			await fresh.goto(listUrl);
			await fresh.waitForFunction(() => {
				const probe = (window as unknown as { loadProbe: LoadProbe }).loadProbe;
				return probe.rowsAt !== null && probe.hydratedAt !== null;
			}, null, { timeout: 30_000 });
			await expect(fresh.getByRole('list', { name: 'Requests' }).getByRole('listitem')).toHaveCount(PAGE_ROWS);
			const timing = await fresh.evaluate(() => {
				const probe = (window as unknown as { loadProbe: LoadProbe }).loadProbe;
				const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
				const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
				return { ttfb: navigation.responseStart, bytes: navigation.decodedBodySize, paint, rows: probe.rowsAt!, hydrated: probe.hydratedAt! };
			});
			cold.ttfb.push(timing.ttfb);
			cold.rows.push(timing.rows);
			cold.paint.push(timing.paint);
			cold.hydrated.push(timing.hydrated);
			cold.ready.push(Math.max(timing.rows, timing.paint, timing.hydrated));
			htmlKiB = timing.bytes / 1024;
		} finally {
			await context.close();
		}
	}
	const label = `request list, ${PAGE_ROWS} of ${REQUESTS} requests, cold load`;
	for (const [key, name] of [['ttfb', 'to server first byte'], ['rows', 'to rows in the document'], ['paint', 'to first contentful paint'], ['hydrated', 'to hydrated'], ['ready', 'to rows visible and hydrated']] as const) {
		const values = [...cold[key]].sort((a, b) => a - b);
		printFigure(`${label} ${name}, Chromium p50 (${values.length} loads)`, percentile(values, 50), 'ms');
		if (key === 'ready') printFigure(`${label} ${name}, Chromium max`, values.at(-1)!, 'ms');
	}
	printFigure(`${label}: html size`, htmlKiB, 'KiB');

	await page.goto(listUrl);
	await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
	const byKind = new Map<ListStep['kind'], number[]>();
	for (let round = 0; round < NAVIGATION_ROUNDS; round++) {
		for (const step of STEPS) {
			const ms = await timeClientNavigation(page, step);
			byKind.set(step.kind, [...(byKind.get(step.kind) ?? []), ms]);
		}
	}
	// The list ends where it started (a full reload on the way would have failed the timing with a destroyed page context).
	await expect(page.locator('a[data-filter="open"]')).toHaveAttribute('aria-current', 'page');
	await expect(page.getByRole('list', { name: 'Requests' }).getByRole('listitem')).toHaveCount(PAGE_ROWS);
	const names = { section: 'switch section (overdue ↔ open)', search: 'search "Revenue" and clear', page: 'next and previous page' } as const;
	for (const [kind, values] of byKind) {
		values.sort((a, b) => a - b);
		printFigure(`request list, ${REQUESTS} requests, in-list navigation: ${names[kind]}, click to list updated, Chromium p50 (${values.length})`, percentile(values, 50), 'ms');
		printFigure(`request list, ${REQUESTS} requests, in-list navigation: ${names[kind]}, Chromium p95`, percentile(values, 95), 'ms');
	}
});
