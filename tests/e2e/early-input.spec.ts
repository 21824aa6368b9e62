import { expect, test, type Page } from '@playwright/test';

// On a slow connection the server-rendered form is usable before the JavaScript arrives;
// what a person types then must not be wiped when the app takes over the page.
test('text typed before the JavaScript loads is kept once the page becomes interactive', async ({ page }) => {
	let release!: () => void;
	const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsHeld;
		await route.continue();
	});

	await page.goto('/login', { waitUntil: 'domcontentloaded' });
	const email = page.getByLabel('Email address').first();
	await email.fill('early-typist@example.org');
	await expect(page.locator('html[data-hydrated]')).toHaveCount(0);

	release();
	await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
	await expect(email).toHaveValue('early-typist@example.org');

	await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
	await expect(page.getByRole('status')).toContainText('sent a sign-in link and a 6-digit code to early-typist@example.org');
});

/**
 * Records, in the page, the moment the app's code takes over the sign-in form (use:enhance listens
 * for its submit), and holds back every script asked for from then on until `release()`: on a slow
 * phone, code the page loads after hydration may take seconds to arrive.
 */
async function holdScriptsAfterHydration(page: Page) {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.addInitScript(() => {
		const listen = HTMLFormElement.prototype.addEventListener;
		HTMLFormElement.prototype.addEventListener = function (this: HTMLFormElement, ...args: Parameters<typeof listen>) {
			if (args[0] === 'submit') (window as { __formEnhanced?: boolean }).__formEnhanced = true;
			return listen.apply(this, args);
		};
	});
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		if (await page.evaluate(() => !!(window as { __formEnhanced?: boolean }).__formEnhanced)) await held;
		await route.continue();
	});
	return { release, enhanced: () => page.waitForFunction(() => !!(window as { __formEnhanced?: boolean }).__formEnhanced) };
}

// A press just after the app took over the page must send what the field shows, even while code
// loaded after hydration is still on its way: what was typed before is back before any press counts.
test('an address typed before the JavaScript loads is what the form sends when pressed just after hydration', async ({ page }) => {
	const late = await holdScriptsAfterHydration(page);
	let releaseStart!: () => void;
	const startHeld = new Promise<void>((resolve) => (releaseStart = resolve));
	await page.route(/\/_app\/immutable\/entry\/start\.[^/]+\.js$/, async (route) => {
		await startHeld;
		await route.continue();
	});

	await page.goto('/login', { waitUntil: 'domcontentloaded' });
	const email = page.getByLabel('Email address').first();
	await email.fill('pressed-early@example.org');
	releaseStart();
	await late.enhanced();
	await expect(email).toHaveValue('pressed-early@example.org');

	await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
	await expect(page.getByRole('status')).toContainText('sent a sign-in link and a 6-digit code to pressed-early@example.org');
	await expect(page.getByText('Enter a valid email address')).toHaveCount(0);
	late.release();
});

test('an address typed after the page is interactive is what the form sends', async ({ page }) => {
	await page.goto('/login');
	await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
	await page.getByLabel('Email address').first().fill('pressed-late@example.org');
	await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
	await expect(page.getByRole('status')).toContainText('sent a sign-in link and a 6-digit code to pressed-late@example.org');
});
