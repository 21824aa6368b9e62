import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { signIn, signInWithMagicLink } from './support/sign-in';

test('a user signs in with a magic link, creates an organisation, and another user cannot see it', async ({ page, browser }) => {
	await page.goto('/');
	await expectAccessible(page);
	const owner = `owner-${Date.now()}@example.org`;
	await signInWithMagicLink(page, owner, { checkA11y: true });

	await expect(page.getByRole('heading', { name: 'Your organisations' })).toBeVisible();
	await expect(page.getByText('You are not a member of any organisation yet')).toBeVisible();
	await expectAccessible(page);

	// Bad input keeps the page and says what is wrong.
	await page.getByRole('button', { name: 'Create organisation' }).click();
	await expect(page.getByText('Enter a name for the organisation.')).toBeVisible();
	await expect(page.getByLabel('Organisation name')).toHaveAttribute('aria-invalid', 'true');

	await page.getByLabel('Organisation name').fill('Front Range Records Project');
	await page.getByRole('button', { name: 'Create organisation' }).click();
	await expect(page.getByRole('status')).toContainText('Organisation “Front Range Records Project” created');
	const list = page.getByRole('list', { name: 'Your organisations' });
	await expect(list.getByText('Front Range Records Project')).toBeVisible();
	await expect(list.getByText('Owner')).toBeVisible();
	await expectAccessible(page);

	const other = await browser.newContext();
	const otherPage = await other.newPage();
	await signIn(otherPage, `outsider-${Date.now()}@example.org`);
	await expect(otherPage.getByText('You are not a member of any organisation yet')).toBeVisible();
	await expect(otherPage.getByText('Front Range Records Project')).toHaveCount(0);
	await other.close();
});

test('protected pages send a signed-out visitor to sign in, and the language switch works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/app');
	await expect(page).toHaveURL(/\/login\?next=%2Fapp/);
	await page.getByRole('button', { name: 'Español' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.getByRole('heading', { name: 'Entrar', level: 1 })).toBeVisible();
	await page.getByLabel('Correo electrónico').first().fill('not-an-email');
	await page.getByRole('button', { name: 'Enviarme un enlace para entrar' }).click();
	await expect(page.getByText('Escribe un correo válido')).toBeVisible();
	await expect(page.getByLabel('Correo electrónico').first()).toHaveValue('not-an-email');
	await context.close();
});

test('the Spanish pages pass the accessibility check too', async ({ page }) => {
	await page.goto('/login');
	await page.getByRole('button', { name: 'Español' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expectAccessible(page);
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'Entra para empezar' })).toBeVisible();
	await expectAccessible(page);
});
