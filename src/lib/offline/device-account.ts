/**
 * The account signed in on this page, as far as the device's offline data is
 * concerned: new drafts, outbox entries and files are written as its own, and
 * only its own (and unowned ones, see `ownership.ts`) are read back, listed and
 * sent. Set from the page's data by `OfflineIndicator.svelte` (root layout, so
 * before any page reads the device) and by `connectSync`. Browser-only state:
 * never set on the server, where one module serves every visitor.
 */
import type { DeviceAccount } from './db-schema';
import { announceOfflineChange } from './offline-changes';

let current: DeviceAccount | null = null;

/** The signed-in account, or null while nobody is (or the page has not said yet). */
export function deviceAccount(): DeviceAccount | null {
	return current;
}

/** Say who is signed in; what the device shows changes with it, so listeners are told. */
export function setDeviceAccount(account: DeviceAccount | null): void {
	const next = account ? { userId: account.userId, email: account.email } : null;
	if (next?.userId === current?.userId && next?.email === current?.email) return;
	current = next;
	announceOfflineChange();
}
