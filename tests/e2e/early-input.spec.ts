import { expect, test, type Page } from '@playwright/test';
import { ownerOfNewOrganisation } from './support/organisation';
import { rest } from './support/rest';

/** Holds back every script of the app until the returned `release()`: the page stays server-rendered until then. */
async function holdScripts(page: Page): Promise<() => void> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	return release;
}

// On a slow connection the server-rendered form is usable before the JavaScript arrives;
// what a person types then must not be wiped when the app takes over the page.
test('text typed before the JavaScript loads is kept once the page becomes interactive', async ({ page }) => {
	const release = await holdScripts(page);

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

// Hydration can leave a server-rendered <select> showing the option chosen before it, while the component still
// holds the rendered choice: the composer must go by what the person sees (the CI failure at drafts.spec.ts:64).
test('an organisation chosen before the JavaScript loads is the one the composer uses', async ({ page }) => {
	const { orgId } = await ownerOfNewOrganisation(page, 'early-select', 'Early select project', 'CDLE');
	await page.getByLabel('Organisation name').fill('Early select second');
	await page.getByRole('button', { name: 'Create organisation' }).click();
	await expect(page.getByRole('status')).toContainText('created');
	await rest(page, '/rest/v1/agencies', { method: 'POST', body: { organisation_id: orgId, name: 'Adams County Sheriff’s Office', level: 'county', regime: 'CORA' } });

	const release = await holdScripts(page);
	await page.goto('/app/compose', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Organisation the request is from').selectOption({ label: 'Early select project' });
	await expect(page.locator('html[data-hydrated]')).toHaveCount(0);
	release();
	await expect(page.locator('html[data-hydrated]')).toHaveCount(1);

	await expect(page.getByLabel('Organisation the request is from')).toHaveValue(orgId);
	await page.getByLabel('Search agencies').fill('Adams');
	await expect(page.getByRole('checkbox', { name: /Adams County Sheriff’s Office/ })).toBeVisible();
});
