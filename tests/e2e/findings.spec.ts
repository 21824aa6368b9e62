import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { waitForServiceWorkerControl } from './support/pwa';
import { ownerOfNewOrganisation } from './support/organisation';
import { signIn } from './support/sign-in';
import { rest } from './support/rest';

interface Seeded {
	orgId: string;
	requestId: string;
	releaseId: string;
}

/** A signed-in owner of a new organisation with a request to CDLE, sent on 3 March 2025 and released in part on 12 March. */
async function seedReleasedRequest(page: Page, who: string): Promise<Seeded> {
	const { orgId, agencyId } = await ownerOfNewOrganisation(page, who, 'Findings Rights Project', 'CDLE');
	const requestId = crypto.randomUUID();
	const releaseId = crypto.randomUUID();
	const sentAt = '2025-03-03T17:00:00Z';
	await rest(page, '/rest/v1/records_requests', {
		method: 'POST',
		body: { id: requestId, organisation_id: orgId, agency_id: agencyId, title: 'Wage records shared with ICE', letter_body: 'Dear Records Custodian, …', regime: 'CORA', status: 'partially_released', sent_at: sentAt, received_at: sentAt, delivery_channel: 'email' }
	});
	await rest(page, '/rest/v1/request_events', {
		method: 'POST',
		body: [
			{ id: crypto.randomUUID(), request_id: requestId, organisation_id: orgId, type: 'sent', occurred_at: sentAt, payload: { channel: 'email' } },
			{ id: releaseId, request_id: requestId, organisation_id: orgId, type: 'records_released', occurred_at: '2025-03-12T17:00:00Z', payload: { completeness: 'partial', pages: 40 } }
		]
	});
	return { orgId: orgId, requestId, releaseId };
}

const findingsOf = (page: Page, requestId: string) =>
	rest<{ id: string; event_id: string | null; people_count: number | null; period_start: string | null; period_end: string | null }[]>(
		page,
		`/rest/v1/disclosure_findings?select=id,event_id,people_count,period_start,period_end&request_id=eq.${requestId}`
	);

/** The release in the timeline, and the findings section at the foot of the page. */
function regions(page: Page): { release: Locator; findings: Locator } {
	const timeline = page.getByRole('list', { name: 'Timeline, newest first' });
	return {
		release: timeline.getByRole('listitem').filter({ has: page.getByText('Records released', { exact: true }) }).first(),
		findings: page.getByRole('region', { name: 'Disclosure findings' })
	};
}

