import { expect, test, type Browser, type Page } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expectAccessible } from './support/a11y';
import { ownerOfNewOrganisation } from './support/organisation';
import { rest } from './support/rest';
import { signIn } from './support/sign-in';

interface StatsJson {
	headline: { findings: number; people: number | string; records: number | string };
	by_agency: { agency_id: string; findings: number }[];
}

/** An organisation with one released CORA request to `abbreviation` and one finding of `people` people. */
async function seedFinding(page: Page, who: string, abbreviation: string, people: number) {
	const { orgId, agencyId } = await ownerOfNewOrganisation(page, who, 'Public Numbers Project', abbreviation);
	const requestId = crypto.randomUUID();
	const releaseId = crypto.randomUUID();
	const sentAt = '2025-03-03T17:00:00Z';
	await rest(page, '/rest/v1/records_requests', {
		method: 'POST',
		body: { id: requestId, organisation_id: orgId, agency_id: agencyId, title: 'Secret title of a request', letter_body: 'Dear Custodian', regime: 'CORA', status: 'released', sent_at: sentAt, received_at: sentAt, delivery_channel: 'email' }
	});
	await rest(page, '/rest/v1/request_events', {
		method: 'POST',
		body: [
			{ id: crypto.randomUUID(), request_id: requestId, organisation_id: orgId, type: 'sent', occurred_at: sentAt, payload: { channel: 'email' } },
			{ id: releaseId, request_id: requestId, organisation_id: orgId, type: 'records_released', occurred_at: '2025-03-05T17:00:00Z', payload: { completeness: 'full' } }
		]
	});
	await rest(page, '/rest/v1/disclosure_findings', {
		method: 'POST',
		body: { request_id: requestId, data_categories: ['address'], people_count: people, records_count: people, period_start: '2025-01-01', period_end: '2025-03-31', legal_process: 'administrative_subpoena', recipient: 'ice', summary: 'Private summary' }
	});
	const publish = (body: Record<string, unknown>) => rest(page, `/rest/v1/records_requests?id=eq.${requestId}`, { method: 'PATCH', body });
	return { agencyId, publish };
}

/** A visitor with no session (the pages ship no JavaScript: checked below). */
async function visitor(browser: Browser) {
	const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
	return { page: await context.newPage(), close: () => context.close() };
}

const headlineValue = (page: Page, term: string) => page.locator('dl.headline div').filter({ has: page.getByText(term, { exact: true }) }).locator('dd').first();

test('publishing a request changes the public numbers, and making it private takes them back', async ({ page, browser }) => {
	await signIn(page, `stats-${Date.now()}@example.org`);
	const seeded = await seedFinding(page, 'stats-owner', 'CDPHE', 40);
	const anon = await visitor(browser);
	const view = `/stats?agency=${seeded.agencyId}&legal=administrative_subpoena`;
	const json = async () => (await (await anon.page.request.get(`/stats.json?agency=${seeded.agencyId}&legal=administrative_subpoena`)).json()) as StatsJson;

	const before = await json();
	await seeded.publish({ publish_state: 'published' });
	const after = await json();
	expect(after.headline.findings).toBe(before.headline.findings + 1);

	await anon.page.goto(view);
	await expect(anon.page.getByRole('heading', { level: 1, name: 'Disclosures to immigration enforcement' })).toBeVisible();
	await expect(headlineValue(anon.page, 'Disclosures found')).toHaveText(String(after.headline.findings));
	await expect(headlineValue(anon.page, 'People affected')).toHaveText(typeof after.headline.people === 'number' ? String(after.headline.people) : /fewer than|hidden/);
	// Nothing private reaches the page, and it ships no JavaScript.
	const html = await anon.page.content();
	expect(html).not.toContain('Secret title');
	expect(html).not.toContain('Private summary');
	expect(await anon.page.locator('script, link[rel="modulepreload"]').count()).toBe(0);
	await expectAccessible(anon.page);

	await seeded.publish({ publish_state: 'private' });
	expect((await json()).headline.findings).toBe(before.headline.findings);
	await anon.close();
});

test('an embargo in the future shows nothing, and a small count shows as fewer than 11', async ({ page, browser }) => {
	await signIn(page, `stats-embargo-${Date.now()}@example.org`);
	const seeded = await seedFinding(page, 'embargo-owner', 'CDOR', 4);
	const anon = await visitor(browser);
	const url = `/stats.json?agency=${seeded.agencyId}&category=address&legal=administrative_subpoena`;
	const findings = async () => ((await (await anon.page.request.get(url)).json()) as StatsJson).headline.findings;
	const before = await findings();
	// This run's data folder is its own and no other spec publishes to CDOR, so the view starts empty.
	expect(before).toBe(0);
	await seeded.publish({ publish_state: 'embargoed', embargoed_until: '2999-01-01' });
	expect(await findings()).toBe(before);

	await seeded.publish({ publish_state: 'published', embargoed_until: null });
	expect(await findings()).toBe(1);
	await anon.page.goto(`/stats?agency=${seeded.agencyId}&category=address&legal=administrative_subpoena`);
	await expect(headlineValue(anon.page, 'People affected')).toHaveText('fewer than 11');
	await seeded.publish({ publish_state: 'private' });
	await anon.close();
});


