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

test('"Share this view" gives the filtered permalink to copy and an email link carrying it, without script', async ({ browser, baseURL }) => {
	const en = await visitor(browser, 'en-US');
	await en.page.goto('/stats?legal=administrative_subpoena&category=address&from=2025-Q1');
	const share = en.page.getByRole('region', { name: 'Share this view' });
	const link = share.getByRole('textbox', { name: 'Link to this view' });
	const permalink = `${baseURL}/stats?from=2025-Q1&category=address&legal=administrative_subpoena`;
	await expect(link).toHaveValue(permalink);
	await expect(link).toHaveAttribute('readonly', '');
	await expect(link).toHaveAccessibleDescription('Select the address and copy it, or send it by email.');
	// A keyboard user reaches the field and moves on past it (no trap).
	await link.focus();
	await en.page.keyboard.press('Tab');
	await expect(share.getByRole('link', { name: 'Send this view by email' })).toBeFocused();
	const mailto = await share.getByRole('link', { name: 'Send this view by email' }).getAttribute('href');
	expect(mailto).toMatch(/^mailto:\?subject=Disclosures%20to%20immigration%20enforcement%20in%20Colorado&body=/);
	expect(mailto).toContain(encodeURIComponent(permalink));
	expect(new URL(mailto!).searchParams.get('body')).toBe(`The published figures for this view: ${permalink}`);
	expect(await en.page.locator('script').count()).toBe(0);
	await expectAccessible(en.page);
	await en.close();

	const es = await visitor(browser, 'es');
	await es.page.goto('/stats?legal=court_order');
	const compartir = es.page.getByRole('region', { name: 'Compartir esta vista' });
	await expect(compartir.getByRole('textbox', { name: 'Enlace a esta vista' })).toHaveValue(`${baseURL}/stats?legal=court_order`);
	const correo = await compartir.getByRole('link', { name: 'Enviar esta vista por correo electrónico' }).getAttribute('href');
	expect(correo).toContain(encodeURIComponent(`${baseURL}/stats?legal=court_order`));
	await es.close();
});

test('each view has its own 1200×630 PNG card, named in the page head with the filters', async ({ browser, baseURL }) => {
	const en = await visitor(browser, 'en-US');
	await en.page.goto('/stats?legal=administrative_subpoena&from=2025-Q1');
	const card = `${baseURL}/stats/card.png?from=2025-Q1&legal=administrative_subpoena&lang=en`;
	await expect(en.page.locator('meta[property="og:image"]')).toHaveAttribute('content', card);
	await expect(en.page.locator('meta[name="twitter:image"]')).toHaveAttribute('content', card);
	await expect(en.page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
	await expect(en.page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200');
	await expect(en.page.locator('meta[property="og:image:height"]')).toHaveAttribute('content', '630');

	const response = await en.page.request.get(card);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('image/png');
	expect(response.headers()['cache-control']).toContain('s-maxage');
	const png = await response.body();
	expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
	expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
	const again = await en.page.request.get(card, { headers: { 'if-none-match': response.headers().etag! } });
	expect(again.status()).toBe(304);
	await en.close();
});
