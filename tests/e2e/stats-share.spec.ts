import { expect, test, type Browser } from '@playwright/test';
import { expectAccessible } from './support/a11y';

/** A visitor with no session, on a phone, whose browser asks for `locale` (Accept-Language). */
async function visitor(browser: Browser, locale: string) {
	const context = await browser.newContext({ viewport: { width: 412, height: 915 }, locale });
	return { page: await context.newPage(), close: () => context.close() };
}

test('the methodology speaks the language /stats speaks, and /stats links to it', async ({ browser }) => {
	const es = await visitor(browser, 'es-US');
	await es.page.goto('/stats');
	await es.page.getByRole('link', { name: 'Cómo se obtienen estas cifras' }).click();
	await expect(es.page).toHaveURL(/\/stats\/methodology$/);
	await expect(es.page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(es.page.getByRole('heading', { level: 1, name: 'Cómo se elaboran las estadísticas públicas' })).toBeVisible();
	await expect(es.page.getByRole('heading', { level: 2, name: 'Cifras pequeñas' })).toBeVisible();
	await expect(es.page.getByText('C.R.S. 24-72-203(3)(b)')).toBeVisible();
	expect(await es.page.locator('script').count()).toBe(0);
	await expectAccessible(es.page);
	await es.close();

	const en = await visitor(browser, 'en-US');
	await en.page.goto('/stats/methodology');
	await expect(en.page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(en.page.getByRole('heading', { level: 1, name: 'How the public statistics are made' })).toBeVisible();
	await expect(en.page.getByRole('heading', { level: 2, name: 'Small counts' })).toBeVisible();
	await expectAccessible(en.page);
	await en.close();
});
