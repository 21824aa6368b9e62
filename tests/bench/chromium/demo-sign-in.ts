/** Signing in as the embedded stack's demo account (seeded by `supabase/seed-demo.sql`), as a person would. */
import { expect, type Page } from '@playwright/test';

export const DEMO_ACCOUNT = { email: 'demo@disclose.test', password: 'disclose-demo' } as const;

export async function signInAsDemo(page: Page): Promise<void> {
	await page.goto('/login');
	// What is typed before hydration is kept, but waiting makes the bench's first steps comparable.
	await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
	await page.getByText('Or use a password').click();
	await page.locator('#password-email').fill(DEMO_ACCOUNT.email);
	await page.getByLabel('Password', { exact: true }).fill(DEMO_ACCOUNT.password);
	await page.getByRole('button', { name: 'Sign in with password' }).click();
	await page.waitForURL(/\/app$/);
}
