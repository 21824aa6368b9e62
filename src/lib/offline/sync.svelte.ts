/**
 * What the app shows about syncing (online?, how many changes wait, what went
 * wrong, whose changes from other accounts wait on this device) and when it
 * drains the outbox: on app start, when the network comes back, when the app
 * becomes visible, after a failed attempt (backing off), and on demand. The
 * supabase-js browser client is the caller's: pass a getter, and the account
 * it is signed in as: only that account's changes are sent with it.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { DeviceAccount, OutboxEntry } from './db-schema';
import { adoptUnownedRecords, deleteRecordsOf, readDeviceWork } from './db';
import { deviceAccount, setDeviceAccount } from './device-account';
import { onOfflineChange } from './offline-changes';
import { connectSyncOnDemand } from './sync-connector';
import type { WaitingWork } from './ownership';
import { discardEntry, drain, retryEntry, type DrainResult } from './outbox';
import { supabaseTransport, type OutboxTransport, type SendFailure } from './transport';

export interface SyncProblem {
	kind: SendFailure;
	message: string;
	code?: string;
	/** The outbox entry it belongs to. */
	entry: OutboxEntry;
}

class SyncStatus {
	online = $state(true);
	/** Changes in the outbox, whatever their status. */
	pending = $state(0);
	unsyncedDrafts = $state(0);
	draining = $state(false);
	/** True once a page connected a client, so "Sync now" can do something. */
	connected = $state(false);
	/** The error of the first waiting change, if its last attempt failed. */
	problem = $state<SyncProblem | null>(null);
	/** Other accounts whose changes wait on this device: never sent with this session, never shown (only counted). */
	otherAccounts = $state.raw<WaitingWork[]>([]);
	needsSignIn = $derived(this.problem?.kind === 'auth');
	/**
	 * Work a reload must not interrupt: changes in the outbox or drafts not yet synced. The larger of
	 * the two, since a draft being synced is usually also an outbox entry (never counted twice).
	 */
	unsyncedWork = $derived(Math.max(this.pending, this.unsyncedDrafts));
}

export const syncStatus = new SyncStatus();

let transport: (() => OutboxTransport | null) | null = null;
/** The account the connected client is signed in as (undefined: not said, the page's account is used). */
let transportAccount: DeviceAccount | undefined;
let connection: symbol | null = null;
const RETRY_DELAYS_MS = [15_000, 30_000, 60_000, 120_000, 300_000];
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let failedAttempts = 0;

function problemOf(entry: OutboxEntry | undefined): SyncProblem | null {
	if (!entry?.lastError) return null;
	const kind: SendFailure = entry.status === 'failed' ? 'rejected' : entry.status === 'auth' ? 'auth' : 'network';
	return { kind, message: entry.lastError.message, code: entry.lastError.code, entry };
}

/**
 * Re-read counts and the first entry's error from the database (they may have changed in another tab), for the
 * account signed in on this page; other accounts' work is only counted.
 */
export function refreshSyncStatus(): Promise<void> {
	// One read at a time: calls made during a read share the one that follows it (a drain reports every entry sent).
	if (!reading) {
		reading = readSyncStatus().finally(() => (reading = null));
		return reading;
	}
	readingNext ??= reading.catch(() => undefined).then(() => {
		readingNext = null;
		return refreshSyncStatus();
	});
	return readingNext;
}

let reading: Promise<void> | null = null;
let readingNext: Promise<void> | null = null;

async function readSyncStatus(): Promise<void> {
	const work = await readDeviceWork(deviceAccount());
	syncStatus.pending = work.pending;
	syncStatus.unsyncedDrafts = work.unsyncedDrafts;
	syncStatus.problem = problemOf(work.first);
	syncStatus.otherAccounts = work.others;
}

let trackers = 0;
let stopTracking: (() => void) | null = null;

