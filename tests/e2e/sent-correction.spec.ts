import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { waitForServiceWorkerControl } from './support/pwa';
import { ownerOfNewOrganisation } from './support/organisation';
import { signIn } from './support/sign-in';
import { rest } from './support/rest';

interface Seeded {
	orgId: string;
	requestId: string;
	sentId: string;
}

/**
 * A signed-in owner of a new organisation with a request to the Department of
 * Revenue (receipt cut-off 3:00 p.m.) recorded as sent through its portal on
 * Monday 3 March 2025 at 10:00 Colorado time: due Thursday 6 March.
 */
async function seedSentRequest(page: Page, who: string): Promise<Seeded> {
	const { orgId, agencyId } = await ownerOfNewOrganisation(page, who, 'Sent Corrections Project', 'CDOR');
	const requestId = crypto.randomUUID();
	const sentId = crypto.randomUUID();
	const sentAt = '2025-03-03T17:00:00Z';
	await rest(page, '/rest/v1/records_requests', {
		method: 'POST',
		body: {
			id: requestId, organisation_id: orgId, agency_id: agencyId, title: 'Driver records shared with ICE', letter_body: 'Dear Records Custodian, …',
			regime: 'CORA', status: 'sent', sent_at: sentAt, received_at: sentAt, due_on: '2025-03-06', delivery_channel: 'portal', agency_tracking_number: 'R-2025-118'
		}
	});
	await rest(page, '/rest/v1/request_events', {
		method: 'POST',
		body: { id: sentId, request_id: requestId, organisation_id: orgId, type: 'sent', occurred_at: sentAt, payload: { channel: 'portal', to: 'https://www.colorado.gov/revenue/cora' } }
	});
	return { orgId: orgId, requestId, sentId };
}

/** The 'sent' event in the timeline. */
const sentItem = (page: Page): Locator =>
	page.getByRole('list', { name: 'Timeline, newest first' }).getByRole('listitem').filter({ has: page.getByText('Request sent', { exact: true }) });

const correctionsOf = (page: Page, requestId: string) =>
	rest<{ id: string; corrects_event_id: string; payload: { reason?: string; occurred_at?: string; payload?: Record<string, unknown> } }[]>(
		page,
		`/rest/v1/request_events?select=id,corrects_event_id,payload&request_id=eq.${requestId}&type=eq.correction`
	);

const rowOf = async (page: Page, requestId: string) =>
	(await rest<{ sent_at: string; received_at: string; due_on: string | null; delivery_channel: string; agency_tracking_number: string | null }[]>(
		page,
		`/rest/v1/records_requests?select=sent_at,received_at,due_on,delivery_channel,agency_tracking_number&id=eq.${requestId}`
	))[0]!;

/** Invites a viewer, who accepts in another browser context and opens the request. */
async function openAsViewer(page: Page, browser: Browser, seeded: Seeded): Promise<{ viewer: Page; close: () => Promise<void> }> {
	const email = `sent-viewer-${Date.now()}@example.org`;
	const invitation = await rest<{ token: string } | { token: string }[]>(page, '/rest/v1/rpc/create_invitation', { method: 'POST', body: { organisation_id: seeded.orgId, email, role: 'viewer' } });
	const token = Array.isArray(invitation) ? invitation[0]!.token : invitation.token;
	const context = await browser.newContext();
	const viewer = await context.newPage();
	await signIn(viewer, email);
	await viewer.goto(`/invitations/accept?token=${encodeURIComponent(token)}`);
	await viewer.getByRole('button', { name: /Accept and join/ }).click();
	await expect(viewer).toHaveURL(new RegExp(`/app/orgs/${seeded.orgId}`));
	await viewer.goto(`/app/requests/${seeded.requestId}`);
	return { viewer, close: () => context.close() };
}

