import { expect, test } from '@playwright/test';

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
