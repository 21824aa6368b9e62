import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { waitForServiceWorkerControl } from './support/pwa';
import { rest } from './support/rest';
import { signIn } from './support/sign-in';

const SUBJECT = 'Detainer requests from ICE';

async function createOrganisation(page: Page, name: string): Promise<void> {
	await page.goto('/app');
	await page.getByLabel('Organisation name').fill(name);
	await page.getByRole('button', { name: 'Create organisation' }).click();
	await expect(page.getByRole('status')).toContainText(`Organisation “${name}” created`);
}

async function newEditor(page: Page, label: string): Promise<string> {
	const email = `${label}-${Date.now()}@example.org`;
	await signIn(page, email);
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

/** A synced draft written in the composer; returns its id. */
async function syncedDraft(page: Page, subject = SUBJECT, agency?: string): Promise<string> {
	await page.goto('/app/compose');
	await fillLetter(page, subject);
	if (agency) await chooseAgency(page, agency, new RegExp(`\\(${agency}\\)`));
	await expect(page).toHaveURL(/\/app\/compose\?draft=[0-9a-f-]{36}$/);
	await expect(saveState(page)).toContainText('Synced', { timeout: 20_000 });
	return new URL(page.url()).searchParams.get('draft')!;
}

/**
 * The drafts page has settled this device's drafts with the server (what it tells about drafts filed or deleted
 * elsewhere is told): a device that is still checking when a draft is filed elsewhere learns it in that check.
 */
const draftsSettled = (page: Page) => expect(page.locator('[role="status"][aria-busy]')).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });

const draftRows = (page: Page, id: string) => rest<{ id: string }[]>(page, `/rest/v1/request_drafts?select=id&id=eq.${id}`);

async function signedInContext(browser: Browser, email: string, javaScriptEnabled = true) {
	const context = await browser.newContext({ javaScriptEnabled });
	const page = await context.newPage();
	await signIn(page, email);
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

test('a draft is deleted from the list after a question, and leaves the other device too', async ({ page, browser }) => {
	test.setTimeout(150_000);
	const email = await newEditor(page, 'listdelete');
	const id = await syncedDraft(page);
	// Another device has the draft too (it pulled it from the list).
	const other = await signedInContext(browser, email);
	await other.page.goto('/app/drafts');
	await expect(other.page.getByRole('link', { name: SUBJECT })).toBeVisible();
	await draftsSettled(other.page);

	await page.goto('/app/drafts');
	const item = page.getByRole('listitem').filter({ hasText: SUBJECT });
	const deleteButton = item.getByRole('button', { name: `Delete “${SUBJECT}”` });
	await deleteButton.click();
	const question = page.getByRole('region', { name: `Delete the draft “${SUBJECT}”?` });
	await expect(question).toBeFocused();
	await expectAccessible(page);
	await question.getByRole('button', { name: 'Keep the draft' }).click();
	await expect(question).toHaveCount(0);
	await expect(deleteButton).toBeFocused();
	await expect(draftRows(page, id)).resolves.toHaveLength(1);

	await deleteButton.click();
	await page.getByRole('button', { name: 'Yes, delete the draft' }).click();
	await expect(page.getByRole('status').filter({ hasText: `The draft “${SUBJECT}” was deleted.` })).toBeVisible();
	await expect(page.getByRole('link', { name: SUBJECT })).toHaveCount(0);
	await expect(page.getByText('No drafts yet.')).toBeVisible();
	await expect.poll(async () => (await draftRows(page, id)).length, { timeout: 20_000 }).toBe(0);
	await expectAccessible(page);

	// The other device had it unchanged: it goes from there too, and the user is told.
	await other.page.reload();
	await expect(other.page.getByRole('status')).toContainText(`“${SUBJECT}” was deleted on another device, so it was removed from this device too.`);
	await expect(other.page.getByRole('link', { name: SUBJECT })).toHaveCount(0);
	await other.context.close();
});

test('a draft deleted offline is gone at once, stays gone, and is deleted on the server exactly once when back online', async ({ page, context }) => {
	test.setTimeout(150_000);
	await newEditor(page, 'offlinedelete');
	const id = await syncedDraft(page);
	await page.goto('/app/drafts');
	await waitForServiceWorkerControl(page);
	let deletes = 0;
	page.on('response', (response) => {
		if (response.request().method() === 'DELETE' && response.url().includes('/rest/v1/request_drafts') && response.ok()) deletes += 1;
	});

	await context.setOffline(true);
	await page.getByRole('button', { name: `Delete “${SUBJECT}”` }).click();
	await page.getByRole('button', { name: 'Yes, delete the draft' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'deleted on this device' })).toContainText(
		`The draft “${SUBJECT}” was deleted on this device. It is removed from your organisation’s other devices when this device is back online.`
	);
	await expect(page.getByRole('link', { name: SUBJECT })).toHaveCount(0);
	await expect(page.getByText('1 change waiting to sync')).toBeVisible();

	// The page kept for offline use still lists it (it was read before): it must not come back.
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Drafts', level: 1 })).toBeVisible();
	await expect(page.getByText('No drafts yet.')).toBeVisible();
	await expect(page.getByRole('link', { name: SUBJECT })).toHaveCount(0);

	await context.setOffline(false);
	await expect.poll(async () => (await draftRows(page, id)).length, { timeout: 30_000 }).toBe(0);
	await expect(page.getByText(/change(s)? waiting to sync/)).toHaveCount(0, { timeout: 20_000 });
	await page.reload();
	await expect(page.getByText('No drafts yet.')).toBeVisible();
	expect(deletes).toBe(1);
});

