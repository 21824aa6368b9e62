import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { waitForServiceWorkerControl } from './support/pwa';
import { signIn } from './support/sign-in';

const SUBJECT = 'ICE subpoenas received in 2025';

async function createOrganisation(page: Page, name: string): Promise<void> {
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

async function fillRequest(page: Page) {
	await page.getByLabel('Short subject').fill(SUBJECT);
	await page.getByLabel('Records wanted').fill('Every subpoena from ICE and the agency’s answer.');
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

async function signedInContext(browser: Browser, email: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, email);
	return { context, page };
}

test('a draft written offline survives a reload, then syncs and appears on another device', async ({ page, context, browser }) => {
	const email = await newEditor(page, 'composer');
	await page.getByRole('link', { name: 'New request' }).click();
	await expect(page.getByRole('heading', { name: 'New records request', level: 1 })).toBeVisible();
	await waitForServiceWorkerControl(page);
	await expectAccessible(page);

	await expect(page.getByRole('radio', { name: /Records request \(CORA\)/ })).toBeChecked();
	await fillRequest(page);
	await chooseAgency(page, 'CDLE', /CDLE/);
	await expect(page).toHaveURL(/\/app\/compose\?draft=[0-9a-f-]{36}$/);

	const letter = page.getByRole('article', { name: /^Letter to / });
	await expect(letter).toContainText('C.R.S. 24-72-201');
	await expect(letter).toContainText(SUBJECT);
	await expect(page.getByText(/receives the request today, an answer is due by .* This is an estimate until the request is sent/)).toBeVisible();
	await expectAccessible(page);
	await expect(saveState(page)).toContainText('Synced', { timeout: 20_000 });

	await context.setOffline(true);
	const wanted = page.getByLabel('Records wanted');
	await wanted.pressSequentially(' Also every data-sharing agreement.');
	await expect(saveState(page)).toContainText('Saved on this device');
	await page.reload();
	await expect(page.getByLabel('Records wanted')).toHaveValue(/Also every data-sharing agreement\.$/);
	await expect(page.getByLabel('Short subject')).toHaveValue(SUBJECT);
	await expect(saveState(page)).toContainText('Saved on this device');

	await context.setOffline(false);
	await expect(saveState(page)).toContainText('Synced', { timeout: 30_000 });

	const other = await signedInContext(browser, email);
	await other.page.goto('/app/drafts');
	const item = other.page.getByRole('listitem').filter({ hasText: SUBJECT });
	await expect(item).toContainText('Synced');
	await expectAccessible(other.page);
	await item.getByRole('link', { name: SUBJECT }).click();
	await expect(other.page.getByLabel('Records wanted')).toHaveValue(/Also every data-sharing agreement\.$/);
	await other.context.close();
});

test('when two devices change the same draft, both versions are kept', async ({ page, context, browser }) => {
	const email = await newEditor(page, 'conflict');
	await page.goto('/app/compose');
	await fillRequest(page);
	await expect(saveState(page)).toContainText('Synced', { timeout: 20_000 });
	const draftUrl = page.url();

	const other = await signedInContext(browser, email);
	await other.page.goto(draftUrl);
	await expect(other.page.getByLabel('Short subject')).toHaveValue(SUBJECT);

	// This device edits offline; the other saves first.
	await context.setOffline(true);
	await page.getByLabel('Short subject').fill('Version from the phone');
	await expect(saveState(page)).toContainText('Saved on this device');
	await other.page.getByLabel('Short subject').fill('Version from the laptop');
	await expect(saveState(other.page)).toContainText('Synced', { timeout: 20_000 });

	await context.setOffline(false);
	await expect(page.getByText('This draft was changed on another device, which saved first.')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByLabel('Short subject')).toHaveValue('Version from the laptop');

	await page.goto('/app/drafts');
	const list = page.getByRole('list', { name: 'Your drafts' });
	await expect(list.getByRole('link', { name: 'Version from the laptop', exact: true })).toBeVisible();
	const copy = list.getByRole('listitem').filter({ hasText: 'Version from the phone (copy from this device' });
	await expect(copy).toContainText('was also changed on another device, which saved first. Both versions are kept.');
	await expect(copy).toContainText('Synced', { timeout: 20_000 });

	await other.page.goto('/app/drafts');
	await expect(other.page.getByRole('link', { name: /Version from the phone \(copy from this device/ })).toBeVisible();
	await other.context.close();
});

test('bad input shows what to fix and keeps everything typed', async ({ page }) => {
	await newEditor(page, 'badinput');
	await page.goto('/app/compose');
	await fillRequest(page);
	await page.getByLabel('Ask before fees exceed').fill('fifty bucks');
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByRole('alert')).toContainText('Some answers need fixing');
	await expect(page.getByLabel('Ask before fees exceed')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText('Enter an amount in dollars, like 25 or 25.50.').first()).toBeVisible();
	await expect(page.getByLabel('Ask before fees exceed')).toHaveValue('fifty bucks');
	await expect(page.getByLabel('Short subject')).toHaveValue(SUBJECT);
	await expect(page.getByRole('article', { name: /^Letter to / })).toHaveCount(0);
});

test.describe('on a 360 px wide phone', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	test('a CCJRA agency has no statutory due date, and the page fits the screen', async ({ page }) => {
		await newEditor(page, 'narrow');
		await page.goto('/app/compose');
		await chooseAgency(page, 'CBI', /Colorado Bureau of Investigation/);
		await expect(page.getByText('Channel unknown').first()).toBeVisible();
		await expect(page.getByText(/There is no statutory due date/)).toBeVisible();
		await expect(page.getByText('The letter is not complete yet. Still needed:')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Short subject' })).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await expectAccessible(page);
	});
});

test('without JavaScript, the form action saves the draft and keeps what was typed on bad input', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await newEditor(page, 'nojs');
	await page.goto('/app/compose');
	await fillRequest(page);
	await page.getByRole('checkbox', { name: /CDLE/ }).check();
	await page.getByLabel('Ask before fees exceed').fill('lots');
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByRole('alert')).toContainText('Some answers need fixing');
	await expect(page.getByLabel('Ask before fees exceed')).toHaveValue('lots');
	await expect(page.getByLabel('Short subject')).toHaveValue(SUBJECT);
	await expect(page.getByRole('checkbox', { name: /CDLE/ })).toBeChecked();

	await page.getByLabel('Ask before fees exceed').fill('25');
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
	await expect(page).toHaveURL(/\?draft=[0-9a-f-]{36}&saved/);
	await expect(page.getByRole('article', { name: /^Letter to / })).toContainText('$25.00');

	await page.goto('/app/drafts');
	await expect(page.getByRole('link', { name: SUBJECT })).toBeVisible();
	await context.close();
});
