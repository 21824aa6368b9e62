import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { signIn } from './support/sign-in';
import { rest } from './support/rest';

const VALUES = {
	letter_date: '2025-11-19',
	requester_name: 'Ana Ruiz',
	requester_contact: 'ana@example.org',
	subject_summary: 'ICE subpoenas received in 2025',
	records_description: 'Every administrative subpoena from ICE received in 2025.',
	date_range_start: '2025-01-01',
	date_range_end: '2025-11-01'
};

/** A signed-in owner of a new organisation with a saved draft to CDLE (email) and CDOR (portal, 3 p.m. cut-off). */
async function seedDraft(page: Page): Promise<{ draftId: string; cdle: string; cdor: string }> {
	await signIn(page, `filer-${Date.now()}@example.org`);
	await page.getByLabel('Organisation name').fill('Filing Rights Project');
	await page.getByRole('button', { name: 'Create organisation' }).click();
	await expect(page.getByRole('status')).toContainText('created');
	const [org] = await rest<{ id: string }[]>(page, '/rest/v1/organisations?select=id');
	const agencies = await rest<{ agency_id: string; abbreviation: string }[]>(
		page,
		`/rest/v1/organisation_agencies?select=agency_id,abbreviation&organisation_id=eq.${org!.id}&abbreviation=in.(CDLE,CDOR)`
	);
	const id = (abbreviation: string) => agencies.find((a) => a.abbreviation === abbreviation)!.agency_id;
	const draftId = crypto.randomUUID();
	await rest(page, '/rest/v1/request_drafts', {
		method: 'POST',
		body: { id: draftId, organisation_id: org!.id, template_id: 'initial_request', title: 'ICE subpoenas 2025', fields: VALUES, agency_ids: [id('CDLE'), id('CDOR')] }
	});
	return { draftId, cdle: id('CDLE'), cdor: id('CDOR') };
}

