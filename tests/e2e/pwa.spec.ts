import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { startDeployProxy } from './support/deploy-proxy';
import { clearChangesOnDevice, keptPages, pngSize, queueChangeOnDevice, waitForServiceWorkerControl } from './support/pwa';

const OFFLINE_NOTICE = 'Offline — changes are saved on this device and will sync when you are back online.';
const HOME_HEADING = 'Open-records requests about immigration data sharing in Colorado';

test('the app is installable: the manifest is linked, complete, and its icons exist', async ({ page, request }) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBe('/manifest.webmanifest');
	const response = await request.get(href!);
	expect(response.ok()).toBe(true);
	expect(response.headers()['content-type']).toContain('application/manifest+json');
	const manifest = await response.json();
	expect(manifest).toMatchObject({
		name: 'Disclose',
		short_name: 'Disclose',
		start_url: '/app',
		scope: '/',
		display: 'standalone',
		theme_color: '#1d3557',
		background_color: '#fbfaf7',
		lang: 'en'
	});
	expect(manifest.description).toBeTruthy();

	const icons: { src: string; sizes: string; type: string; purpose?: string }[] = manifest.icons;
	expect(icons.some((icon) => icon.sizes === '192x192' && icon.type === 'image/png')).toBe(true);
	expect(icons.some((icon) => icon.sizes === '512x512' && icon.purpose === 'maskable')).toBe(true);
	for (const icon of icons.filter((i) => i.type === 'image/png')) {
		const file = await request.get(icon.src);
		expect(file.ok(), icon.src).toBe(true);
		const [width] = icon.sizes.split('x').map(Number);
		expect(pngSize(await file.body()), icon.src).toEqual({ width, height: width });
	}

	const appleIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
	const appleFile = await request.get(appleIcon!);
	expect(appleFile.ok()).toBe(true);
	expect(pngSize(await appleFile.body())).toEqual({ width: 180, height: 180 });
});

test('pages opened before still open offline, an unopened page shows the offline page, and the indicator says so', async ({ page, context }) => {
	await page.goto('/');
	expect(await waitForServiceWorkerControl(page)).toMatch(/\/sw\.js$/);
	// Opened in the app (client-side navigation: only the page's data is fetched), then loaded in full.
	await page.getByRole('link', { name: 'Sign in', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
	await page.reload();
	await expect.poll(() => keptPages(page)).toEqual(expect.arrayContaining(['/', '/login', '/login/__data.json']));

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
	await expect(page.getByText(OFFLINE_NOTICE)).toBeVisible();
	await expectAccessible(page);

	await page.goto('/');
	await expect(page.getByRole('heading', { name: HOME_HEADING, level: 1 })).toBeVisible();
	await expect(page.getByText(OFFLINE_NOTICE)).toBeVisible();
	await page.getByRole('link', { name: 'Sign in', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
	await page.goto('/');

	// Never opened on this device: the offline page, in both languages, instead of the browser's error.
	await page.goto('/app');
	await expect(page.getByRole('heading', { name: 'You are offline', level: 1 })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'No hay conexión' })).toBeVisible();
	await expectAccessible(page);

	await page.goto('/');
	await expect(page.getByText(OFFLINE_NOTICE)).toBeVisible();
	await context.setOffline(false);
	await expect(page.getByText(OFFLINE_NOTICE)).toBeHidden();
});

test.describe('on a 360 px wide phone', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	test('a change the server refused stays on the device with Retry and Discard, and discarding asks first', async ({ page }) => {
		await page.goto('/login');
		await queueChangeOnDevice(page, {
			id: '5e0d2f7a-3c1b-4f6e-8a2d-9b7c6e5f4a31',
			refusedWith: { message: 'new row violates row-level security policy for table "records_requests"', code: '42501' }
		});
		await queueChangeOnDevice(page, { id: '7a1c9e3b-2d4f-4b6a-8c0e-1f3a5b7d9c2e' });
		await page.reload();

		await expect(page.getByText('2 changes waiting to sync')).toBeVisible();
		await expect(page.getByText('The server did not accept a change: new row violates row-level security policy')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
		await expectAccessible(page);

		await page.getByRole('button', { name: 'Discard' }).click();
		await expect(page.getByText('Discard this change for good?')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused();
		await page.getByRole('button', { name: 'Keep it' }).click();
		await expect(page.getByText('2 changes waiting to sync')).toBeVisible();

		await page.getByRole('button', { name: 'Discard' }).click();
		await page.getByRole('button', { name: 'Yes, discard it' }).click();
		await expect(page.getByText('1 change waiting to sync')).toBeVisible();
		await expect(page.getByText('The server did not accept a change')).toBeHidden();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	});

	test('a new version waits for "Update now", which is unusable while changes wait to sync', async ({ page, baseURL }) => {
		const proxy = await startDeployProxy(baseURL!);
		try {
			await page.goto(`${proxy.url}/`);
			await waitForServiceWorkerControl(page);
			await queueChangeOnDevice(page, { id: '0b9c4a52-6f0e-4b7a-9d43-3f2d8f6c1a10' });
			await page.reload();
			await expect(page.getByText('1 change waiting to sync')).toBeVisible();
			await expectAccessible(page);

			proxy.shipNextVersion();
			await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

			await expect(page.getByText('A new version of Disclose is ready')).toBeVisible();
			await expect(page.getByText('Finish syncing first: 1 change waiting')).toBeVisible();
			const update = page.getByRole('button', { name: 'Update now' });
			await expect(update).toBeDisabled();
			await update.click({ force: true });
			await expect(page.getByText('A new version of Disclose is ready')).toBeVisible();
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
			await expectAccessible(page);

			await clearChangesOnDevice(page);
			await page.reload();
			await expect(page.getByText('A new version of Disclose is ready')).toBeVisible();
			await expect(page.getByText('1 change waiting to sync')).toBeHidden();
			await expect(update).toBeEnabled();
			await update.focus();
			await page.keyboard.press('Enter');

			// The new version takes over and the page reloads once, showing no prompt.
			await expect(page.getByText('A new version of Disclose is ready')).toBeHidden();
			await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
			await expect(page.getByRole('heading', { name: HOME_HEADING, level: 1 })).toBeVisible();
		} finally {
			await proxy.close();
		}
	});
});
