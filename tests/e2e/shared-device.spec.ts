import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { rest } from './support/rest';
import { signIn } from './support/sign-in';

/**
 * A phone shared by two volunteers. Disclose's API is made unreachable by routing its draft writes (so a change
 * waits while the page can still sign out and in); the service worker is blocked, as Playwright cannot route the
 * requests of a page a service worker controls. Offline is simulated as in compose.spec.ts.
 */
test.use({ serviceWorkers: 'block' });

const ANA_SUBJECT = 'Detainer requests from ICE, shared phone';
const BEN_SUBJECT = 'Jail booking data shared with ICE';
const DRAFT_WRITES = /\/rest\/v1\/request_drafts/;

const saveState = (page: Page) => page.getByRole('status').filter({ hasText: /Saved on this device|Synced|Saving|Not saved yet/ });

async function createOrganisation(page: Page, name: string): Promise<void> {
	await page.getByLabel('Organisation name').fill(name);
	await page.getByRole('button', { name: 'Create organisation' }).click();
	await expect(page.getByRole('status')).toContainText(`Organisation “${name}” created`);
}

/** Start a draft (the composer saves it on the device as soon as something is typed); returns its id. */
async function startDraft(page: Page, subject: string): Promise<string> {
	await page.getByLabel('Short subject').fill(subject);
	await expect(page).toHaveURL(/\/app\/compose\?draft=[0-9a-f-]{36}$/);
	return new URL(page.url()).searchParams.get('draft')!;
}

const RECORDS_WANTED = 'Every request and the agency’s answer.';

/** Make Disclose's API unreachable for drafts (the signal comes back for the rest), or reachable again. */
async function draftWritesUnreachable(context: BrowserContext, unreachable: boolean): Promise<void> {
	if (unreachable) await context.route(DRAFT_WRITES, (route) => route.abort('internetdisconnected'));
	else await context.unroute(DRAFT_WRITES);
}

interface DraftRow {
	id: string;
	revision: number;
	created_by: string;
	fields: Record<string, unknown>;
}

