import { expect, type Page } from '@playwright/test';

/** Wait for the service worker to be active, then reload so it controls the page (as on a second visit). */
export async function waitForServiceWorkerControl(page: Page): Promise<string> {
	const scriptURL = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL ?? '');
	await page.reload();
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toBe(scriptURL);
	return scriptURL;
}

/** Paths of the pages the service worker kept for offline use. */
export function keptPages(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const cache = await caches.open('pages');
		return (await cache.keys()).map((request) => new URL(request.url).pathname);
	});
}

/**
 * Open the device's database as the app does (src/lib/offline/db.ts, version 2), creating it when the page has
 * not yet: a page with nothing waiting on the device never opens it (src/lib/offline/work-waits.ts).
 */
function openDeviceDatabase(page: Page): Promise<void> {
	return page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('disclose', 2);
				open.onupgradeneeded = (event) => {
					const db = open.result;
					if (event.oldVersion < 1) {
						db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('by-updated-at', 'updatedAt');
						db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('by-mutation', ['id', 'operation']);
						db.createObjectStore('meta');
					}
					if (event.oldVersion < 2) {
						const files = db.createObjectStore('files', { keyPath: 'id' });
						files.createIndex('by-created-at', 'createdAt');
						files.createIndex('by-event', 'eventId');
					}
				};
				open.onsuccess = () => {
					open.result.close();
					resolve();
				};
				open.onerror = () => reject(open.error);
			})
	);
}

export interface QueuedChange {
	id: string;
	/** A change the server already refused, with its error. */
	refusedWith?: { message: string; code: string };
}

/**
 * Put a change in the device's outbox, as a feature saving offline would
 * (written straight to IndexedDB: no feature queues changes yet).
 */
export async function queueChangeOnDevice(page: Page, change: QueuedChange): Promise<void> {
	await openDeviceDatabase(page);
	await page.evaluate(async ({ id: changeId, refusedWith }) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('disclose');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const tx = db.transaction('outbox', 'readwrite');
		tx.objectStore('outbox').add({
			id: changeId,
			table: 'records_requests',
			operation: 'upsert',
			payload: { id: changeId, subject: 'Written offline' },
			createdAt: new Date().toISOString(),
			revision: 1,
			attempts: refusedWith ? 1 : 0,
			lastError: refusedWith ? { ...refusedWith, at: new Date().toISOString() } : null,
			status: refusedWith ? 'failed' : 'pending'
		});
		await new Promise((resolve, reject) => {
			tx.oncomplete = resolve;
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	}, change);
}

/** Empty the device's outbox, as a finished sync would. */
export async function clearChangesOnDevice(page: Page): Promise<void> {
	await openDeviceDatabase(page);
	await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('disclose');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const tx = db.transaction('outbox', 'readwrite');
		tx.objectStore('outbox').clear();
		await new Promise((resolve) => (tx.oncomplete = resolve));
		db.close();
	});
}

/** Width and height of a PNG, read from its header. */
export function pngSize(png: Buffer): { width: number; height: number } {
	expect(png.subarray(1, 4).toString('ascii'), 'PNG signature').toBe('PNG');
	return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
