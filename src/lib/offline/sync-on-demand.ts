/**
 * The signed-in area's sync, connected only when needed (loaded by the `/app`
 * layout after the first paint): once work waits on the device (now, or once
 * the user saves or queues something, or another tab does: work-waits.ts) the
 * supabase-js browser client and the sync machinery load (app-sync.ts) and the
 * outbox starts draining; a change sent before then connects it on demand
 * (sync-connector.ts). A page with nothing to sync loads neither.
 */
import type { Translate } from '$lib/i18n/translate';
import type { Locale } from '$lib/i18n/locales';
import type { BrowserBackend } from '$lib/data/browser-client';
import type { DeviceAccount } from './db-schema';
import { provideSyncConnection } from './sync-connector';
import { whenDeviceWorkWaits } from './work-waits';

interface SyncOnDemandOptions {
	backend: BrowserBackend;
	account: DeviceAccount;
	t: Translate;
	locale: () => Locale;
}

/** Waits for work and connects then; the returned function stops waiting and disconnects. */
export function startSyncOnDemand(options: SyncOnDemandOptions): () => void {
	let disconnect = () => {};
	let stopWaiting = () => {};
	let stopped = false;
	let connecting: Promise<void> | null = null;
	const connect = () =>
		(connecting ??= import('./app-sync')
			.then(({ startAppSync }) => {
				if (stopped) return;
				const sync = startAppSync(options);
				disconnect = sync.stop;
				return sync.ready;
			})
			.catch((error: unknown) => {
				// The sync code or supabase-js could not load (offline, never kept): the next need tries again.
				connecting = null;
				throw error;
			}));
	const waitForWork = () => {
		stopWaiting = whenDeviceWorkWaits(
			() =>
				void connect().catch(() => {
					if (!stopped) addEventListener('online', waitForWork, { once: true });
				})
		);
	};
	provideSyncConnection(connect);
	waitForWork();
	return () => {
		stopped = true;
		removeEventListener('online', waitForWork);
		provideSyncConnection(null);
		stopWaiting();
		disconnect();
	};
}