test('the downloads carry the numbers the page shows, and filters live in the address', async ({ browser }) => {
	const anon = await visitor(browser);
	await anon.page.goto('/stats?from=nonsense&legal=administrative_subpoena');
	await expect(anon.page.getByRole('alert')).toContainText('were not understood');
	await expect(anon.page.getByRole('combobox', { name: /^Legal process cited/ })).toHaveValue('administrative_subpoena');
	const shown = await headlineValue(anon.page, 'Disclosures found').textContent();

	const json = await anon.page.request.get('/stats.json?legal=administrative_subpoena');
	expect(json.headers()['cache-control']).toContain('s-maxage');
	const doc = (await json.json()) as StatsJson & { licence: string };
	expect(doc.licence).toBe('CC-BY-4.0');
	expect(String(doc.headline.findings)).toBe(shown);
	const again = await anon.page.request.get('/stats.json?legal=administrative_subpoena', { headers: { 'if-none-match': json.headers().etag! } });
	expect(again.status()).toBe(304);

	const csv = await (await anon.page.request.get('/stats.csv?legal=administrative_subpoena')).text();
	const headline = csv.split('\r\n').find((line) => line.startsWith('headline,'))!;
	expect(headline.split(',')[3]).toBe(shown);

	const pkg = await (await anon.page.request.get('/stats/datapackage.json')).json();
	expect(pkg.resources[0].schema.fields.map((f: { name: string }) => f.name)).toEqual(csv.split('\r\n')[0]!.split(','));

	await anon.page.goto('/stats/methodology');
	await expect(anon.page.getByRole('heading', { name: 'Small counts' })).toBeVisible();
	await expectAccessible(anon.page);
	await anon.page.goto('/');
	await anon.page.getByRole('link', { name: 'See the published numbers' }).click();
	await expect(anon.page).toHaveURL(/\/stats$/);
	await anon.close();
});

test('the embeddable widget shows the same figures on another site, sets no cookie, and the page gives its snippet', async ({ page, browser }) => {
	await signIn(page, `stats-embed-${Date.now()}@example.org`);
	const seeded = await seedFinding(page, 'embed-owner', 'CDLE', 25);
	await seeded.publish({ publish_state: 'published' });

	// A signed-in visitor (session cookies present) gets no Set-Cookie from the widget.
	const signedIn = await page.request.get(`/embed/stats?agency=${seeded.agencyId}`);
	expect(signedIn.status()).toBe(200);
	expect(signedIn.headers()['set-cookie']).toBeUndefined();
	expect(signedIn.headers()['content-security-policy']).toContain("default-src 'none'");
	expect(signedIn.headers()['content-security-policy']).not.toContain('frame-ancestors');
	expect(signedIn.headers()['x-frame-options']).toBeUndefined();
	const html = await signedIn.text();
	expect(html).not.toContain('<script');
	expect(html).not.toContain('Secret title');

	const anon = await visitor(browser);
	await anon.page.goto(`/stats?agency=${seeded.agencyId}`);
	const snippet = await anon.page.getByRole('textbox', { name: 'Put these figures on your site' }).inputValue();
	expect(snippet).toMatch(new RegExp(`^<iframe src="http://[^"]+/embed/stats\\?agency=${seeded.agencyId}" title="[^"]+"`));
	const shownFindings = await headlineValue(anon.page, 'Disclosures found').textContent();

	// Pasted into a page of another origin, as a partner would: a real server on another loopback port
	// (Chromium's local-network checks refuse a page that is not on loopback framing a loopback one).
	const partner = await partnerSite(`<!doctype html><title>Partner</title><main><h1>Partner site</h1>${snippet}</main>`);
	await anon.page.goto(partner.url);
	const frame = anon.page.frameLocator('iframe');
	await expect(frame.getByRole('heading', { level: 1 })).toHaveText(/Disclosures to immigration enforcement: /);
	await expect(frame.locator('dd').first()).toHaveText(shownFindings!);
	await expect(frame.getByText('People affected')).toBeVisible();
	await expect(frame.getByRole('link', { name: 'All the figures and how they are made' })).toHaveAttribute('href', /\/stats\?agency=/);

	const spanish = await anon.page.request.get(`/embed/stats?agency=${seeded.agencyId}&lang=es`);
	expect(await spanish.text()).toContain('Entregas encontradas');
	await anon.page.goto(`/embed/stats?agency=${seeded.agencyId}`);
	await expectAccessible(anon.page);
	await seeded.publish({ publish_state: 'private' });
	await partner.close();
	await anon.close();
});

/** A one-page site on a loopback port of its own, standing in for a partner's. */
async function partnerSite(html: string) {
	const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(html));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
