import { chromium, devices, expect, test, type Locator, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAccessible } from './support/a11y';
import { waitForServiceWorkerControl } from './support/pwa';
import { signIn } from './support/sign-in';

const SUBJECT = 'Contracts with licence-plate reader vendors';
const WANTED = 'Every contract and data-sharing agreement with automated licence-plate reader vendors.';

async function newEditor(page: Page, label: string): Promise<string> {
	const email = `${label}-${Date.now()}@example.org`;
	await signIn(page, email);
	await page.getByLabel('Organisation name').fill(`${label} records project`);
	await page.getByRole('button', { name: 'Create organisation' }).click();
	await expect(page.getByRole('status')).toContainText(`Organisation “${label} records project” created`);
	return email;
}

async function fillLetter(page: Page) {
	await page.getByLabel('Date of the letter').fill('2026-09-14');
	await page.getByLabel('Short subject').fill(SUBJECT);
	await page.getByLabel('Records wanted').fill(WANTED);
	await page.getByLabel('Your name', { exact: true }).fill('Ana Reyes');
	await page.getByLabel('Your contact details').fill('ana@example.org');
	await page.getByLabel('From date').fill('2025-01-01');
	await page.getByLabel('To date').fill('2025-06-30');
}

const saveState = (page: Page) => page.getByRole('status').filter({ hasText: /Saved on this device|Synced|Saving|Not saved yet/ });

