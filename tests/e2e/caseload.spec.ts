import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { waitForServiceWorkerControl } from './support/pwa';
import { signIn } from './support/sign-in';
import { rest } from './support/rest';

/** Today's date in Colorado, shifted by `days` calendar days. */
function coloradoDate(days = 0): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Denver' }).format(new Date());
	const date = new Date(`${today}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** A signed-in owner of a new organisation with one request in each section (and one closed). */
async function seedCaseload(page: Page): Promise<void> {
	await signIn(page, `caseload-${Date.now()}@example.org`);
	await page.getByLabel('Organisation name').fill('Caseload Rights Project');
	await page.getByRole('button', { name: 'Create organisation' }).click();
	await expect(page.getByRole('status')).toContainText('created');
	const [org] = await rest<{ id: string }[]>(page, '/rest/v1/organisations?select=id');
	const agencies = await rest<{ agency_id: string; abbreviation: string }[]>(
		page,
		`/rest/v1/organisation_agencies?select=agency_id,abbreviation&organisation_id=eq.${org!.id}&abbreviation=in.(CDLE,CDOR)`
	);
	const id = (abbreviation: string) => agencies.find((a) => a.abbreviation === abbreviation)!.agency_id;
	const sentAt = `${coloradoDate(-40)}T17:00:00Z`;
	const base = { organisation_id: org!.id, regime: 'CORA', sent_at: sentAt };
	await rest(page, '/rest/v1/records_requests', {
		method: 'POST',
		body: [
			{ ...base, agency_id: id('CDOR'), title: 'DMV data shared with ICE', status: 'sent', due_on: coloradoDate(-20), agency_tracking_number: 'R-2025-118', topic_tags: ['dmv'] },
			{ ...base, agency_id: id('CDLE'), title: 'Sponsor records subpoenas', status: 'acknowledged', due_on: coloradoDate(0), agency_tracking_number: null, topic_tags: [] },
			{ ...base, agency_id: id('CDLE'), title: 'Fee estimate pending', status: 'awaiting_payment', due_on: coloradoDate(-30), agency_tracking_number: null, topic_tags: [] },
			{ ...base, agency_id: id('CDLE'), title: 'Extended wage records', status: 'extended', due_on: coloradoDate(-1), agency_tracking_number: null, topic_tags: [], extended_due_on: coloradoDate(30) },
			{ ...base, agency_id: id('CDOR'), title: 'Released driver logs', status: 'released', due_on: coloradoDate(-30), agency_tracking_number: null, topic_tags: [] }
		].map((row) => ({ extended_due_on: null, ...row }))
	});
}

test('the caseload: sections, search, chase, offline copy, and filters without JavaScript', async ({ page, context, browser }) => {
	test.setTimeout(240_000);
	await seedCaseload(page);
	await page.goto('/app/requests');
	await expect(page.getByRole('heading', { name: 'Requests', level: 1 })).toBeVisible();
	const list = page.getByRole('list', { name: 'Requests' });
	const sections = page.getByRole('navigation', { name: 'Show requests' });
	await expect(list.getByRole('listitem')).toHaveCount(4);
	await expect(sections.getByRole('link', { name: /Open/ })).toHaveAttribute('aria-current', 'page');
	await expect(sections.getByRole('link', { name: /Overdue/ })).toContainText('1');
	await expect(list.getByRole('listitem').filter({ hasText: 'Sponsor records subpoenas' })).toContainText('Due today');
	await expect(list.getByRole('listitem').filter({ hasText: 'Extended wage records' })).toContainText('(extended)');
	await expect(list.getByRole('listitem').filter({ hasText: 'Fee estimate pending' })).toContainText('Clock paused — we owe a payment');
	await expectAccessible(page);

	// Sections.
	await sections.getByRole('link', { name: /Overdue/ }).click();
	await expect(page).toHaveURL(/section=overdue/);
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await expect(list.getByRole('listitem')).toContainText('DMV data shared with ICE');
	await expect(list.getByRole('listitem')).toContainText(/working days? overdue|Overdue since/);
	await sections.getByRole('link', { name: /Due soon/ }).click();
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await expect(list).toContainText('Sponsor records subpoenas');
	await sections.getByRole('link', { name: /Waiting on us/ }).click();
	await expect(list).toContainText('Fee estimate pending');
	await sections.getByRole('link', { name: /Waiting on agency/ }).click();
	await expect(list).toContainText('Extended wage records');
	await expectAccessible(page);

	// Search by tracking number and by agency name.
	await sections.getByRole('link', { name: /Open/ }).click();
	// The section's page replaces the form (search box emptied): typing before it arrives is lost.
	await expect(page).toHaveURL(/\/app\/requests$/);
	await page.getByLabel('Search requests').fill('2025-118');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await expect(list).toContainText('DMV data shared with ICE');
	await page.getByLabel('Search requests').fill('Labor and Employment');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(list.getByRole('listitem')).toHaveCount(3);
	await page.getByRole('link', { name: 'Clear search' }).click();
	await expect(list.getByRole('listitem')).toHaveCount(4);

	// Chase all overdue: the follow-up letter with the missed date, recorded through the outbox.
	await page.getByRole('link', { name: 'Chase all overdue (1)' }).click();
	await expect(page.getByRole('heading', { name: 'Chase overdue requests', level: 1 })).toBeVisible();
	await page.getByLabel('Your name').fill('Ana Ruiz');
	await page.getByLabel('Your contact details').fill('ana@example.org');
	await page.getByRole('button', { name: 'Fill in the letters' }).click();
	const chase = page.getByRole('article', { name: /Follow-up to Colorado Department of Revenue/ });
	await expect(chase.getByLabel('Follow-up letter')).toHaveValue(/The response was due by/);
	await expect(chase.getByLabel('Follow-up letter')).toHaveValue(/R-2025-118/);
	await expectAccessible(page);
	await chase.getByRole('button', { name: 'Record follow-up sent' }).click();
	await expect(chase.getByText(/Follow-up (recorded|saved on this device)/)).toBeVisible();
	await expect.poll(async () => (await rest<{ type: string }[]>(page, '/rest/v1/request_events?select=type&type=eq.note')).length, { timeout: 30_000 }).toBe(1);

	// Offline: the kept copy of the list, saying from when.
	await page.goto('/app/requests');
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByText(/You are offline\. Showing the copy from/)).toBeVisible();
	await expect(list.getByRole('listitem')).toHaveCount(4);
	await context.setOffline(false);
	await expect(page.getByText(/You are offline/)).toBeHidden();

	// Without JavaScript: the section links and the search form.
	const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() });
	const plain = await noJs.newPage();
	await plain.goto('/app/requests');
	await plain.getByRole('navigation', { name: 'Show requests' }).getByRole('link', { name: /Closed/ }).click();
	const plainList = plain.getByRole('list', { name: 'Requests' });
	await expect(plainList.getByRole('listitem')).toHaveCount(1);
	await expect(plainList).toContainText('Released driver logs');
	await plain.getByLabel('Search requests').fill('nothing like this');
	await plain.getByRole('button', { name: 'Search' }).click();
	await expect(plain).toHaveURL(/section=closed/);
	await expect(plain.getByText('No requests match “nothing like this”.')).toBeVisible();
	await noJs.close();
});
