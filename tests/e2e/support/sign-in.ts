import { expect, type Page } from '@playwright/test';
import { createClient } from '@supabase/supabase-js';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ws from 'ws';
import { expectAccessible } from './a11y';

/** Sign in as a person would: ask for a magic link, open the dev mailbox, follow the link. For the specs about sign-in. */
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

const origin = () => `http://127.0.0.1:${process.env.E2E_PORT}`;

/** This run's embedded stack keys (written by the server into its own data folder). */
function stackKeys(): { serviceRoleKey: string } {
	return JSON.parse(readFileSync(`.data-e2e-${process.env.E2E_PORT}/status.json`, 'utf8')) as { serviceRoleKey: string };
}

/** A password only this run can know, the same every time for one address (a second sign-in needs no state). */
function passwordFor(email: string, key: string): string {
	return createHmac('sha256', key).update(email).digest('base64url');
}

/**
 * Signs a person in without the mail round trip, for specs that are not about sign-in: the account
 * is made confirmed through the Auth admin API (service-role key), then the page's own context
 * posts the sign-in form's password action, so the session cookies are the app's real ones.
 * Ends on /app, like {@link signInWithMagicLink}.
 */
export async function signIn(page: Page, email: string): Promise<void> {
	const { serviceRoleKey } = stackKeys();
	const password = passwordFor(email, serviceRoleKey);
	const admin = createClient(origin(), serviceRoleKey, {
		auth: { persistSession: false, autoRefreshToken: false },
		realtime: { transport: ws as unknown as typeof WebSocket }
	});
	const { error } = await admin.auth.admin.createUser({ email, password, email_confirm: true });
	if (error && error.code !== 'email_exists') throw new Error(`creating ${email}: ${error.message}`);
	const answer = await page.request.post('/login?/password', {
		form: { email, password, next: '/app' },
		// As a browser form post: SvelteKit answers an Accept of */* with JSON (200) instead of the redirect.
		headers: { origin: origin(), accept: 'text/html' },
		maxRedirects: 0
	});
	expect(answer.status(), `password sign-in for ${email}`).toBe(303);
	await page.goto('/app');
	await expect(page).toHaveURL(/\/app$/);
}