// ---------------------------------------------------------------------------
// The CORA clock, in plain JS for the dates used here: 3 working days after
// the day of receipt; a receipt at or after the agency's cut-off counts as
// received the next working day. The chosen weeks (14–25 September 2026)
// hold no Colorado state holiday, so working days are Monday to Friday.
// ---------------------------------------------------------------------------
function addDays(iso: string, days: number): string {
	const date = new Date(`${iso}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}
const isWeekend = (iso: string) => [0, 6].includes(new Date(`${iso}T12:00:00Z`).getUTCDay());
function nextWorkingDay(iso: string): string {
	let day = addDays(iso, 1);
	while (isWeekend(day)) day = addDays(day, 1);
	return day;
}
function expectedCoraDue(localDate: string, localTime: string, cutoff: string | null): string {
	let day = cutoff && localTime >= cutoff ? nextWorkingDay(localDate) : localDate;
	for (let i = 0; i < 3; i++) day = nextWorkingDay(day);
	return day;
}
/** "Thursday, September 24, 2026", as the app writes a due date. */
const longDate = (iso: string) =>
	new Intl.DateTimeFormat('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));

test('batch filing to three agencies creates three requests with correct letters and due dates', async ({ page }) => {
	test.setTimeout(180_000);
	await newEditor(page, 'batch');
	// "Now" in the browser: Monday 21 September 2026, 10:00 in Colorado (MDT, UTC−6). Timers keep running.
	await page.clock.setFixedTime(new Date('2026-09-21T16:00:00Z'));

	await page.goto('/app/compose');
	await expect(page.getByRole('heading', { name: 'New records request', level: 1 })).toBeVisible();
	await expect(page.getByRole('radio', { name: /Records request \(CORA\)/ })).toBeChecked();
	await fillLetter(page);
	for (const abbreviation of ['CDLE', 'CDOR', 'SOS']) {
		await page.getByLabel('Search agencies').fill(abbreviation);
		await page.getByRole('checkbox', { name: new RegExp(`\\(${abbreviation}\\)`) }).check();
	}
	await expect(page.getByText('3 agencies chosen')).toBeVisible();
	await expect(saveState(page)).toContainText('Synced', { timeout: 20_000 });
	await expectAccessible(page);

	const filing = page.getByRole('region', { name: 'File the request' });
	await expect(filing.getByText('This letter goes to 3 agencies.')).toBeVisible();
	const cdle = filing.getByRole('article', { name: /\(CDLE\)/ });
	const cdor = filing.getByRole('article', { name: /\(CDOR\)/ });
	const sos = filing.getByRole('article', { name: /\(SOS\)/ });

	// 1. CDLE by email: the mailto link, then "I sent it — record it now" (sent at the browser's now).
	const href = await cdle.getByRole('link', { name: 'Open in my email app' }).getAttribute('href');
	const mailto = new URL(href!);
	expect(mailto.protocol).toBe('mailto:');
	expect(mailto.pathname).toBe('cdle_pr@state.co.us');
	expect(mailto.searchParams.get('subject')).toBe(`Colorado Open Records Act request: ${SUBJECT}`);
	expect(mailto.searchParams.get('body')).toContain('Colorado Department of Labor and Employment');
	expect(mailto.searchParams.get('body')).toContain(WANTED);
	// The mail app is outside the browser: stop the navigation, keep the page's own click handler.
	await cdle.getByRole('link', { name: 'Open in my email app' }).evaluate((link) =>
		link.addEventListener('click', (event) => event.preventDefault(), { once: true })
	);
	await cdle.getByRole('link', { name: 'Open in my email app' }).click();
	await cdle.getByRole('button', { name: 'I sent it — record it now' }).click();
	await expect(cdle.getByText(/^\s*Recorded\./)).toBeVisible({ timeout: 30_000 });

	// 2. CDOR through its portal, with a tracking number, sent on Friday after its 15:00 cut-off.
	await expect(cdor.getByRole('link', { name: /Open the portal/ })).toHaveAttribute('href', 'https://www.colorado.gov/revenue/cora');
	await expect(cdor.getByLabel('How you sent it')).toHaveValue('portal');
	await cdor.getByLabel('Date and time sent (Colorado time)').fill('2026-09-18T15:30');
	await cdor.getByLabel('The portal gave me a tracking number').check();
	await cdor.getByLabel('Tracking number', { exact: true }).fill('R-2026-4411');
	await cdor.getByRole('button', { name: 'Record as sent' }).click();
	await expect(cdor.getByText(/^\s*Recorded\./)).toBeVisible({ timeout: 30_000 });

	// 3. SOS printed and delivered in person on Wednesday.
	await sos.getByRole('link', { name: 'Print' }).click();
	await sos.getByLabel('How you sent it').selectOption('in_person');
	await sos.getByLabel('Date and time sent (Colorado time)').fill('2026-09-16T11:00');
	await sos.getByRole('button', { name: 'Record as sent' }).click();
	await expect(sos.getByText(/^\s*Recorded\./)).toBeVisible({ timeout: 30_000 });
	await expect(filing.getByText('All 3 requests are recorded.')).toBeVisible();

	const expected = [
		{ abbreviation: 'CDLE', name: 'Colorado Department of Labor and Employment', due: expectedCoraDue('2026-09-21', '10:00', null), channel: 'Email' },
		{ abbreviation: 'CDOR', name: 'Colorado Department of Revenue', due: expectedCoraDue('2026-09-18', '15:30', '15:00'), channel: 'Agency portal' },
		{ abbreviation: 'SOS', name: 'Colorado Secretary of State', due: expectedCoraDue('2026-09-16', '11:00', null), channel: 'In person' }
	];
	// The plain-JS clock itself: Monday → Thursday; Friday after the cut-off → received Monday → Thursday; Wednesday → Monday.
	expect(expected.map((e) => e.due)).toEqual(['2026-09-24', '2026-09-24', '2026-09-21']);

	const requestPaths: Record<string, string> = {};
	for (const { abbreviation, due } of expected) {
		const card = filing.getByRole('article', { name: new RegExp(`\\(${abbreviation}\\)`) });
		await expect(card.getByText(`Due ${longDate(due)}`)).toBeVisible();
		requestPaths[abbreviation] = (await card.getByRole('link', { name: `Open the request for ${abbreviation}` }).getAttribute('href'))!;
	}
	expect(new Set(Object.values(requestPaths)).size).toBe(3);

	await page.goto('/app/requests');
	const list = page.getByRole('list', { name: 'Requests' });
	await expect(list.getByRole('listitem')).toHaveCount(3);
	for (const { name } of expected) await expect(list.getByRole('listitem').filter({ hasText: name })).toHaveCount(1);

	for (const { abbreviation, name, due, channel } of expected) {
		await page.goto(requestPaths[abbreviation]!);
		await expect(page.getByRole('heading', { name: SUBJECT, level: 1 })).toBeVisible();
		await expect(page.getByText(name, { exact: false }).first()).toBeVisible();
		// The request's facts (the timeline's 'sent' event says it too).
		await expect(page.getByRole('definition').filter({ hasText: new RegExp(`^${channel}$`) }).first()).toBeVisible();
		const letter = page.getByRole('region', { name: 'The letter as sent' });
		await expect(letter).toContainText(name);
		await expect(letter).toContainText(WANTED);
		for (const other of expected.filter((e) => e.abbreviation !== abbreviation)) await expect(letter).not.toContainText(other.name);
		const dueSection = page.getByRole('region', { name: 'Due date' });
		await expect(dueSection.getByText(`Due ${longDate(due)}`)).toBeVisible();
		if (abbreviation === 'CDOR') await expect(page.getByText('R-2026-4411').first()).toBeVisible();
	}
});

test('an agency chosen after the letter was complete can be recorded as sent', async ({ page }) => {
	// Regression: FilingPanel once gave request ids only to the agencies present when it first
	// appeared, so a second agency ticked afterwards was refused ("not part of this draft").
	await newEditor(page, 'laterpick');
	await page.goto('/app/compose');
	await fillLetter(page);
	await page.getByLabel('Search agencies').fill('CDLE');
	await page.getByRole('checkbox', { name: /\(CDLE\)/ }).check();
	const filing = page.getByRole('region', { name: 'File the request' });
	await expect(filing.getByRole('article', { name: /\(CDLE\)/ })).toBeVisible();
	await page.getByLabel('Search agencies').fill('SOS');
	await page.getByRole('checkbox', { name: /\(SOS\)/ }).check();
	const sos = filing.getByRole('article', { name: /\(SOS\)/ });
	await sos.getByRole('button', { name: 'Record as sent' }).click();
	await expect(sos.getByText(/^\s*(Recorded\.|Recorded on this device)/)).toBeVisible({ timeout: 15_000 });
	await expect(sos.getByRole('alert')).toHaveCount(0);
});

/** Tab (or Shift+Tab) until `target` has focus; fails if it never does. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 80): Promise<void> {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) break;
		await page.keyboard.press(key);
	}
	await expect(target).toBeFocused();
}

test('the whole flow works by keyboard', async ({ page }) => {
	test.setTimeout(180_000);
	await newEditor(page, 'keyboard');
	await page.goto('/app/compose');
	await expect(page.getByRole('heading', { name: 'New records request', level: 1 })).toBeVisible();
	await expectAccessible(page);

	await tabTo(page, page.getByRole('radio', { name: /Records request \(CORA\)/ }));
	await expect(page.getByRole('radio', { name: /Records request \(CORA\)/ })).toBeChecked();

	await tabTo(page, page.getByLabel('Date of the letter'));
	await page.keyboard.type('09142026');
	await tabTo(page, page.getByLabel('Short subject'));
	await page.keyboard.type(SUBJECT);
	await tabTo(page, page.getByLabel('Records wanted'));
	await page.keyboard.type(WANTED);
	// Back one field and forward again: the subject kept what was typed.
	await page.keyboard.press('Shift+Tab');
	await expect(page.getByLabel('Short subject')).toBeFocused();
	await expect(page.getByLabel('Short subject')).toHaveValue(SUBJECT);
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Records wanted')).toBeFocused();
	await tabTo(page, page.getByLabel('Your name', { exact: true }));
	await page.keyboard.type('Ana Reyes');
	await tabTo(page, page.getByLabel('Your contact details'));
	await page.keyboard.type('ana@example.org');
	await tabTo(page, page.getByLabel('From date'));
	await page.keyboard.type('01012025');
	await tabTo(page, page.getByLabel('To date'));
	await page.keyboard.type('06302025');
	await expect(page.getByLabel('To date')).toHaveValue('2025-06-30');

	await tabTo(page, page.getByLabel('Search agencies'));
	await page.keyboard.type('CDLE');
	const cdleBox = page.getByRole('checkbox', { name: /\(CDLE\)/ });
	await tabTo(page, cdleBox);
	await page.keyboard.press('Space');
	await expect(cdleBox).toBeChecked();
	await expect(cdleBox).toBeFocused();
	await expect(page.getByRole('article', { name: /^Letter to / })).toContainText(SUBJECT);
	await expect(saveState(page)).toContainText('Synced', { timeout: 20_000 });
	await expectAccessible(page);

	const card = page.getByRole('article', { name: /\(CDLE\)/ });
	await expect(page.getByText('Send the letter to the agency below')).toBeVisible();
	await expectAccessible(page);
	const showLetter = card.getByText('Show the letter');
	await tabTo(page, showLetter);
	await page.keyboard.press('Enter');
	await expect(card.locator('pre.letter')).toBeVisible();
	await expect(card.locator('pre.letter')).toContainText('Colorado Department of Labor and Employment');

	await tabTo(page, card.getByLabel('How you sent it'));
	await expect(card.getByLabel('How you sent it')).toHaveValue('email');
	await tabTo(page, card.getByRole('button', { name: 'Record as sent' }));
	await page.keyboard.press('Enter');
	await expect(card.getByText(/^\s*Recorded\./)).toBeVisible({ timeout: 30_000 });
	await expect(card.getByText(/^Due /)).toBeVisible();
	await expect(page.getByText('All 1 requests are recorded.')).toBeVisible();
	await expectAccessible(page);

	const open = card.getByRole('link', { name: 'Open the request for CDLE' });
	await tabTo(page, open, 'Shift+Tab');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: SUBJECT, level: 1 })).toBeVisible();
	await expect(page.getByRole('region', { name: 'The letter as sent' })).toContainText('Colorado Department of Labor and Employment');
});

test('offline from the start, the draft survives killing the browser and syncs once', async ({ browser }, testInfo) => {
	test.setTimeout(180_000);
	const { baseURL, launchOptions } = testInfo.project.use;
	const { defaultBrowserType: _type, ...phone } = devices['Pixel 7'];
	const userDataDir = await mkdtemp(join(tmpdir(), 'disclose-e2e-profile-'));
	const launch = () => chromium.launchPersistentContext(userDataDir, { ...phone, baseURL, executablePath: launchOptions?.executablePath, args: launchOptions?.args });
	try {
		let context = await launch();
		let page = context.pages()[0] ?? (await context.newPage());
		const email = await newEditor(page, 'killed');
		await page.goto('/app/compose');
		await expect(page.getByRole('heading', { name: 'New records request', level: 1 })).toBeVisible();
		await waitForServiceWorkerControl(page);

		await context.setOffline(true);
		await fillLetter(page);
		await page.getByLabel('Search agencies').fill('CDLE');
		await page.getByRole('checkbox', { name: /\(CDLE\)/ }).check();
		await expect(page).toHaveURL(/\/app\/compose\?draft=[0-9a-f-]{36}$/);
		await expect(saveState(page)).toContainText('Saved on this device');
		const draftUrl = page.url();

		await page.reload();
		await expect(page.getByLabel('Records wanted')).toHaveValue(WANTED);
		await expect(saveState(page)).toContainText('Saved on this device');

		// Kill the browser and start it again, still offline.
		await context.close();
		context = await launch();
		await context.setOffline(true);
		page = context.pages()[0] ?? (await context.newPage());
		await page.goto(draftUrl);
		await expect(page.getByLabel('Short subject')).toHaveValue(SUBJECT);
		await expect(page.getByLabel('Records wanted')).toHaveValue(WANTED);
		await expect(page.getByLabel('Your name', { exact: true })).toHaveValue('Ana Reyes');
		await expect(page.getByRole('checkbox', { name: /\(CDLE\)/ })).toBeChecked();
		await expect(saveState(page)).toContainText('Saved on this device');

		await context.setOffline(false);
		await expect(saveState(page)).toContainText('Synced', { timeout: 30_000 });
		await context.close();

		// A second, fresh device signed in as the same user sees exactly one draft.
		const other = await browser.newContext();
		const otherPage = await other.newPage();
		await signIn(otherPage, email);
		await otherPage.goto('/app/drafts');
		const drafts = otherPage.getByRole('list', { name: 'Your drafts' });
		await expect(drafts.getByRole('listitem')).toHaveCount(1);
		await expect(drafts.getByRole('listitem').filter({ hasText: SUBJECT })).toContainText('Synced');
		await drafts.getByRole('link', { name: SUBJECT }).click();
		await expect(otherPage.getByLabel('Records wanted')).toHaveValue(WANTED);
		await other.close();
	} finally {
		await rm(userDataDir, { recursive: true, force: true });
	}
});
