import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { rest } from './support/rest';
import { signInWithMagicLink } from './support/sign-in';

const SUBJECT = 'Detainer requests from ICE';

async function createOrganisation(page: Page, name: string): Promise<void> {
	await page.goto('/app');
	await page.getByLabel('Organisation name').fill(name);
	await page.getByRole('button', { name: 'Create organisation' }).click();
	await expect(page.getByRole('status')).toContainText(`Organisation “${name}” created`);
}

async function newEditor(page: Page, label: string): Promise<string> {
	const email = `${label}-${Date.now()}@example.org`;
	await signInWithMagicLink(page, email);
	await createOrganisation(page, `${label} records project`);
	return email;
}

async function fillLetter(page: Page, subject = SUBJECT) {
	await page.getByLabel('Short subject').fill(subject);
	await page.getByLabel('Records wanted').fill('Every detainer request from ICE and the answers.');
	await page.getByLabel('Your name', { exact: true }).fill('Ana Reyes');
	await page.getByLabel('Your contact details').fill('ana@example.org');
	await page.getByLabel('From date').fill('2025-01-01');
	await page.getByLabel('To date').fill('2025-06-30');
}

async function chooseAgency(page: Page, search: string, name: RegExp) {
	await page.getByLabel('Search agencies').fill(search);
	await page.getByRole('checkbox', { name }).check();
}

const saveState = (page: Page) => page.getByRole('status').filter({ hasText: /Saved on this device|Synced|Saving|Not saved yet/ });

async function signedInContext(browser: Browser, email: string, javaScriptEnabled = true) {
	const context = await browser.newContext({ javaScriptEnabled });
	const page = await context.newPage();
	await signInWithMagicLink(page, email);
	return { context, page };
}

test('switching organisation keeps the agencies both directories have and says which were taken off', async ({ page, browser }) => {
	test.setTimeout(150_000);
	const email = await newEditor(page, 'switch');
	await createOrganisation(page, 'Second project');
	const organisations = await rest<{ id: string; name: string }[]>(page, '/rest/v1/organisations?select=id,name');
	const first = organisations.find((org) => org.name === 'switch records project')!;
	// An agency only the first organisation's directory has.
	await rest(page, '/rest/v1/agencies', { method: 'POST', body: { organisation_id: first.id, name: 'Adams County Sheriff’s Office', level: 'county', regime: 'CORA' } });

	await page.goto('/app/compose');
	const organisation = page.getByLabel('Organisation the request is from');
	await organisation.selectOption({ label: 'switch records project' });
	await fillLetter(page);
	await chooseAgency(page, 'Adams', /Adams County Sheriff’s Office/);
	await chooseAgency(page, 'CDLE', /\(CDLE\)/);
	await expect(page.getByText('2 agencies chosen')).toBeVisible();

	await organisation.selectOption({ label: 'Second project' });
	const notice = page.getByRole('status').filter({ hasText: 'taken off this request' });
	await expect(notice).toContainText('Adams County Sheriff’s Office is not in the agency directory of Second project, so it was taken off this request.');
	await expect(notice).toContainText('Everything else you wrote is kept.');
	await expect(page.getByText('1 agency chosen')).toBeVisible();
	await page.getByLabel('Search agencies').fill('CDLE');
	await expect(page.getByRole('checkbox', { name: /\(CDLE\)/ })).toBeChecked();
	await expect(page.getByRole('article', { name: /^Letter to / })).toHaveCount(1);
	await expect(page.getByLabel('Short subject')).toHaveValue(SUBJECT);
	await expectAccessible(page);
	await expect(saveState(page)).toContainText('Synced', { timeout: 20_000 });
	const [saved] = await rest<{ organisation_id: string; agency_ids: string[] }[]>(page, `/rest/v1/request_drafts?select=organisation_id,agency_ids&id=eq.${new URL(page.url()).searchParams.get('draft')}`);
	expect(saved!.organisation_id).not.toBe(first.id);
	expect(saved!.agency_ids).toHaveLength(1);

	// Without JavaScript the switch is only known when the form is sent: the same notice, nothing saved yet.
	const nojs = await signedInContext(browser, email, false);
	await nojs.page.goto('/app/compose');
	await nojs.page.getByLabel('Organisation the request is from').selectOption({ label: 'switch records project' });
	await fillLetter(nojs.page);
	// Without JavaScript the organisation's agencies are listed once the draft is saved with it.
	await nojs.page.getByRole('button', { name: 'Save draft' }).click();
	await expect(nojs.page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
	await nojs.page.getByRole('checkbox', { name: /Adams County Sheriff’s Office/ }).check();
	await nojs.page.getByRole('checkbox', { name: /\(CDLE\)/ }).check();
	await nojs.page.getByLabel('Organisation the request is from').selectOption({ label: 'Second project' });
	await nojs.page.getByRole('button', { name: 'Save draft' }).click();
	await expect(nojs.page.getByRole('status').filter({ hasText: 'taken off this request' })).toContainText('Adams County Sheriff’s Office is not in the agency directory of Second project');
	await expect(nojs.page.getByRole('checkbox', { name: /\(CDLE\)/ })).toBeChecked();
	await expect(nojs.page.getByLabel('Short subject')).toHaveValue(SUBJECT);
	await nojs.page.getByRole('button', { name: 'Save draft' }).click();
	await expect(nojs.page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
	await nojs.context.close();
});
