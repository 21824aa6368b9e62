import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { signIn } from './support/sign-in';
import { waitForServiceWorkerControl } from './support/pwa';
import { rest as api } from './support/rest';

/** A 1×1 PNG, as a phone camera would hand over (only much smaller). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A signed-in owner of a new organisation with a request sent to CDLE yesterday (its 'sent' event included). */
async function seedSentRequest(page: Page): Promise<{ orgId: string; requestId: string }> {
	await signIn(page, `attacher-${Date.now()}@example.org`);
	await page.getByLabel('Organisation name').fill('Attachments Rights Project');
	await page.getByRole('button', { name: 'Create organisation' }).click();
	await expect(page.getByRole('status')).toContainText('created');
	const [org] = await api<{ id: string }[]>(page, '/rest/v1/organisations?select=id');
	const [agency] = await api<{ agency_id: string }[]>(page, `/rest/v1/organisation_agencies?select=agency_id&organisation_id=eq.${org!.id}&abbreviation=eq.CDLE`);
	const requestId = crypto.randomUUID();
	const sentAt = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
	await api(page, '/rest/v1/records_requests', {
		method: 'POST',
		body: { id: requestId, organisation_id: org!.id, agency_id: agency!.agency_id, title: 'ICE subpoenas 2025', regime: 'CORA', status: 'sent', sent_at: sentAt, received_at: sentAt, delivery_channel: 'email' }
	});
	await api(page, '/rest/v1/request_events', {
		method: 'POST',
		body: { id: crypto.randomUUID(), request_id: requestId, organisation_id: org!.id, type: 'sent', occurred_at: sentAt, payload: { channel: 'email' } }
	});
	return { orgId: org!.id, requestId };
}

/** Response documents kept in this device's IndexedDB. */
function filesOnDevice(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('disclose');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('files')) return resolve(0);
					const count = db.transaction('files').objectStore('files').count();
					count.onsuccess = () => {
						resolve(count.result);
						db.close();
					};
				};
			})
	);
}

test('a photo attached offline waits on the device, survives a reload, and uploads exactly once when back online', async ({ page, context }) => {
	test.setTimeout(240_000);
	const { orgId, requestId } = await seedSentRequest(page);
	await page.goto(`/app/requests/${requestId}`);
	await expect(page.getByRole('heading', { name: 'ICE subpoenas 2025', level: 1 })).toBeVisible();
	await waitForServiceWorkerControl(page);

	const released = page.locator('details').filter({ hasText: 'Records released: add details' });
	await released.getByText('Records released: add details').click();
	const picker = released.getByRole('region', { name: 'Attach response documents' });
	await expect(picker.getByText(/up to 25 megabytes each/)).toBeVisible();
	await expectAccessible(page);

	// Type checked on the device: a web page is not kept.
	await picker.getByLabel('Choose files').setInputFiles({ name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<p>hi</p>') });
	await expect(picker.getByText('“page.html” was not added: this type of file cannot be attached (text/html).')).toBeVisible();

	// Offline: the photo waits on the device, with its size in words.
	await context.setOffline(true);
	await picker.getByLabel('Take a photo').setInputFiles({ name: 'reply-letter.png', mimeType: 'image/png', buffer: PNG });
	const item = picker.getByRole('listitem').filter({ hasText: 'reply-letter.png' });
	await expect(item.getByText(`PNG, ${PNG.length} bytes`)).toBeVisible();
	await expect(item.getByText('Waiting on this device — uploads when back online')).toBeVisible();
	await expect(item.getByRole('button', { name: 'Remove reply-letter.png' })).toBeVisible();
	await expectAccessible(page);

	// The event itself is saved offline too (it goes to the outbox; the photo waits for it).
	await released.getByLabel('All the records').check();
	await released.getByRole('button', { name: 'Save update' }).click();
	await expect.poll(() => filesOnDevice(page)).toBe(1);

	// A reload (still offline) keeps the photo on the device.
	await page.reload();
	await expect(page.getByRole('heading', { name: 'ICE subpoenas 2025', level: 1 })).toBeVisible();
	expect(await filesOnDevice(page)).toBe(1);

	// Back online: the event syncs, then the photo uploads and leaves the device.
	await context.setOffline(false);
	await expect.poll(() => filesOnDevice(page), { timeout: 60_000 }).toBe(0);
	const rows = await api<{ id: string; file_name: string; mime_type: string; size_bytes: number; object_path: string; event_id: string }[]>(
		page,
		`/rest/v1/attachments?select=id,file_name,mime_type,size_bytes,object_path,event_id&request_id=eq.${requestId}`
	);
	expect(rows).toHaveLength(1);
	expect(rows[0]).toMatchObject({ file_name: 'reply-letter.png', mime_type: 'image/png', size_bytes: PNG.length });
	expect(rows[0]!.object_path).toBe(`${orgId}/${requestId}/${rows[0]!.id}-reply-letter.png`);
	const events = await api<{ id: string; type: string }[]>(page, `/rest/v1/request_events?select=id,type&request_id=eq.${requestId}&type=eq.records_released`);
	expect(events.map((event) => event.id)).toEqual([rows[0]!.event_id]);
	const objects = await api<{ name: string }[]>(page, `/storage/v1/object/list/attachments`, { method: 'POST', body: { prefix: `${orgId}/${requestId}/`, limit: 100 } });
	expect(objects.map((object) => object.name)).toEqual([`${rows[0]!.id}-reply-letter.png`]);
});