test('correcting the send time: the timeline says why, the due date follows the receipt cut-off, one correction on the server; a viewer sees no Correct', async ({ page, browser }) => {
	test.setTimeout(240_000);
	const seeded = await seedSentRequest(page, 'sent-fix');
	await page.goto(`/app/requests/${seeded.requestId}`);
	await expect(page.getByRole('heading', { name: 'Driver records shared with ICE', level: 1 })).toBeVisible();
	const due = page.locator('section#due');
	await expect(due).toHaveAttribute('data-initial-due', '2025-03-06');

	// The send's facts in words, not payload keys.
	const sent = sentItem(page);
	await expect(sent.getByRole('term')).toHaveText(['Sent by', 'Sent to', 'Agency tracking number']);
	await expect(sent.getByRole('definition')).toHaveText(['Agency portal', 'https://www.colorado.gov/revenue/cora', 'R-2025-118']);
	await expect(sent).not.toContainText('channel:');

	// The form starts from the send as recorded.
	await sent.getByText('Correct this').click();
	const form = sent.locator('form.sent-correction');
	await expect(form.getByLabel('Date and time sent (Colorado time)')).toHaveValue('2025-03-03T10:00');
	await expect(form.getByLabel('How it was sent')).toHaveValue('portal');
	await expect(form.getByLabel('Agency tracking number (optional)')).toHaveValue('R-2025-118');
	await expectAccessible(page);

	// A reason is needed, and what was typed stays.
	await form.getByLabel('Date and time sent (Colorado time)').fill('2025-03-04T15:30');
	await form.getByRole('button', { name: 'Save correction' }).click();
	await expect(form.getByText('Say why the send is corrected.')).toBeVisible();
	await expect(form.getByLabel('Why it is corrected')).toHaveAttribute('aria-invalid', 'true');
	await expect(form.getByLabel('Date and time sent (Colorado time)')).toHaveValue('2025-03-04T15:30');
	await expectAccessible(page);

	// Sent on Tuesday at 3:30 p.m., after the 3:00 p.m. cut-off: received Wednesday, due Monday 10 March.
	await form.getByLabel('Why it is corrected').fill('It went out the next afternoon');
	await form.getByRole('button', { name: 'Save correction' }).click();
	await expect(sent.getByRole('status')).toHaveText('Send corrected. The due date now counts from the corrected time.');
	await expect(sent).toContainText('Corrected: It went out the next afternoon');
	await expect.poll(async () => Date.parse((await sent.locator('time').getAttribute('datetime')) ?? '')).toBe(Date.parse('2025-03-04T22:30:00Z'));
	await expect(due).toHaveAttribute('data-initial-due', '2025-03-10');
	await expect(page.getByTestId('request-sent-at')).toContainText('March 4, 2025');

	await expect.poll(async () => (await correctionsOf(page, seeded.requestId)).length, { timeout: 30_000 }).toBe(1);
	const [correction] = await correctionsOf(page, seeded.requestId);
	expect(correction).toMatchObject({ corrects_event_id: seeded.sentId, payload: { reason: 'It went out the next afternoon', payload: { channel: 'portal', tracking_number: 'R-2025-118' } } });
	expect(Date.parse(correction!.payload.occurred_at!)).toBe(Date.parse('2025-03-04T22:30:00Z'));
	await expect.poll(async () => (await rowOf(page, seeded.requestId)).due_on, { timeout: 30_000 }).toBe('2025-03-10');
	const row = await rowOf(page, seeded.requestId);
	expect(Date.parse(row.sent_at)).toBe(Date.parse('2025-03-04T22:30:00Z'));
	expect(Date.parse(row.received_at)).toBe(Date.parse('2025-03-04T22:30:00Z'));

	// From the server after a reload: the same, and still one correction.
	await page.reload();
	await expect(sentItem(page)).toContainText('Corrected: It went out the next afternoon');
	await expect(page.locator('section#due')).toHaveAttribute('data-initial-due', '2025-03-10');
	expect(await correctionsOf(page, seeded.requestId)).toHaveLength(1);

	// A viewer sees the corrected send and no way to correct it.
	const { viewer, close } = await openAsViewer(page, browser, seeded);
	await expect(sentItem(viewer)).toContainText('Corrected: It went out the next afternoon');
	await expect(viewer.locator('section#due')).toHaveAttribute('data-initial-due', '2025-03-10');
	await expect(viewer.getByText('Correct this')).toHaveCount(0);
	await expect(viewer.getByRole('button', { name: 'Save correction' })).toHaveCount(0);
	await expectAccessible(viewer);
	await close();
});