/** Invites a viewer, who accepts in another browser context and opens the request. */
async function openAsViewer(page: Page, browser: Browser, seeded: Seeded): Promise<{ viewer: Page; close: () => Promise<void> }> {
	const email = `findings-viewer-${Date.now()}@example.org`;
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

test('a finding recorded from a release shows under it, is edited with problems explained (offline too), and is deleted after confirming; a viewer sees no controls', async ({ page, browser }) => {
	test.setTimeout(300_000);
	const seeded = await seedReleasedRequest(page, 'findings');
	await page.goto(`/app/requests/${seeded.requestId}`);
	await expect(page.getByRole('heading', { name: 'Wage records shared with ICE', level: 1 })).toBeVisible();
	await waitForServiceWorkerControl(page);
	const { release, findings } = regions(page);

	// Record a finding from the release.
	await release.getByText('Record findings').click();
	const form = release.locator('form.finding-form');
	await form.getByLabel('Wage records').check();
	await form.getByLabel('Employer').check();
	await form.getByLabel('Number of people').fill('35');
	await form.getByLabel('Number of records').fill('120');
	await form.getByLabel('Legal process cited').selectOption({ label: 'Administrative (immigration) subpoena, not signed by a judge' });
	await form.getByLabel('Who received it').selectOption({ label: 'ICE' });
	await form.getByRole('button', { name: 'Save finding' }).click();
	await expect(form.getByRole('status')).toHaveText('Finding saved.');

	// Under the release in the timeline, and in the findings section with the release it came from.
	const underRelease = release.getByRole('list', { name: 'Findings from this release' });
	await expect(underRelease.getByRole('link', { name: 'Employer, Wage records — People: 35 · Records: 120' })).toBeVisible();
	const card = findings.getByRole('listitem').filter({ hasText: 'Employer, Wage records' });
	await expect(card).toContainText('From the release of March 12, 2025');
	await expect.poll(async () => (await findingsOf(page, seeded.requestId)).map((f) => f.event_id), { timeout: 30_000 }).toEqual([seeded.releaseId]);
	await page.reload();
	await expect(regions(page).release.getByRole('list', { name: 'Findings from this release' })).toContainText('People: 35 · Records: 120');
	await expectAccessible(page);

	// Edit it: a negative count and a period ending before it starts are explained, and what was typed stays.
	await card.getByText('Edit finding').click();
	const edit = card.locator('form.finding-form');
	await expect(edit.getByLabel('Number of people')).toHaveValue('35');
	await edit.getByLabel('Number of people').fill('-3');
	await edit.getByLabel('Period from').fill('2025-06-01');
	await edit.getByLabel('Period to').fill('2025-01-01');
	await edit.getByRole('button', { name: 'Save changes' }).click();
	await expect(edit.getByRole('alert')).toHaveText('The finding was not saved: fix the problems below.');
	await expect(edit.getByText('A count cannot be negative.')).toBeVisible();
	await expect(edit.getByText('The period ends before it starts.')).toBeVisible();
	await expect(edit.getByLabel('Number of people')).toHaveValue('-3');
	await expect(edit.getByLabel('Period to')).toHaveValue('2025-01-01');
	await expect(edit.getByLabel('Number of people')).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);
	await edit.getByLabel('Number of people').fill('40');
	await edit.getByLabel('Period to').fill('2025-09-30');
	await edit.getByRole('button', { name: 'Save changes' }).click();
	await expect(edit.getByRole('status')).toHaveText('Finding updated.');
	await expect(card).toContainText('People: 40 · Records: 120');
	await expect(card).toContainText('Period: 2025-06-01 to 2025-09-30');
	await expect.poll(async () => (await findingsOf(page, seeded.requestId))[0], { timeout: 30_000 }).toMatchObject({ people_count: 40, period_start: '2025-06-01', period_end: '2025-09-30', event_id: seeded.releaseId });

	// Offline: an edit shows at once, survives a reload, and syncs once back online.
	await page.context().setOffline(true);
	await edit.getByLabel('Number of records').fill('121');
	await edit.getByRole('button', { name: 'Save changes' }).click();
	await expect(card).toContainText('People: 40 · Records: 121');
	await expect(card.getByText('Saved on this device — will sync')).toBeVisible();
	await page.reload();
	const offlineCard = regions(page).findings.getByRole('listitem').filter({ hasText: 'Employer, Wage records' });
	await expect(offlineCard).toContainText('People: 40 · Records: 121');
	await expect(offlineCard.getByText('Saved on this device — will sync')).toBeVisible();
	await page.context().setOffline(false);
	await expect(offlineCard.getByText('Saved on this device — will sync')).toHaveCount(0, { timeout: 30_000 });
	await expect.poll(async () => (await rest<{ records_count: number }[]>(page, `/rest/v1/disclosure_findings?select=records_count&request_id=eq.${seeded.requestId}`))[0]?.records_count, { timeout: 30_000 }).toBe(121);

	// A viewer sees the finding under its release, and no control to change it.
	const { viewer, close } = await openAsViewer(page, browser, seeded);
	const seen = regions(viewer);
	await expect(seen.release.getByRole('list', { name: 'Findings from this release' })).toContainText('People: 40 · Records: 121');
	await expect(seen.findings).toContainText('From the release of March 12, 2025');
	await expect(viewer.getByText('Edit finding')).toHaveCount(0);
	await expect(viewer.getByRole('button', { name: 'Delete finding' })).toHaveCount(0);
	await expect(viewer.getByText('Record findings')).toHaveCount(0);
	await expectAccessible(viewer);
	await close();

	// Delete: it asks first; "Keep it" keeps it; "Yes, delete it" deletes it.
	await page.reload();
	const kept = regions(page).findings.getByRole('listitem').filter({ hasText: 'Employer, Wage records' });
	await kept.getByRole('button', { name: 'Delete finding' }).click();
	await expect(kept.getByRole('alert')).toHaveText('Delete this finding? This cannot be undone.');
	await expectAccessible(page);
	await kept.getByRole('link', { name: 'Keep it' }).click();
	await expect(kept.getByRole('button', { name: 'Delete finding' })).toBeFocused();
	await kept.getByRole('button', { name: 'Delete finding' }).click();
	await kept.getByRole('button', { name: 'Yes, delete it' }).click();
	await expect(regions(page).findings.getByRole('listitem')).toHaveCount(0);
	await expect(regions(page).release.getByRole('list', { name: 'Findings from this release' })).toHaveCount(0);
	await expect.poll(async () => (await findingsOf(page, seeded.requestId)).length, { timeout: 30_000 }).toBe(0);
	await page.reload();
	await expect(regions(page).findings).toContainText('No findings yet.');
});

