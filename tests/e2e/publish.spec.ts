import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { ownerOfNewOrganisation } from './support/organisation';
import { waitForServiceWorkerControl } from './support/pwa';
import { rest } from './support/rest';
import { signIn } from './support/sign-in';

interface Seeded {
	orgId: string;
	agencyId: string;
	requestId: string;
}

/** Today's date in Colorado, shifted by `days` calendar days. */
function coloradoDate(days = 0): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Denver' }).format(new Date());
	const date = new Date(`${today}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** How the app writes a Colorado date in English ("March 1, 2027"). */
const longDate = (date: string) => new Intl.DateTimeFormat('en', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

/** A request with one release and one finding (35 people, 120 records; wage records and employer; ICE, administrative subpoena). */
async function seedRequest(page: Page, seeded: { orgId: string; agencyId: string }, title: string): Promise<string> {
	const requestId = crypto.randomUUID();
	const releaseId = crypto.randomUUID();
	const sentAt = '2025-03-03T17:00:00Z';
	await rest(page, '/rest/v1/records_requests', {
		method: 'POST',
		body: { id: requestId, organisation_id: seeded.orgId, agency_id: seeded.agencyId, title, letter_body: 'Dear Records Custodian, …', regime: 'CORA', status: 'partially_released', sent_at: sentAt, received_at: sentAt, delivery_channel: 'email' }
	});
	await rest(page, '/rest/v1/request_events', {
		method: 'POST',
		body: [
			{ id: crypto.randomUUID(), request_id: requestId, organisation_id: seeded.orgId, type: 'sent', occurred_at: sentAt, payload: { channel: 'email' } },
			{ id: releaseId, request_id: requestId, organisation_id: seeded.orgId, type: 'records_released', occurred_at: '2025-03-12T17:00:00Z', payload: { completeness: 'partial', pages: 40 } }
		]
	});
	await rest(page, '/rest/v1/disclosure_findings', {
		method: 'POST',
		body: {
			request_id: requestId,
			event_id: releaseId,
			data_categories: ['wage_records', 'employer'],
			people_count: 35,
			records_count: 120,
			period_start: '2024-07-01',
			period_end: '2024-12-31',
			legal_process: 'administrative_subpoena',
			recipient: 'ice',
			summary: 'Private note: names in the spreadsheet'
		}
	});
	return requestId;
}

async function seed(page: Page, who: string, title = 'Wage records shared with ICE'): Promise<Seeded> {
	const { orgId, agencyId } = await ownerOfNewOrganisation(page, who, 'Publishing Rights Project', 'CDLE');
	return { orgId, agencyId, requestId: await seedRequest(page, { orgId, agencyId }, title) };
}

const stateOf = async (page: Page, requestId: string) =>
	(await rest<{ publish_state: string; embargoed_until: string | null }[]>(page, `/rest/v1/records_requests?select=publish_state,embargoed_until&id=eq.${requestId}`))[0]!;

const panelOf = (page: Page): Locator => page.getByRole('region', { name: 'Publishing' });

/** Choose an option and press Continue (the date first, for an embargo). */
async function choose(panel: Locator, option: string, date?: string): Promise<void> {
	await panel.getByLabel(option).check();
	if (date !== undefined) await panel.getByLabel('Embargo ends on').fill(date);
	await panel.getByRole('button', { name: 'Continue' }).click();
}

/** Invites a viewer, who accepts in another browser context and opens the request. */
async function openAsViewer(page: Page, browser: Browser, seeded: Seeded): Promise<{ viewer: Page; close: () => Promise<void> }> {
	const email = `publish-viewer-${Date.now()}@example.org`;
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

test('an owner publishes a request after reading what becomes public, is refused a past embargo (choice kept), embargoes it and makes it private again; a viewer sees the state only', async ({ page, browser }) => {
	test.setTimeout(240_000);
	const seeded = await seed(page, 'publish-owner');
	await page.goto(`/app/requests/${seeded.requestId}`);
	await expect(page.getByRole('heading', { name: 'Wage records shared with ICE', level: 1 })).toBeVisible();
	const panel = panelOf(page);
	await expect(panel.getByTestId('publish-state')).toHaveText('Private');
	await expect(panel.getByLabel('Keep private')).toBeChecked();
	await expectAccessible(page);

	// Publish now: first the plain words of what becomes public and what never does.
	await choose(panel, 'Publish now');
	await expect(panel.getByRole('heading', { name: 'Publish this request’s counts now?' })).toBeFocused();
	await expect(panel).toContainText('Findings: 1 · People: 35 · Records: 120');
	await expect(panel.getByRole('listitem').filter({ hasText: 'Wage records: Findings: 1' })).toBeVisible();
	await expect(panel.getByRole('listitem').filter({ hasText: 'Administrative (immigration) subpoena' })).toBeVisible();
	await expect(panel.getByRole('listitem').filter({ hasText: 'ICE: Findings: 1' })).toBeVisible();
	await expect(panel).toContainText('Period covered: July 1, 2024 to December 31, 2024');
	await expect(panel).toContainText('What never becomes public: the letter, summaries, documents, names of people, and who filed the request.');
	await expect(panel).not.toContainText('Private note');
	await expectAccessible(page);
	await panel.getByRole('button', { name: 'Yes, publish now' }).click();
	await expect(panel.getByRole('status')).toHaveText('Publishing saved. This request is now: Published.');
	await expect(panel.getByTestId('publish-state')).toHaveText('Published');
	expect(await stateOf(page, seeded.requestId)).toEqual({ publish_state: 'published', embargoed_until: null });

	// An embargo ending in the past: explained, and the choice and date are kept.
	await choose(panel, 'Embargo until a date', '2020-01-01');
	await expect(panel.getByText('An embargo must end after today in Colorado. To publish now, choose Publish.')).toBeVisible();
	await expect(panel.getByLabel('Embargo until a date')).toBeChecked();
	await expect(panel.getByLabel('Embargo ends on')).toHaveValue('2020-01-01');
	await expect(panel.getByLabel('Embargo ends on')).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);

	// A future Colorado date.
	const until = coloradoDate(30);
	await choose(panel, 'Embargo until a date', until);
	await expect(panel.getByRole('heading', { name: `Publish this request’s counts on ${longDate(until)} (Colorado)?` })).toBeVisible();
	await panel.getByRole('button', { name: `Yes, embargo until ${longDate(until)}` }).click();
	await expect(panel.getByTestId('publish-state')).toHaveText(`Embargoed until ${longDate(until)} (Colorado)`);
	expect(await stateOf(page, seeded.requestId)).toEqual({ publish_state: 'embargoed', embargoed_until: until });

	// Private again.
	await choose(panel, 'Make private');
	await expect(panel.getByRole('heading', { name: 'Make this request private?' })).toBeVisible();
	await panel.getByRole('button', { name: 'Yes, make it private' }).click();
	await expect(panel.getByTestId('publish-state')).toHaveText('Private');
	expect(await stateOf(page, seeded.requestId)).toEqual({ publish_state: 'private', embargoed_until: null });
	const audit = await rest<{ details: { to: string } }[]>(page, `/rest/v1/audit_log?select=details&action=eq.request.publish_state_changed&target_id=eq.${seeded.requestId}&order=id`);
	expect(audit.map((row) => row.details.to)).toEqual(['published', 'embargoed', 'private']);

	// A viewer sees the state, no controls; posting the form anyway is refused, in words.
	const { viewer, close } = await openAsViewer(page, browser, seeded);
	const seen = panelOf(viewer);
	await expect(seen.getByTestId('publish-state')).toHaveText('Private');
	await expect(seen.getByText('Only owners and editors of this organisation can change it.')).toBeVisible();
	await expect(seen.getByRole('radio')).toHaveCount(0);
	await expect(seen.getByRole('button')).toHaveCount(0);
	await expectAccessible(viewer);
	const refused = await viewer.request.post(`/app/requests/${seeded.requestId}?/publish`, {
		form: { state: 'published', embargoed_until: '', confirm: 'yes' },
		headers: { origin: new URL(viewer.url()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(refused.status()).toBe(403);
	expect(await refused.text()).toContain('Nothing was changed: only owners and editors of this request’s organisation can change its publishing.');
	expect(await stateOf(page, seeded.requestId)).toEqual({ publish_state: 'private', embargoed_until: null });
	await close();
});

test('bulk from the list: an owner ticks requests and publishes them at once, sees each row’s state, makes one private again; a list with a request not theirs changes nothing; a viewer gets no checkboxes', async ({ page, browser }) => {
	test.setTimeout(240_000);
	const seeded = await seed(page, 'publish-bulk', 'Wage records (bulk)');
	const second = await seedRequest(page, seeded, 'Driver records (bulk)');
	const third = await seedRequest(page, seeded, 'Benefits records (bulk)');
	const until = coloradoDate(10);
	await rest(page, `/rest/v1/records_requests?id=eq.${third}`, { method: 'PATCH', body: { publish_state: 'embargoed', embargoed_until: until } });

	await page.goto('/app/requests');
	const list = page.getByRole('list', { name: 'Requests' });
	const row = (title: string) => list.getByRole('listitem').filter({ hasText: title });
	await expect(row('Benefits records (bulk)')).toContainText(`Embargoed until ${longDate(until)} (Colorado)`);
	await expect(row('Wage records (bulk)')).not.toContainText('Published');
	const bulk = page.getByRole('form', { name: 'Publish several requests' });
	await expect(bulk).toContainText('What never becomes public: the letter, summaries, documents, names of people, and who filed the request.');
	await expectAccessible(page);

	// Nothing ticked: said so, nothing changes.
	await bulk.getByRole('button', { name: 'Publish chosen now' }).click();
	await expect(page.getByRole('alert')).toHaveText('Tick at least one request first.');

	await page.getByRole('checkbox', { name: 'Choose “Wage records (bulk)”' }).check();
	await page.getByRole('checkbox', { name: 'Choose “Driver records (bulk)”' }).check();
	await bulk.getByRole('button', { name: 'Publish chosen now' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Done' })).toHaveText('Done: the 2 chosen requests are now “Published”.');
	await expect(row('Wage records (bulk)')).toContainText('Published');
	await expect(row('Driver records (bulk)')).toContainText('Published');
	await expect(row('Benefits records (bulk)')).toContainText('Embargoed until');
	await expect(page.getByRole('checkbox', { name: 'Choose “Wage records (bulk)”' })).not.toBeChecked();
	expect((await stateOf(page, seeded.requestId)).publish_state).toBe('published');
	expect((await stateOf(page, second)).publish_state).toBe('published');
	await expectAccessible(page);

	await page.getByRole('checkbox', { name: 'Choose “Driver records (bulk)”' }).check();
	await bulk.getByRole('button', { name: 'Make chosen private' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Done' })).toHaveText('Done: the chosen request is now “Private”.');
	await expect(row('Driver records (bulk)')).not.toContainText('Published');
	expect((await stateOf(page, second)).publish_state).toBe('private');

	// All or nothing: with a request that is not the owner's, nothing changes and the page says how many.
	const mixed = new URLSearchParams([['ids', second], ['ids', crypto.randomUUID()], ['state', 'published']]);
	const answer = await page.request.post('/app/requests?/publish', {
		data: mixed.toString(),
		headers: { origin: new URL(page.url()).origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		maxRedirects: 0
	});
	expect(answer.status()).toBe(403);
	expect(await answer.text()).toContain('Nothing was changed: you may not change the publishing of 1 of the 2 requests chosen.');
	expect((await stateOf(page, second)).publish_state).toBe('private');

	const { viewer, close } = await openAsViewer(page, browser, seeded);
	await viewer.goto('/app/requests');
	await expect(viewer.getByRole('list', { name: 'Requests' }).getByRole('listitem').filter({ hasText: 'Wage records (bulk)' })).toContainText('Published');
	await expect(viewer.getByRole('checkbox')).toHaveCount(0);
	await expect(viewer.getByRole('form', { name: 'Publish several requests' })).toHaveCount(0);
	await close();
});

test('offline: a publish waits in the outbox, the panel says so, and it syncs when the device is back online', async ({ page, context }) => {
	test.setTimeout(180_000);
	const seeded = await seed(page, 'publish-offline');
	await page.goto(`/app/requests/${seeded.requestId}`);
	await expect(page.getByRole('heading', { name: 'Wage records shared with ICE', level: 1 })).toBeVisible();
	await waitForServiceWorkerControl(page);
	const panel = panelOf(page);

	await context.setOffline(true);
	await choose(panel, 'Publish now');
	await expect(panel).toContainText('Findings: 1 · People: 35 · Records: 120');
	await panel.getByRole('button', { name: 'Yes, publish now' }).click();
	await expect(panel.getByRole('status')).toHaveText('Waiting to sync: this request becomes “Published” when this device is back online.');
	await expect(panel.getByTestId('publish-state')).toHaveText('Private');
	await expectAccessible(page);

	await context.setOffline(false);
	await expect(panel.getByText('Waiting to sync')).toHaveCount(0, { timeout: 30_000 });
	await expect(panel.getByTestId('publish-state')).toHaveText('Published');
	expect(await stateOf(page, seeded.requestId)).toEqual({ publish_state: 'published', embargoed_until: null });
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the publish form asks first, publishes, refuses a past embargo keeping the choice, and goes back on request; the list publishes in bulk', async ({ page, browser }) => {
		test.setTimeout(180_000);
		// Seeding reads the session in the page (scripts), so it runs in a context with JavaScript, then lends its cookies.
		const seeding = await browser.newContext();
		const owner = await seeding.newPage();
		const seeded = await seed(owner, 'publish-nojs');
		await page.context().addCookies((await seeding.storageState()).cookies);

		await page.goto(`/app/requests/${seeded.requestId}`);
		const panel = panelOf(page);
		await expect(panel.getByTestId('publish-state')).toHaveText('Private');

		await choose(panel, 'Publish now');
		await expect(panel.getByRole('heading', { name: 'Publish this request’s counts now?' })).toBeVisible();
		await expect(panel).toContainText('Findings: 1 · People: 35 · Records: 120');
		await expect(panel).toContainText('What never becomes public');
		// "Change my choice" shows the choices again with the one made.
		await panel.getByRole('button', { name: 'Change my choice' }).click();
		await expect(panel.getByLabel('Publish now')).toBeChecked();
		await panel.getByRole('button', { name: 'Continue' }).click();
		await panel.getByRole('button', { name: 'Yes, publish now' }).click();
		await expect(page).toHaveURL(/saved=publish/);
		await expect(panel.getByRole('status')).toHaveText('Publishing saved. This request is now: Published.');
		expect(await stateOf(owner, seeded.requestId)).toEqual({ publish_state: 'published', embargoed_until: null });

		await choose(panel, 'Embargo until a date', '2020-01-01');
		await expect(panel.getByText('An embargo must end after today in Colorado. To publish now, choose Publish.')).toBeVisible();
		await expect(panel.getByLabel('Embargo until a date')).toBeChecked();
		await expect(panel.getByLabel('Embargo ends on')).toHaveValue('2020-01-01');
		expect(await stateOf(owner, seeded.requestId)).toEqual({ publish_state: 'published', embargoed_until: null });

		await choose(panel, 'Make private');
		await panel.getByRole('button', { name: 'Yes, make it private' }).click();
		await expect(panel.getByTestId('publish-state')).toHaveText('Private');
		expect(await stateOf(owner, seeded.requestId)).toEqual({ publish_state: 'private', embargoed_until: null });
		// The list's bulk form too: the rows' checkboxes belong to it without scripts.
		await page.goto('/app/requests');
		await page.getByRole('checkbox', { name: 'Choose “Wage records shared with ICE”' }).check();
		await page.getByRole('form', { name: 'Publish several requests' }).getByRole('button', { name: 'Publish chosen now' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Done' })).toHaveText('Done: the chosen request is now “Published”.');
		expect(await stateOf(owner, seeded.requestId)).toEqual({ publish_state: 'published', embargoed_until: null });
		// (axe needs scripts in the page; the same markup is checked with JavaScript above.)
		await seeding.close();
	});
});
