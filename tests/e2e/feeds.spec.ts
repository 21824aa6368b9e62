import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectAccessible } from './support/a11y';
import { ownerOfNewOrganisation } from './support/organisation';
import { signIn } from './support/sign-in';
import { rest } from './support/rest';

/** A signed-in owner of a new organisation (made on /app, as a person would) with one sent request due 2025-03-06. */
async function ownerWithOpenRequest(page: Page, name: string): Promise<string> {
	const { orgId, agencyId } = await ownerOfNewOrganisation(page, 'feeds', name, 'CDLE');
	await rest(page, '/rest/v1/records_requests', {
		method: 'POST',
		body: {
			organisation_id: orgId,
			agency_id: agencyId,
			title: 'ICE subpoenas, 2025',
			regime: 'CORA',
			status: 'sent',
			sent_at: '2025-03-03T17:00:00Z',
			due_on: '2025-03-06'
		}
	});
	return orgId;
}

test('a member subscribes to the due-date calendar, revokes the link, and the owner downloads the export', async ({ page }) => {
	const orgId = await ownerWithOpenRequest(page, 'Calendar Rights Project');

	await page.goto(`/app/orgs/${orgId}/feeds`);
	await expect(page.getByRole('heading', { name: 'Calendar feed: Calendar Rights Project' })).toBeVisible();
	await expect(page.getByText('You have no feed links for this organisation yet.')).toBeVisible();
	await expectAccessible(page);

	await page.getByLabel('Name (optional)').fill('My phone');
	await page.getByRole('button', { name: 'Create feed link' }).click();
	await expect(page.getByRole('heading', { name: 'Your new feed link' })).toBeVisible();
	const feedUrl = await page.getByLabel('Feed link', { exact: true }).inputValue();
	expect(feedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
	await expect(page.getByRole('link', { name: 'Add to my calendar' })).toHaveAttribute('href', feedUrl.replace(/^http:/, 'webcal:'));
	await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
	await expect(page.getByRole('list', { name: 'Your feed links' }).getByText('My phone')).toBeVisible();
	await expectAccessible(page);

	const ics = await page.request.get(feedUrl, { headers: { cookie: '' } });
	expect(ics.status()).toBe(200);
	expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	expect(ics.headers()['cache-control']).toBe('private, max-age=300');
	const body = await ics.text();
	expect(body).toContain('X-WR-CALNAME:Disclose — Calendar Rights Project');
	expect(body).toContain('DTSTART;VALUE=DATE:20250306');
	expect(body.replace(/\r\n /g, '')).toContain('SUMMARY:Due: Colorado Department of Labor and Employment — ICE subpoenas\\, 2025');

	// The link is shown once: a reload shows the list only.
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Your new feed link' })).toHaveCount(0);

	await page.getByRole('button', { name: /^Revoke “My phone”/ }).click();
	await expect(page.getByRole('heading', { name: 'Revoke this feed link?' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Yes, revoke it' }).click();
	await expect(page.getByRole('status')).toContainText('Feed link revoked');
	await expect(page.getByText(/^Revoked /)).toBeVisible();
	expect((await page.request.get(feedUrl)).status()).toBe(404);

	await page.getByRole('link', { name: 'Export this organisation’s data' }).click();
	await expect(page.getByRole('heading', { name: 'Export: Calendar Rights Project' })).toBeVisible();
	await expect(page.getByText('In this organisation: 1 requests')).toBeVisible();
	await expectAccessible(page);
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Requests (CSV)' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^disclose-calendar-rights-project-requests-\d{4}-\d{2}-\d{2}\.csv$/);
	const csv = await readFile((await download.path())!, 'utf8');
	expect(csv.startsWith('\uFEFFid,organisation_id,agency_id,agency_name,title,')).toBe(true);
	expect(csv).toContain('"ICE subpoenas, 2025"');

	const json = await page.request.get(`/app/orgs/${orgId}/export/export.json`);
	expect(json.headers()['content-disposition']).toMatch(/^attachment; filename="disclose-calendar-rights-project-export-/);
	expect(((await json.json()) as { requests: unknown[] }).requests).toHaveLength(1);
});

test('feed links are created and revoked without JavaScript, and a non-member sees no organisation', async ({ page, browser }) => {
	const orgId = await ownerWithOpenRequest(page, 'No Script Collective');
	const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
	const noScript = await context.newPage();

	await noScript.goto(`/app/orgs/${orgId}/feeds`);
	await noScript.getByRole('button', { name: 'Create feed link' }).click();
	await expect(noScript.getByRole('heading', { name: 'Your new feed link' })).toBeVisible();
	// Without JavaScript there is nothing to copy with: the link is in a field to select.
	await expect(noScript.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
	const feedUrl = await noScript.getByLabel('Feed link', { exact: true }).inputValue();
	expect((await noScript.request.get(feedUrl)).status()).toBe(200);

	await noScript.getByRole('button', { name: /^Revoke “Feed link”/ }).click();
	await expect(noScript).toHaveURL(/\?revoke=/);
	await noScript.getByRole('link', { name: 'Keep it' }).click();
	expect((await noScript.request.get(feedUrl)).status()).toBe(200);
	await noScript.getByRole('button', { name: /^Revoke “Feed link”/ }).click();
	await noScript.getByRole('button', { name: 'Yes, revoke it' }).click();
	await expect(noScript.getByRole('status')).toContainText('Feed link revoked');
	expect((await noScript.request.get(feedUrl)).status()).toBe(404);
	await context.close();

	const other = await browser.newContext();
	const otherPage = await other.newPage();
	await signIn(otherPage, `outsider-${Date.now()}@example.org`);
	const feeds = await otherPage.goto(`/app/orgs/${orgId}/feeds`);
	expect(feeds?.status()).toBe(404);
	const csv = await otherPage.request.get(`/app/orgs/${orgId}/export/requests.csv`);
	expect(csv.status()).toBe(403);
	await other.close();
});