test('offline: a correction of the send (after an update) shows at once with its due date, survives a reload, and syncs exactly once', async ({ page, context }) => {
	test.setTimeout(240_000);
	const seeded = await seedSentRequest(page, 'sent-offline');
	await page.goto(`/app/requests/${seeded.requestId}`);
	await expect(page.getByRole('heading', { name: 'Driver records shared with ICE', level: 1 })).toBeVisible();
	await waitForServiceWorkerControl(page);

	// Offline: first an update (its request-row change waits in the outbox, ahead of the correction's), then the correction.
	await context.setOffline(true);
	await page.getByRole('button', { name: 'Agency acknowledged' }).click();
	await expect(page.getByTestId('tracked-status')).toHaveText('Acknowledged');
	const sent = sentItem(page);
	await sent.getByText('Correct this').click();
	const form = sent.locator('form.sent-correction');
	// Tuesday at 2:59 p.m., before the cut-off: received that day, due Friday 7 March; by email, no tracking number.
	await form.getByLabel('Date and time sent (Colorado time)').fill('2025-03-04T14:59');
	await form.getByLabel('How it was sent').selectOption({ label: 'Email' });
	await form.getByLabel('Agency tracking number (optional)').fill('');
	await form.getByLabel('Why it is corrected').fill('Emailed on Tuesday, not sent through the portal');
	await form.getByRole('button', { name: 'Save correction' }).click();
	await expect(sent).toContainText('Corrected: Emailed on Tuesday, not sent through the portal');
	await expect(sent.getByText('Saved on this device — will sync')).toBeVisible();
	await expect(sent.getByRole('definition')).toHaveText(['Email']);
	await expect(page.locator('section#due')).toHaveAttribute('data-initial-due', '2025-03-07');

	await page.reload();
	await expect(sentItem(page)).toContainText('Corrected: Emailed on Tuesday, not sent through the portal');
	await expect(sentItem(page).getByText('Saved on this device — will sync')).toBeVisible();
	await expect(page.locator('section#due')).toHaveAttribute('data-initial-due', '2025-03-07');

	await context.setOffline(false);
	await expect(sentItem(page).getByText('Saved on this device — will sync')).toHaveCount(0, { timeout: 30_000 });
	await expect.poll(async () => (await rowOf(page, seeded.requestId)).due_on, { timeout: 30_000 }).toBe('2025-03-07');
	const row = await rowOf(page, seeded.requestId);
	expect(row).toMatchObject({ delivery_channel: 'email', agency_tracking_number: null });
	const events = await rest<{ type: string }[]>(page, `/rest/v1/request_events?select=type&request_id=eq.${seeded.requestId}&order=created_at`);
	expect(events.map((e) => e.type).sort()).toEqual(['acknowledged', 'correction', 'sent']);
	expect(Date.parse(row.sent_at)).toBe(Date.parse('2025-03-04T21:59:00Z'));
	const corrections = await correctionsOf(page, seeded.requestId);
	expect(corrections).toHaveLength(1);
	expect(corrections[0]!.payload.payload).toEqual({ channel: 'email', tracking_number: null });

	await page.reload();
	await expect(sentItem(page)).toContainText('Corrected: Emailed on Tuesday, not sent through the portal');
	await expect(page.locator('section#due')).toHaveAttribute('data-initial-due', '2025-03-07');
	expect(await correctionsOf(page, seeded.requestId)).toHaveLength(1);
});

test('without JavaScript: the send is corrected through the form action, problems explained and what was typed kept', async ({ page, browser }) => {
	test.setTimeout(180_000);
	const seeded = await seedSentRequest(page, 'sent-nojs');
	const context = await browser.newContext({ storageState: await page.context().storageState(), javaScriptEnabled: false });
	const plain = await context.newPage();
	await plain.goto(`/app/requests/${seeded.requestId}`);
	await expect(plain.getByRole('heading', { name: 'Driver records shared with ICE', level: 1 })).toBeVisible();
	await expect(plain.locator('section#due')).toHaveAttribute('data-initial-due', '2025-03-06');

	await sentItem(plain).getByText('Correct this').click();
	let form = sentItem(plain).locator('form.sent-correction');
	await expect(form.getByLabel('Date and time sent (Colorado time)')).toHaveValue('2025-03-03T10:00');
	await form.getByLabel('Date and time sent (Colorado time)').fill('2025-03-04T15:30');
	await form.getByRole('button', { name: 'Save correction' }).click();
	form = sentItem(plain).locator('form.sent-correction');
	await expect(form.getByText('Say why the send is corrected.')).toBeVisible();
	await expect(form.getByLabel('Date and time sent (Colorado time)')).toHaveValue('2025-03-04T15:30');
	expect(await correctionsOf(page, seeded.requestId)).toHaveLength(0);
	// (axe needs scripts in the page; the same markup is checked with JavaScript in the first test.)

	await form.getByLabel('Why it is corrected').fill('It went out the next afternoon');
	await form.getByRole('button', { name: 'Save correction' }).click();
	await expect(plain.getByRole('status').filter({ hasText: 'Send corrected.' })).toBeVisible();
	await expect(sentItem(plain)).toContainText('Corrected: It went out the next afternoon');
	await expect(plain.locator('section#due')).toHaveAttribute('data-initial-due', '2025-03-10');
	expect(await correctionsOf(page, seeded.requestId)).toHaveLength(1);
	expect((await rowOf(page, seeded.requestId)).due_on).toBe('2025-03-10');
	await context.close();
});
