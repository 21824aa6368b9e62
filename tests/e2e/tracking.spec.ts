import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { waitForServiceWorkerControl } from './support/pwa';
import { signIn } from './support/sign-in';
import { rest } from './support/rest';

/** A signed-in owner of a new organisation with a request to CDLE sent a minute ago (its 'sent' event included). */
async function seedSentRequest(page: Page): Promise<{ orgId: string; requestId: string; sentAt: string }> {
	await signIn(page, `tracker-${Date.now()}@example.org`);
	await page.getByLabel('Organisation name').fill('Tracking Rights Project');
	await page.getByRole('button', { name: 'Create organisation' }).click();
	await expect(page.getByRole('status')).toContainText('created');
	const [org] = await rest<{ id: string }[]>(page, '/rest/v1/organisations?select=id');
	const [agency] = await rest<{ agency_id: string }[]>(page, `/rest/v1/organisation_agencies?select=agency_id&organisation_id=eq.${org!.id}&abbreviation=eq.CDLE`);
	const requestId = crypto.randomUUID();
	const sentAt = new Date(Date.now() - 60_000).toISOString();
	await rest(page, '/rest/v1/records_requests', {
		method: 'POST',
		body: { id: requestId, organisation_id: org!.id, agency_id: agency!.agency_id, title: 'ICE subpoenas 2025', letter_body: 'Dear Records Custodian, …', regime: 'CORA', status: 'sent', sent_at: sentAt, received_at: sentAt, delivery_channel: 'email' }
	});
	await rest(page, '/rest/v1/request_events', {
		method: 'POST',
		body: { id: crypto.randomUUID(), request_id: requestId, organisation_id: org!.id, type: 'sent', occurred_at: sentAt, payload: { channel: 'email' } }
	});
	return { orgId: org!.id, requestId, sentAt };
}

