import { expect, type Page } from '@playwright/test';
import { expectAccessible } from './a11y';

/** Sign in as a person would: ask for a magic link, open the dev mailbox, follow the link. */
export async function signInWithMagicLink(page: Page, email: string, options: { checkA11y?: boolean } = {}): Promise<void> {
	await page.goto('/login');
	if (options.checkA11y) await expectAccessible(page);
	await page.getByLabel('Email address').first().fill(email);
	await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
	await expect(page.getByRole('status')).toContainText(`sent a sign-in link and a 6-digit code to ${email}`);
	if (options.checkA11y) await expectAccessible(page);
	await page.goto('/dev/mailbox');
	if (options.checkA11y) await expectAccessible(page);
	const mail = page.getByRole('article').filter({ hasText: email }).first();
	await mail.getByRole('link', { name: 'Open the link in this email' }).click();
	await expect(page).toHaveURL(/\/app$/);
}
