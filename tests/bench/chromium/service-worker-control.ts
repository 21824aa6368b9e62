import type { Page } from '@playwright/test';

/**
 * Wait (bounded) until a service worker controls the page, reloading once as a second visit would.
 * `navigator.serviceWorker.ready` never settles when nothing registers, so it races a timer here.
 */
export async function waitForServiceWorkerControl(page: Page, timeoutMs = 30_000): Promise<string> {
	const scriptURL = await page.evaluate(
		(ms) =>
			Promise.race([
				navigator.serviceWorker.ready.then((registration) => registration.active?.scriptURL ?? ''),
				new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no service worker became ready within ${ms} ms`)), ms))
			]),
		timeoutMs
	);
	await page.reload();
	await page.waitForFunction((url) => navigator.serviceWorker.controller?.scriptURL === url, scriptURL, { timeout: timeoutMs });
	return scriptURL;
}