/** Follow connectivity and database changes while at least one component asks to. Returns the function that stops. */
export function trackSyncStatus(): () => void {
	trackers += 1;
	if (trackers === 1) {
		const updateOnline = () => (syncStatus.online = navigator.onLine);
		updateOnline();
		window.addEventListener('online', updateOnline);
		window.addEventListener('offline', updateOnline);
		const stopListening = onOfflineChange(() => void refreshSyncStatus());
		void refreshSyncStatus();
		stopTracking = () => {
			window.removeEventListener('online', updateOnline);
			window.removeEventListener('offline', updateOnline);
			stopListening();
		};
	}
	let stopped = false;
	return () => {
		if (stopped) return;
		stopped = true;
		trackers -= 1;
		if (trackers === 0) stopTracking?.();
	};
}

/**
 * Drain now, connecting the page's client first when none is yet (the signed-in layout connects only once work
 * waits, see sync-connector.ts). Resolves to null when there is nothing to drain with.
 */
export async function syncNow(): Promise<DrainResult | null> {
	if (!transport) await connectSyncOnDemand();
	const current = transport?.();
	if (!current) return null;
	clearTimeout(retryTimer);
	syncStatus.draining = true;
	try {
		const result = await drain(current, { onProgress: () => void refreshSyncStatus(), account: transportAccount ?? deviceAccount() });
		scheduleRetry(result);
		return result;
	} finally {
		syncStatus.draining = false;
		await refreshSyncStatus();
	}
}

/** After "no answer", try again later with growing pauses (the online event never comes on a weak but present signal). */
function scheduleRetry(result: DrainResult): void {
	if (result.outcome !== 'network') {
		failedAttempts = 0;
		return;
	}
	const delay = RETRY_DELAYS_MS[Math.min(failedAttempts, RETRY_DELAYS_MS.length - 1)];
	failedAttempts += 1;
	retryTimer = setTimeout(() => void syncNow(), delay);
}

export interface ConnectOptions {
	/**
	 * The account the client is signed in as. Its changes (and unowned ones, which it adopts first: they were made
	 * before changes recorded their account) are sent; other accounts' changes wait for their own sign-in.
	 */
	account?: DeviceAccount;
}

/**
 * Start draining with the caller's supabase-js client (a getter: the client
 * may change after sign-in). Drains at once, then on `online` and when the app
 * becomes visible. Returns the function that disconnects. Call it from the
 * signed-in layout; a later call takes over from an earlier one.
 */
export function connectSync(
	getClient: () => SupabaseClient | null | undefined,
	makeTransport = supabaseTransport,
	{ account }: ConnectOptions = {}
): () => void {
	const thisConnection = Symbol('sync connection');
	connection = thisConnection;
	transport = () => {
		const client = getClient();
		return client ? makeTransport(client) : null;
	};
	transportAccount = account;
	if (account) setDeviceAccount(account);
	syncStatus.connected = true;
	const drainWhenVisible = () => {
		if (document.visibilityState === 'visible') void syncNow();
	};
	const drainWhenOnline = () => void syncNow();
	window.addEventListener('online', drainWhenOnline);
	document.addEventListener('visibilitychange', drainWhenVisible);
	void (async () => {
		// Unowned changes would be sent by this account anyway: recording it says so to the next account.
		if (account) await adoptUnownedRecords(account).catch(() => 0);
		if (connection === thisConnection) await syncNow();
	})();
	return () => {
		window.removeEventListener('online', drainWhenOnline);
		document.removeEventListener('visibilitychange', drainWhenVisible);
		if (connection !== thisConnection) return; // a newer connection took over
		connection = null;
		clearTimeout(retryTimer);
		transport = null;
		transportAccount = undefined;
		syncStatus.connected = false;
	};
}

/** The user fixed what they could and asks to send the refused change again. */
export async function retryChange(seq: number): Promise<void> {
	await retryEntry(seq);
	await refreshSyncStatus();
	await syncNow();
}

/** The user confirmed that the refused change should be dropped; the changes after it can go. */
export async function discardChange(seq: number): Promise<void> {
	await discardEntry(seq);
	await refreshSyncStatus();
	await syncNow();
}

/**
 * The user confirmed that another account's changes waiting on this device should be dropped (they were never sent;
 * its drafts kept here go too). Never the signed-in account's own.
 */
export async function discardOtherAccountWork(userId: string): Promise<void> {
	if (userId === deviceAccount()?.userId) throw new Error('Only another account’s changes can be discarded this way.');
	await deleteRecordsOf(userId);
	await refreshSyncStatus();
}
