/**
 * Whether anything waits on this device to be sent: an outbox entry, a file
 * to upload, or a draft with changes not synced yet. Pages ask this before
 * they load the sync machinery, `idb` and supabase-js, so a page with nothing
 * waiting loads none of it. Read with plain IndexedDB (no `idb`): it never
 * creates the database (a device that never kept anything has none) and
 * closes its connection at once (an app upgrade is never blocked by it).
 *
 * Any account's records count: the sync panel shows other accounts' waiting
 * work too. When the device cannot tell (IndexedDB fails), it says yes, so the
 * machinery loads as it always did.
 */
import { DATABASE_NAME } from './db-schema';
import { hasUnsyncedChanges } from './draft-state';
import type { Draft } from './db-schema';
import { onOfflineChange } from './offline-changes';

/** Reads the device once. */
export function deviceWorkWaits(): Promise<boolean> {
	if (typeof indexedDB === 'undefined') return Promise.resolve(false);
	return new Promise((resolve) => {
		let request: IDBOpenDBRequest;
		try {
			request = indexedDB.open(DATABASE_NAME);
		} catch {
			return resolve(true);
		}
		let missing = false;
		// No database yet: stop before one is created (the abort makes the open fail).
		request.onupgradeneeded = () => {
			missing = true;
			request.transaction?.abort();
		};
		request.onerror = () => resolve(!missing);
		request.onblocked = () => resolve(true);
		request.onsuccess = () => {
			const db = request.result;
			db.onversionchange = () => db.close();
			try {
				resolve(readWaiting(db).finally(() => db.close()));
			} catch {
				db.close();
				resolve(true);
			}
		};
	});
}

function readWaiting(db: IDBDatabase): Promise<boolean> {
	const names = ['outbox', 'files', 'drafts'].filter((name) => db.objectStoreNames.contains(name));
	if (names.length === 0) return Promise.resolve(false);
	const tx = db.transaction(names);
	const counts = ['outbox', 'files'].filter((name) => names.includes(name)).map((name) => request<number>(tx.objectStore(name).count()));
	const drafts = names.includes('drafts') ? unsyncedDraft(tx.objectStore('drafts')) : Promise.resolve(false);
	return Promise.all([...counts, drafts]).then(
		(answers) => answers.some((answer) => answer === true || (typeof answer === 'number' && answer > 0)),
		() => true
	);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

/** Whether a draft has changes not synced yet (stops at the first). */
function unsyncedDraft(store: IDBObjectStore): Promise<boolean> {
	return new Promise((resolve, reject) => {
		const cursor = store.openCursor();
		cursor.onerror = () => reject(cursor.error);
		cursor.onsuccess = () => {
			const at = cursor.result;
			if (!at) return resolve(false);
			if (hasUnsyncedChanges(at.value as Draft)) return resolve(true);
			at.continue();
		};
	});
}

/**
 * Calls `start` once, as soon as work waits on this device: now, or when this tab or another one writes to the
 * device's database (a draft saved, a change queued: the user acted), or when the network comes back. Returns the
 * function that stops waiting.
 */
export function whenDeviceWorkWaits(start: () => void, { orOffline = false } = {}): () => void {
	let done = false;
	let checking = false;
	let again = false;
	const stop = () => {
		done = true;
		stopListening();
		window.removeEventListener('online', check);
		window.removeEventListener('offline', check);
	};
	async function check() {
		if (done) return;
		if (checking) {
			again = true;
			return;
		}
		checking = true;
		const waits = (orOffline && !navigator.onLine) || (await deviceWorkWaits());
		checking = false;
		if (done) return;
		if (waits) {
			stop();
			start();
		} else if (again) {
			again = false;
			void check();
		}
	}
	const stopListening = onOfflineChange(() => void check());
	window.addEventListener('online', check);
	window.addEventListener('offline', check);
	void check();
	return stop;
}