test('one account’s waiting changes are neither sent nor shown while another account uses the phone, and sync once it signs in again', async ({ page, context, browser }) => {
	const stamp = Date.now();
	const ana = `ana-${stamp}@example.org`;
	const ben = `ben-${stamp}@example.org`;
	const anasChanges = page.getByText(`1 change made by ${ana} waits on this device. Sign in as that account to send it.`);

	// Ana starts a draft while Disclose cannot be reached and finishes it offline; when the signal returns, Disclose
	// still cannot be reached: the change waits.
	await signIn(page, ana);
	await createOrganisation(page, 'Ana’s records project');
	await page.goto('/app/compose');
	await draftWritesUnreachable(context, true);
	const anasDraft = await startDraft(page, ANA_SUBJECT);
	await expect(saveState(page)).toContainText('Saved on this device');
	await context.setOffline(true);
	await page.getByLabel('Records wanted').fill(RECORDS_WANTED);
	await expect(saveState(page)).toContainText('Saved on this device');
	await context.setOffline(false);
	await expect(page.getByText('1 change waiting to sync')).toBeVisible();
	await expect(saveState(page)).toContainText('Saved on this device');

	// Signing out asks first; Escape (like "Stay signed in") keeps her signed in.
	const signOut = page.getByRole('button', { name: 'Sign out' });
	await signOut.click();
	const question = page.getByRole('dialog', { name: 'Sign out with changes not synced?' });
	await expect(question).toContainText(`1 change is not synced yet. If you sign out, it stays on this device and will be sent next time you sign in as ${ana}.`);
	await expect(question.getByRole('button', { name: 'Stay signed in' })).toBeFocused();
	await expectAccessible(page);
	await page.keyboard.press('Escape');
	await expect(question).toBeHidden();
	await expect(signOut).toBeFocused();
	await expect(page).toHaveURL(/\/app\/compose/);

	await signOut.click();
	await question.getByRole('button', { name: 'Sign out anyway' }).click();
	await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
	await expect(anasChanges).toBeVisible();
	await draftWritesUnreachable(context, false);

	// Ben signs in on the same phone: he is told, politely, and sees nothing of Ana's.
	await signIn(page, ben);
	await expect(anasChanges).toBeVisible();
	await expect(page.getByRole('button', { name: `Discard the changes made by ${ana}` })).toBeVisible();
	await expectAccessible(page);
	await createOrganisation(page, 'Ben’s records project');

	// His own changes sync at once, although Ana's wait ahead of them.
	await page.goto('/app/compose');
	const bensDraft = await startDraft(page, BEN_SUBJECT);
	await page.getByLabel('Records wanted').fill(RECORDS_WANTED);
	await expect(saveState(page)).toContainText('Synced', { timeout: 30_000 });
	await expect(page.getByText(/changes? waiting to sync/)).toBeHidden();
	await expect(page.getByText(ANA_SUBJECT)).toHaveCount(0);

	await page.goto('/app/drafts');
	await expect(page.getByRole('link', { name: BEN_SUBJECT })).toBeVisible();
	// The device's drafts are merged in after the page loads, before it checks the server's (the last request).
	await page.waitForLoadState('networkidle');
	await expect(page.getByText(ANA_SUBJECT)).toHaveCount(0);
	expect(await page.evaluate(async (id) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('disclose');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const found = await new Promise((resolve) => {
			const read = db.transaction('drafts').objectStore('drafts').get(id);
			read.onsuccess = () => resolve(read.result !== undefined);
		});
		db.close();
		return found;
	}, anasDraft), 'Ana’s draft is still kept on the phone').toBe(true);

	// Nothing of Ana's was written with Ben's session: Ben's rows are his own, and Ana (on her laptop) has none yet.
	const asBen = await rest<DraftRow[]>(page, '/rest/v1/request_drafts?select=id');
	expect(asBen.map((row) => row.id)).toEqual([bensDraft]);
	const laptop = await browser.newContext();
	const laptopPage = await laptop.newPage();
	await signIn(laptopPage, ana);
	expect(await rest<DraftRow[]>(laptopPage, `/rest/v1/request_drafts?select=id&id=eq.${anasDraft}`)).toEqual([]);
	const anaUser = await rest<{ id: string }>(laptopPage, '/auth/v1/user');
	await laptop.close();

	// Discarding Ana's changes asks first, naming how many would be lost; Ben keeps them.
	await page.getByRole('button', { name: `Discard the changes made by ${ana}` }).click();
	await expect(page.getByText(`Discard 1 change made by ${ana}? It was never sent and will be lost for good.`)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Yes, discard 1 change' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Keep them' })).toBeFocused();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Keep them' }).click();
	await expect(page.getByRole('button', { name: `Discard the changes made by ${ana}` })).toBeFocused();

	// Ben has nothing waiting: signing out does not ask.
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
	await expect(page.getByRole('dialog')).toHaveCount(0);

	// Ana signs in again on the phone: her change is sent, once, with her session.
	await signIn(page, ana);
	const anasRows = () => rest<DraftRow[]>(page, `/rest/v1/request_drafts?select=id,revision,created_by,fields&id=eq.${anasDraft}`);
	await expect.poll(async () => (await anasRows()).length, { timeout: 30_000 }).toBe(1);
	const [synced] = await anasRows();
	expect(synced).toMatchObject({ id: anasDraft, revision: 1, created_by: anaUser.id });
	expect(JSON.stringify(synced!.fields), 'what Ana typed, online and offline').toContain(ANA_SUBJECT);
	expect(JSON.stringify(synced!.fields)).toContain(RECORDS_WANTED);
	await expect(anasChanges).toBeHidden();
	await expect(page.getByText(/changes? waiting to sync/)).toBeHidden();
	await page.goto('/app/drafts');
	await expect(page.getByRole('listitem').filter({ hasText: ANA_SUBJECT })).toContainText('Synced');
	await expect(page.getByText(BEN_SUBJECT)).toHaveCount(0);
	await expectAccessible(page);
	expect(await rest<DraftRow[]>(page, '/rest/v1/request_drafts?select=id')).toEqual([{ id: anasDraft }]);
});

test('without JavaScript, the sign-out form just signs out (the server cannot see what waits on the device)', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, `nojs-signout-${Date.now()}@example.org`);
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
	await context.close();
});
