import { expect, test, type Page } from '@playwright/test';
import { waitForServiceWorkerControl } from './support/pwa';
import { ownerOfNewOrganisation } from './support/organisation';

/**
 * supabase-js and the outbox's code load only when a page needs them (work waits on the device, or the user
 * queues a change), never on a plain view. Each is recognised by a string its code keeps through minification:
 * supabase-js's client header, the outbox's lock name, the sync module's connection marker.
 */
const MARKERS = { 'supabase-js': 'supabase-js', outbox: 'disclose-outbox-drain', sync: 'sync connection' };

const saveState = (page: Page) => page.getByRole('status').filter({ hasText: /Saved on this device|Synced|Saving|Not saved yet/ });

/** Every script the page asks for, from now on (served by the network or by the service worker). */
function recordScripts(page: Page): string[] {
	const urls: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script' || /\/_app\/immutable\/.*\.js$/.test(request.url())) urls.push(request.url());
	});
	return urls;
}

/** Which of the markers the scripts at `urls` hold (their text read from the server). */
async function markersIn(page: Page, urls: string[]): Promise<string[]> {
	const found = new Set<string>();
	for (const url of new Set(urls)) {
		const text = await (await page.request.get(url)).text();
		for (const [name, marker] of Object.entries(MARKERS)) if (text.includes(marker)) found.add(name);
	}
	return [...found].sort();
}

test('a request list with nothing waiting loads neither supabase-js nor the outbox; a change queued offline loads them and syncs once back online', async ({ page, context }) => {
	test.setTimeout(180_000);
	await ownerOfNewOrganisation(page, 'lazy-sync', 'Lazy Sync Project', 'CDLE');

	const scripts = recordScripts(page);
	await page.goto('/app/requests');
	await expect(page.getByRole('heading', { name: 'Requests', level: 1 })).toBeVisible();
	await expect(page.locator('html[data-hydrated]')).toBeAttached();
	// The panels that load after the first paint have run: the update prompt registered the service worker.
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.waitForLoadState('networkidle');
	expect(scripts.some((url) => url.includes('/_app/immutable/nodes/'))).toBe(true);
	expect(await markersIn(page, scripts)).toEqual([]);
	// Nothing was written, so the device's database was not even created.
	expect(await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).not.toContain('disclose');

	// A change made offline: sync and supabase-js load for it (from the service worker's cache)...
	await page.goto('/app/compose');
	await waitForServiceWorkerControl(page);
	scripts.length = 0;
	await context.setOffline(true);
	await page.getByLabel('Short subject').fill('Jail booking data shared with ICE');
	await expect(page).toHaveURL(/\/app\/compose\?draft=[0-9a-f-]{36}$/);
	await expect(saveState(page)).toContainText('Saved on this device');
	await expect(page.getByText('1 change waiting to sync')).toBeVisible();

	// ...and it is sent once the network is back.
	await context.setOffline(false);
	await expect(saveState(page)).toContainText('Synced', { timeout: 30_000 });
	await expect(page.getByText('1 change waiting to sync')).toBeHidden();
	// (The composer loads the outbox's code itself, for its autosave, before anything is typed.)
	expect(await markersIn(page, scripts)).toEqual(expect.arrayContaining(['supabase-js', 'sync']));
});

test.describe('on a first visit, before a service worker keeps the code', () => {
	// Nothing is kept for offline use yet: a panel asked for while offline cannot load.
	test.use({ serviceWorkers: 'block' });

	test('the sync panel that could not load offline appears once the network is back', async ({ page, context }) => {
		test.setTimeout(120_000);
		await ownerOfNewOrganisation(page, 'late-panel', 'Late Panel Project', 'CDLE');
		await page.goto('/app/compose');
		await expect(page.locator('html[data-hydrated]')).toBeAttached();
		// The composer's own saving code, which loads after the first paint, is there (this test is about the panel).
		await page.waitForLoadState('networkidle');
		// Disclose stays unreachable for drafts, so the change still waits once the signal is back.
		await context.route(/\/rest\/v1\/request_drafts/, (route) => route.abort('internetdisconnected'));

		// Going offline asks for the sync panel (it would say so), and its code cannot load.
		await context.setOffline(true);
		await page.getByLabel('Short subject').fill('Jail booking data shared with ICE');
		await expect(saveState(page)).toContainText('Saved on this device');
		await expect(page.getByText('1 change waiting to sync')).toBeHidden();

		await context.setOffline(false);
		await expect(page.getByText('1 change waiting to sync')).toBeVisible();
		await expect(saveState(page)).toContainText('Saved on this device');
	});
});