test('offline updates show at once, survive a reload, and sync exactly once; fee and findings warnings; a viewer sees no edit controls', async ({ page, context, browser }) => {
	test.setTimeout(240_000);
	const { orgId, requestId } = await seedSentRequest(page);
	await page.goto(`/app/requests/${requestId}`);
	await expect(page.getByRole('heading', { name: 'ICE subpoenas 2025', level: 1 })).toBeVisible();
	await waitForServiceWorkerControl(page);
	await expect(page.getByTestId('tracked-status')).toHaveText('Sent');
	await expectAccessible(page);

	// Offline: acknowledged, then extension claimed, one tap each.
	await context.setOffline(true);
	await page.getByRole('button', { name: 'Agency acknowledged' }).click();
	await expect(page.getByTestId('tracked-status')).toHaveText('Acknowledged');
	await page.getByRole('button', { name: 'Agency claimed an extension' }).click();
	await expect(page.getByTestId('tracked-status')).toHaveText('Extended');
	const timeline = page.getByRole('list', { name: 'Timeline, newest first' });
	await expect(timeline.getByText('Saved on this device — will sync')).toHaveCount(2);
	await expectAccessible(page);

	// Reload while offline: still there, from this device.
	await page.reload();
	await expect(page.getByTestId('tracked-status')).toHaveText('Extended');
	await expect(timeline.getByText('Saved on this device — will sync')).toHaveCount(2);

	// Online again: synced once, and the request row says what the CORA engine says.
	await context.setOffline(false);
	await expect(timeline.getByText('Saved on this device — will sync')).toHaveCount(0, { timeout: 30_000 });
	await page.reload();
	const events = await rest<{ id: string; type: string; occurred_at: string; payload: Record<string, unknown> }[]>(
		page,
		`/rest/v1/request_events?select=id,type,occurred_at,payload&request_id=eq.${requestId}&order=occurred_at`
	);
	expect(events.map((e) => e.type)).toEqual(['sent', 'acknowledged', 'extension_claimed']);
	// What the CORA engine derives in the page from the server's events (online, after the reload).
	const due = page.locator('section#due');
	const expected = { status: await due.getAttribute('data-status'), due_on: await due.getAttribute('data-initial-due'), extended_due_on: await due.getAttribute('data-extended-due') };
	expect(expected.status).toBe('extended');
	expect(expected.extended_due_on! > expected.due_on!).toBe(true);
	const [row] = await rest<{ status: string; due_on: string; extended_due_on: string | null }[]>(page, `/rest/v1/records_requests?select=status,due_on,extended_due_on&id=eq.${requestId}`);
	expect(row).toEqual(expected);
	await expect(page.getByTestId('tracked-status')).toHaveText('Extended');

	// A fee estimate above the legal cap: a clear warning before saving, and saving still allowed.
	await page.getByText('Fee estimate received: add details').click();
	await page.getByLabel('Amount (USD)').first().fill('90.00');
	await page.getByLabel('Hourly rate (USD)').fill('45');
	const warning = page.getByRole('alert').filter({ hasText: 'more than Colorado law allows' });
	await expect(warning).toContainText('The agency charges $45.00/h; the law allows at most $41.37/h since');
	await expect(warning).toContainText('(C.R.S. 24-72-205)');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Save update' }).first().click();
	await expect(page.getByTestId('tracked-status')).toHaveText('Awaiting payment');

	// Records released, then findings the form refuses, in words.
	await page.getByText('Records released: add details').click();
	await page.getByRole('radio', { name: 'Part of the records' }).check();
	await page.getByRole('button', { name: 'Save update' }).first().click();
	await expect(page.getByTestId('tracked-status')).toHaveText('Partially released');
	await page.getByText('Record findings').click();
	const findings = page.locator('form.finding-form');
	await findings.getByLabel('Number of people').fill('-3');
	await findings.getByLabel('Number of records').fill('12');
	await findings.getByLabel('Period from').fill('2025-06-01');
	await findings.getByLabel('Period to').fill('2025-01-01');
	await findings.getByRole('button', { name: 'Save finding' }).click();
	await expect(findings.getByText('Choose at least one kind of data.')).toBeVisible();
	await expect(findings.getByText('A count cannot be negative.')).toBeVisible();
	await expect(findings.getByText('The period ends before it starts.')).toBeVisible();
	await expectAccessible(page);
	await findings.getByLabel('Home address').check();
	await findings.getByLabel('Number of people').fill('35');
	await findings.getByLabel('Period to').fill('2025-09-30');
	await findings.getByRole('button', { name: 'Save finding' }).click();
	await expect(page.getByRole('region', { name: 'Disclosure findings' }).getByText('People: 35 · Records: 12')).toBeVisible();
	await expect.poll(async () => (await rest<unknown[]>(page, `/rest/v1/disclosure_findings?select=id&request_id=eq.${requestId}`)).length, { timeout: 30_000 }).toBe(1);

	// A viewer: invited, accepts in the app, and sees the request with no edit controls.
	const viewerEmail = `tracking-viewer-${Date.now()}@example.org`;
	const invitation = await rest<{ token: string } | { token: string }[]>(page, '/rest/v1/rpc/create_invitation', { method: 'POST', body: { organisation_id: orgId, email: viewerEmail, role: 'viewer' } });
	const token = Array.isArray(invitation) ? invitation[0]!.token : invitation.token;
	const viewerContext = await browser.newContext();
	const viewer = await viewerContext.newPage();
	await signIn(viewer, viewerEmail);
	await viewer.goto(`/invitations/accept?token=${encodeURIComponent(token)}`);
	await viewer.getByRole('button', { name: /Accept and join/ }).click();
	await expect(viewer).toHaveURL(new RegExp(`/app/orgs/${orgId}`));
	await viewer.goto(`/app/requests/${requestId}`);
	await expect(viewer.getByRole('heading', { name: 'ICE subpoenas 2025', level: 1 })).toBeVisible();
	await expect(viewer.getByTestId('tracked-status')).toHaveText('Partially released');
	await expect(viewer.getByRole('heading', { name: 'Record an update' })).toHaveCount(0);
	await expect(viewer.getByText('Correct this')).toHaveCount(0);
	await expect(viewer.getByText('Record findings')).toHaveCount(0);
	await expect(viewer.getByRole('button', { name: /Save/ })).toHaveCount(0);
	await expectAccessible(viewer);
	await viewerContext.close();
});