test('without JavaScript: record from a release, edit with problems explained and what was typed kept, delete after confirming', async ({ page, browser }) => {
	test.setTimeout(180_000);
	const seeded = await seedReleasedRequest(page, 'findings-nojs');
	const context = await browser.newContext({ storageState: await page.context().storageState(), javaScriptEnabled: false });
	const plain = await context.newPage();
	await plain.goto(`/app/requests/${seeded.requestId}`);
	await expect(plain.getByRole('heading', { name: 'Wage records shared with ICE', level: 1 })).toBeVisible();

	let { release, findings } = regions(plain);
	await release.getByText('Record findings').click();
	const form = release.locator('form.finding-form');
	await form.getByLabel('Home address').check();
	await form.getByLabel('Number of people').fill('12');
	await form.getByLabel('Unknown').nth(1).check();
	await form.getByRole('button', { name: 'Save finding' }).click();
	await expect(plain.getByRole('status').filter({ hasText: 'Finding saved.' })).toBeVisible();
	({ release, findings } = regions(plain));
	await expect(release.getByRole('list', { name: 'Findings from this release' })).toContainText('Home address — People: 12 · Records: Unknown');
	const [saved] = await findingsOf(page, seeded.requestId);
	expect(saved).toMatchObject({ event_id: seeded.releaseId, people_count: 12 });

	const card = findings.getByRole('listitem').filter({ hasText: 'Home address' });
	await card.getByText('Edit finding').click();
	let edit = card.locator('form.finding-form');
	await edit.getByLabel('Number of people').fill('-1');
	await edit.getByLabel('Period from').fill('2025-05-01');
	await edit.getByLabel('Period to').fill('2025-02-01');
	await edit.getByRole('button', { name: 'Save changes' }).click();
	edit = regions(plain).findings.getByRole('listitem').filter({ hasText: 'Home address' }).locator('form.finding-form');
	await expect(edit.getByText('A count cannot be negative.')).toBeVisible();
	await expect(edit.getByText('The period ends before it starts.')).toBeVisible();
	await expect(edit.getByLabel('Number of people')).toHaveValue('-1');
	await expect(edit.getByLabel('Period from')).toHaveValue('2025-05-01');
	// (axe needs scripts in the page; the same markup is checked with JavaScript in the test above.)
	await edit.getByLabel('Number of people').fill('14');
	await edit.getByLabel('Period to').fill('2025-08-01');
	await edit.getByRole('button', { name: 'Save changes' }).click();
	await expect(plain.getByRole('status').filter({ hasText: 'Finding updated.' })).toBeVisible();
	expect((await findingsOf(page, seeded.requestId))[0]).toMatchObject({ people_count: 14, period_start: '2025-05-01', period_end: '2025-08-01' });

	const again = regions(plain).findings.getByRole('listitem').filter({ hasText: 'Home address' });
	await again.getByRole('button', { name: 'Delete finding' }).click();
	const asked = regions(plain).findings.getByRole('listitem').filter({ hasText: 'Home address' });
	await expect(asked.getByRole('alert')).toHaveText('Delete this finding? This cannot be undone.');
	expect(await findingsOf(page, seeded.requestId)).toHaveLength(1);
	await asked.getByRole('button', { name: 'Yes, delete it' }).click();
	await expect(plain.getByRole('status').filter({ hasText: 'Finding deleted.' })).toBeVisible();
	await expect(regions(plain).findings).toContainText('No findings yet.');
	expect(await findingsOf(page, seeded.requestId)).toHaveLength(0);
	await context.close();
});
