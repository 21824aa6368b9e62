/**
 * The composer in Chromium (phone viewport) against the production build on a
 * fresh embedded stack, signed in as the demo account:
 * - autosave: from the last keystroke of a batch to "Saved on this device",
 *   minus the 400 ms pause that groups keystrokes, timed inside the page
 *   (input event → the save state's attribute change); long tasks while typing;
 * - offline reload to draft visible: the service worker serves the kept
 *   composer and the draft is read back from IndexedDB.
 */
import { expect, test } from '@playwright/test';
import { percentile, printFigure } from '../figures';
import { signInAsDemo } from './demo-sign-in';
import { waitForServiceWorkerControl } from './service-worker-control';

const DEBOUNCE_MS = 400;
const BATCHES = 10;
const OFFLINE_RELOADS = 5;

interface AutosaveProbe {
	lastInputAt: number;
	/** Each change from "saving" to saved (on the device or synced): when, and the last input before it. */
	saves: { savedAt: number; lastInputAt: number }[];
	longTasks: number[];
}

test('composer autosave and offline reload', async ({ page, context }) => {
	await signInAsDemo(page);
	await page.goto('/app/compose');
	await waitForServiceWorkerControl(page);
	await expect(page.locator('html[data-hydrated]')).toHaveCount(1);

	await page.evaluate(() => {
		const probe: AutosaveProbe = { lastInputAt: 0, saves: [], longTasks: [] };
		(window as unknown as { autosaveProbe: AutosaveProbe }).autosaveProbe = probe;
		document.addEventListener('input', () => (probe.lastInputAt = performance.now()), true);
		let previous = document.querySelector<HTMLElement>('.save-state')?.dataset.state;
		new MutationObserver(() => {
			const state = document.querySelector<HTMLElement>('.save-state')?.dataset.state;
			if (previous === 'saving' && (state === 'local' || state === 'synced')) probe.saves.push({ savedAt: performance.now(), lastInputAt: probe.lastInputAt });
			previous = state;
		}).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
		new PerformanceObserver((list) => list.getEntries().forEach((entry) => probe.longTasks.push(entry.duration))).observe({ type: 'longtask', buffered: false });
	});

	const field = page.getByLabel('Records wanted');
	const status = page.getByRole('status').filter({ hasText: /Saved on this device|Synced|Saving/ });
	for (let batch = 0; batch < BATCHES; batch++) {
		await field.pressSequentially(`Batch ${batch} of what was asked for. `, { delay: 0 });
		await page.waitForFunction((count) => (window as unknown as { autosaveProbe: AutosaveProbe }).autosaveProbe.saves.length >= count, batch + 1, { timeout: 10_000 });
		await expect(status).toContainText(/Saved on this device|Synced/);
		await page.waitForTimeout(50);
	}
	const probe = await page.evaluate(() => (window as unknown as { autosaveProbe: AutosaveProbe }).autosaveProbe);
	const writes = probe.saves.map((save) => save.savedAt - save.lastInputAt - DEBOUNCE_MS).sort((a, b) => a - b);
	printFigure(`autosave, last keystroke to "Saved on this device" minus the ${DEBOUNCE_MS} ms pause, Chromium p50 (${writes.length} batches; target < 16 ms)`, percentile(writes, 50), 'ms');
	printFigure('autosave, same, Chromium p95', percentile(writes, 95), 'ms');
	const longest = probe.longTasks.length > 0 ? ` (longest ${Math.round(Math.max(...probe.longTasks))} ms)` : '';
	printFigure(`main-thread long tasks (≥ 50 ms) while typing ${BATCHES} batches`, `${probe.longTasks.length}${longest}`);

	const expected = await field.inputValue();
	// From here on every load notes when the root layout marks the page hydrated (the draft is read meanwhile).
	await page.addInitScript(() => {
		const observer = new MutationObserver(() => {
			if (!document.documentElement?.hasAttribute('data-hydrated')) return;
			(window as unknown as { hydratedAt: number }).hydratedAt = performance.now();
			observer.disconnect();
		});
		observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-hydrated'] });
	});
	await context.setOffline(true);
	const reloads = { visible: [] as number[], hydrated: [] as number[] };
	for (let i = 0; i < OFFLINE_RELOADS; i++) {
		await page.reload({ waitUntil: 'commit' });
		// performance.now() counts from the reload's navigation start.
		const visibleAt = await page.waitForFunction(
			(text) => {
				const area = document.querySelector<HTMLTextAreaElement>('#f-records_description');
				return area?.value === text ? performance.now() : false;
			},
			expected,
			{ polling: 'raf', timeout: 15_000 }
		);
		reloads.visible.push((await visibleAt.jsonValue()) as number);
		reloads.hydrated.push(await page.evaluate(() => (window as unknown as { hydratedAt?: number }).hydratedAt ?? NaN));
	}
	await context.setOffline(false);
	reloads.visible.sort((a, b) => a - b);
	reloads.hydrated.sort((a, b) => a - b);
	printFigure(`offline reload to draft visible, Chromium p50 (${OFFLINE_RELOADS} reloads; target < 300 ms)`, percentile(reloads.visible, 50), 'ms');
	printFigure('offline reload to draft visible, Chromium max', reloads.visible.at(-1)!, 'ms');
	printFigure('offline reload to page hydrated (the draft is read meanwhile, begun by src/app.html), Chromium p50', percentile(reloads.hydrated, 50), 'ms');
});