test('filing a batch: mailto prefilled, recorded offline then synced once, the other agency recorded without JavaScript', async ({ page, context, browser }) => {
	test.setTimeout(240_000);
	const { draftId } = await seedDraft(page);
	await page.goto(`/app/requests/file/${draftId}`);
	await expect(page.getByRole('heading', { name: 'File the request', level: 2 })).toBeVisible();
	await expect(page.getByText('This letter goes to 2 agencies.')).toBeVisible();
	await expectAccessible(page);

	const cdle = page.getByRole('article', { name: /Labor and Employment/ });
	const cdor = page.getByRole('article', { name: /Department of Revenue/ });
	await expect(cdor.getByText('This agency takes requests through its online portal.')).toBeVisible();
	await expect(cdor.getByRole('link', { name: /Open the portal/ })).toHaveAttribute('href', 'https://www.colorado.gov/revenue/cora');

	// The mailto link: the custodian's address, the subject and the whole letter.
	const href = await cdle.getByRole('link', { name: 'Open in my email app' }).getAttribute('href');
	const mailto = new URL(href!);
	expect(mailto.protocol).toBe('mailto:');
	expect(mailto.pathname).toBe('cdle_pr@state.co.us');
	expect(mailto.searchParams.get('subject')).toBe('Colorado Open Records Act request: ICE subpoenas received in 2025');
	const body = mailto.searchParams.get('body')!;
	expect(body).toContain('Colorado Department of Labor and Employment');
	expect(body).toContain('Every administrative subpoena from ICE received in 2025.');
	expect(body).toContain('Ana Ruiz');
	await expect(cdle.getByText('some mail apps cut long letters short')).toBeVisible();

	// Offline: recording goes to the device and shows the due date computed here.
	await context.setOffline(true);
	await cdle.getByRole('button', { name: 'Record as sent' }).click();
	await expect(cdle.getByText('Recorded on this device — will sync.')).toBeVisible();
	await expect(cdle.getByText(/^Due /)).toBeVisible();
	await cdle.getByText('How this date was computed').click();
	await expect(cdle.getByText(/Rule: C\.R\.S\. 24-72-201 to -206: 3 working days/)).toBeVisible();
	await expectAccessible(page);

	// Back online: the outbox drains and the card says so.
	await context.setOffline(false);
	await expect(cdle.getByText(/^\s*Recorded\./)).toBeVisible({ timeout: 30_000 });
	const requestLink = cdle.getByRole('link', { name: 'Open the request for CDLE' });
	const requestPath = await requestLink.getAttribute('href');

	// Exactly once on the server, whatever the retries.
	await page.reload();
	const rows = await rest<{ id: string; agency_id: string }[]>(page, `/rest/v1/records_requests?select=id,agency_id&batch_id=eq.${draftId}`);
	expect(rows).toHaveLength(1);
	expect(requestPath).toBe(`/app/requests/${rows[0]!.id}`);
	const events = await rest<{ type: string }[]>(page, `/rest/v1/request_events?select=type&request_id=eq.${rows[0]!.id}`);
	expect(events).toEqual([{ type: 'sent' }]);

	// Without JavaScript: the portal send, with a tracking number that must be given once promised.
	const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() });
	const plain = await noJs.newPage();
	await plain.goto(`/app/requests/file/${draftId}`);
	const portalCard = plain.getByRole('article', { name: /Department of Revenue/ });
	await portalCard.getByLabel('How you sent it').selectOption('portal');
	await portalCard.getByLabel('The portal gave me a tracking number').check();
	await portalCard.getByLabel('Date and time sent (Colorado time)').fill('2099-01-05T10:00');
	await portalCard.getByRole('button', { name: 'Record as sent' }).click();
	const again = plain.getByRole('article', { name: /Department of Revenue/ });
	await expect(again.getByText('That is in the future.')).toBeVisible();
	await expect(again.getByText('Enter the tracking number')).toBeVisible();
	await expect(again.getByLabel('Date and time sent (Colorado time)')).toHaveValue('2099-01-05T10:00');
	await expect(again.getByLabel('Tracking number', { exact: true })).toHaveAttribute('aria-invalid', 'true');
	await again.getByLabel('Date and time sent (Colorado time)').fill(nowInColorado());
	await again.getByLabel('Tracking number', { exact: true }).fill('R-2025-118');
	await again.getByRole('button', { name: 'Record as sent' }).click();
	await expect(plain.getByRole('article', { name: /Department of Revenue/ }).getByText(/^\s*Recorded\./)).toBeVisible();
	await expect(plain.getByText('All 2 requests are recorded.')).toBeVisible();

	// The list, the request page and the print view, all without JavaScript.
	await plain.goto('/app/requests');
	const list = plain.getByRole('list', { name: 'Requests' });
	await expect(list.getByRole('listitem')).toHaveCount(2);
	await expect(list.getByText(/^Due /)).toHaveCount(2);
	await list.getByRole('listitem').filter({ hasText: 'Revenue' }).getByRole('link', { name: 'ICE subpoenas 2025' }).click();
	await expect(plain.getByRole('heading', { name: 'ICE subpoenas 2025', level: 1 })).toBeVisible();
	// The request's facts (the timeline's 'sent' event repeats them).
	await expect(plain.getByRole('definition').filter({ hasText: /^R-2025-118$/ }).first()).toBeVisible();
	await expect(plain.getByRole('definition').filter({ hasText: /^Agency portal$/ }).first()).toBeVisible();
	await expect(plain.getByText('Colorado Open Records Act request: ICE subpoenas received in 2025', { exact: false }).first()).toBeVisible();
	const detailPath = new URL(plain.url()).pathname;
	await plain.getByRole('link', { name: 'Print the letter' }).click();
	await expect(plain.getByRole('article', { name: /Letter to Colorado Department of Revenue/ })).toContainText('Every administrative subpoena');
	await plain.emulateMedia({ media: 'print' });
	await expect(plain.locator('header.site')).toBeHidden();
	await expect(plain.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
	expect(await plain.locator('.letter').evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/Georgia|serif/);
	await noJs.close();

	// The same pages with JavaScript, checked with axe (it needs scripts to run).
	for (const path of ['/app/requests', detailPath, `${detailPath}/print`]) {
		await page.goto(path);
		await expect(page.locator('h1')).toBeVisible();
		await expectAccessible(page);
	}

	const filed = await rest<{ filed_at: string | null }[]>(page, `/rest/v1/request_drafts?select=filed_at&id=eq.${draftId}`);
	expect(filed[0]!.filed_at).not.toBeNull();
});

/** Now as `YYYY-MM-DDTHH:MM` in Colorado (the field's minute precision). */
function nowInColorado(): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-US', { timeZone: 'America/Denver', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
			.formatToParts(new Date())
			.map((p) => [p.type, p.value])
	);
	return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

test('the request pages need a sign-in', async ({ page }) => {
	await page.goto('/app/requests/00000000-0000-4000-8000-000000000000');
	await expect(page).toHaveURL(/\/login\?next=/);
});