test('without JavaScript, a draft is deleted after the question', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await newEditor(page, 'nojsdelete');
	await page.goto('/app/compose');
	await fillLetter(page);
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
	const id = new URL(page.url()).searchParams.get('draft')!;

	await page.goto('/app/drafts');
	await page.getByRole('button', { name: `Delete “${SUBJECT}”` }).click();
	const question = page.getByRole('region', { name: `Delete the draft “${SUBJECT}”?` });
	await expect(question).toBeVisible();
	await question.getByRole('link', { name: 'Keep the draft' }).click();
	await expect(page.getByRole('link', { name: SUBJECT })).toBeVisible();
	expect(await draftRows(page, id)).toHaveLength(1);

	await page.getByRole('button', { name: `Delete “${SUBJECT}”` }).click();
	await page.getByRole('button', { name: 'Yes, delete the draft' }).click();
	await expect(page).toHaveURL(/\/app\/drafts\?deleted$/);
	await expect(page.getByRole('status')).toContainText('The draft was deleted.');
	await expect(page.getByRole('link', { name: SUBJECT })).toHaveCount(0);
	expect(await draftRows(page, id)).toHaveLength(0);

	// From the composer too.
	await page.goto('/app/compose');
	await fillLetter(page, 'Second draft');
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
	const second = new URL(page.url()).searchParams.get('draft')!;
	await page.getByRole('button', { name: 'Delete this draft' }).click();
	await expect(page.getByRole('region', { name: 'Delete the draft “Second draft”?' })).toBeVisible();
	await page.getByRole('button', { name: 'Yes, delete the draft' }).click();
	await expect(page).toHaveURL(/\/app\/drafts\?deleted$/);
	expect(await draftRows(page, second)).toHaveLength(0);
	await context.close();
});

test('a draft is deleted from the composer after a question', async ({ page }) => {
	await newEditor(page, 'composerdelete');
	const id = await syncedDraft(page);
	await page.getByRole('button', { name: 'Delete this draft' }).click();
	const question = page.getByRole('region', { name: `Delete the draft “${SUBJECT}”?` });
	await expect(question).toBeFocused();
	await question.getByRole('button', { name: 'Yes, delete the draft' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'The draft was deleted.' })).toBeFocused();
	await expect(page.getByLabel('Short subject')).toHaveCount(0);
	await expectAccessible(page);
	await expect.poll(async () => (await draftRows(page, id)).length, { timeout: 20_000 }).toBe(0);
	await page.getByRole('link', { name: 'Back to your drafts' }).click();
	await expect(page.getByText('No drafts yet.')).toBeVisible();
});

test('a draft filed on another device is settled in words, not shown as a refused change', async ({ page, browser }) => {
	test.setTimeout(180_000);
	const email = await newEditor(page, 'filedelsewhere');
	const id = await syncedDraft(page, SUBJECT, 'CDLE');

	// Two other devices hold the draft: one still has it open, one only has it in its list.
	const open = await signedInContext(browser, email);
	await open.page.goto(`/app/compose?draft=${id}`);
	await expect(open.page.getByLabel('Short subject')).toHaveValue(SUBJECT);
	await expect(saveState(open.page)).toContainText('Synced', { timeout: 20_000 });
	const listed = await signedInContext(browser, email);
	await listed.page.goto('/app/drafts');
	await expect(listed.page.getByRole('link', { name: SUBJECT })).toBeVisible();
	await draftsSettled(listed.page);

	// This device files it.
	const filing = page.getByRole('region', { name: 'File the request' });
	await filing.getByRole('article', { name: /\(CDLE\)/ }).getByRole('button', { name: 'Record as sent' }).click();
	await expect(filing.getByText('All 1 requests are recorded.')).toBeVisible({ timeout: 30_000 });
	await expect.poll(async () => (await rest<{ filed_at: string | null }[]>(page, `/rest/v1/request_drafts?select=filed_at&id=eq.${id}`))[0]?.filed_at, { timeout: 30_000 }).toBeTruthy();

	// The device with the draft open changes it: the change cannot go into a filed draft.
	await open.page.getByLabel('Short subject').fill('Changed on the second device');
	const notice = open.page.getByRole('status').filter({ hasText: 'This draft was filed on another device' });
	await expect(notice).toContainText('This draft was filed on another device, so it can no longer be changed.', { timeout: 30_000 });
	await expect(notice).toContainText('What you changed here after that is kept as a new draft.');
	await expect(open.page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
	await expect(open.page.getByRole('button', { name: 'Discard' })).toHaveCount(0);
	await expect(open.page.getByText(/change(s)? waiting to sync/)).toHaveCount(0, { timeout: 20_000 });
	await expect(open.page.getByLabel('Short subject')).toHaveCount(0);
	await expectAccessible(open.page);
	await notice.getByRole('link', { name: 'Open your copy' }).click();
	await expect(open.page.getByLabel('Short subject')).toHaveValue('Changed on the second device');
	await open.page.goto('/app/drafts');
	const list = open.page.getByRole('list', { name: 'Your drafts' });
	await expect(list.getByRole('link', { name: /^Changed on the second device \(copy from this device/ })).toBeVisible();
	await expect(list.getByRole('link', { name: SUBJECT, exact: true })).toHaveCount(0);
	await open.context.close();

	// The device that only had it in its list is told, and the filed draft leaves its drafts.
	await listed.page.reload();
	await expect(listed.page.getByRole('status')).toContainText(`“${SUBJECT}” was filed on another device, so it left your drafts.`);
	await expect(listed.page.getByRole('link', { name: SUBJECT, exact: true })).toHaveCount(0);
	await expectAccessible(listed.page);
	await listed.context.close();
});
