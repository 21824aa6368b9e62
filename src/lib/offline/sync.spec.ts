import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { getDraft, saveDraft } from './db';
import type { DeviceAccount } from './db-schema';
import { deviceAccount, setDeviceAccount } from './device-account';
import { enqueue, listOutbox } from './outbox';
import { connectSync, discardOtherAccountWork, refreshSyncStatus, syncNow, syncStatus, trackSyncStatus } from './sync.svelte';
import { provideSyncConnection } from './sync-connector';
import { accepted, mutation, noAnswer, refused, scriptedTransport, sessionExpired, useFreshDatabase, type ScriptedTransport } from './test-support';

const fakeClient = {} as SupabaseClient;
let pageWindow: EventTarget;
let pageDocument: EventTarget & { visibilityState: DocumentVisibilityState };
let network: { onLine: boolean };
const stops: (() => void)[] = [];

beforeEach(async () => {
	await useFreshDatabase();
	pageWindow = new EventTarget();
	pageDocument = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
	network = { onLine: true };
	vi.stubGlobal('window', pageWindow);
	vi.stubGlobal('document', pageDocument);
	vi.stubGlobal('navigator', network);
});
afterEach(() => {
	while (stops.length) stops.pop()?.();
	setDeviceAccount(null);
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

function connect(transport: ScriptedTransport, account?: DeviceAccount) {
	stops.push(connectSync(() => fakeClient, () => transport, { account }));
}

describe('sync', () => {
	it('does nothing on demand until a page connects a client', async () => {
		expect(await syncNow()).toBeNull();
		expect(syncStatus.connected).toBe(false);
	});

	it('connects on demand the page that connects only once work waits, and sends a change queued before', async () => {
		await enqueue(mutation('a'));
		const transport = scriptedTransport([accepted]);
		provideSyncConnection(async () => connect(transport));
		stops.push(() => provideSyncConnection(null));
		const result = await syncNow();
		expect(result?.outcome).toBe('drained');
		expect(transport.sent.map((entry) => entry.id)).toEqual(['a']);
		expect(syncStatus.connected).toBe(true);
	});

	it('says so (null) when the page could not connect (supabase-js did not load)', async () => {
		await enqueue(mutation('a'));
		provideSyncConnection(() => Promise.reject(new Error('Failed to fetch dynamically imported module')));
		stops.push(() => provideSyncConnection(null));
		expect(await syncNow()).toBeNull();
		expect(await listOutbox()).toHaveLength(1);
	});

	it('drains as soon as a client is connected (app start)', async () => {
		await enqueue(mutation('a'));
		const transport = scriptedTransport([accepted]);
		connect(transport);
		await vi.waitFor(() => expect(transport.sent).toHaveLength(1));
		await vi.waitFor(() => expect(syncStatus.pending).toBe(0));
	});

	it('drains again when the network comes back and when the app becomes visible', async () => {
		const transport = scriptedTransport([accepted]);
		connect(transport);
		await vi.waitFor(() => expect(syncStatus.draining).toBe(false));

		await enqueue(mutation('a'));
		pageWindow.dispatchEvent(new Event('online'));
		await vi.waitFor(() => expect(transport.sent.map((e) => e.id)).toEqual(['a']));

		await enqueue(mutation('b'));
		pageDocument.visibilityState = 'hidden';
		pageDocument.dispatchEvent(new Event('visibilitychange'));
		pageDocument.visibilityState = 'visible';
		pageDocument.dispatchEvent(new Event('visibilitychange'));
		await vi.waitFor(() => expect(transport.sent.map((e) => e.id)).toEqual(['a', 'b']));
	});

	it('follows the browser going offline and online', () => {
		stops.push(trackSyncStatus());
		network.onLine = false;
		pageWindow.dispatchEvent(new Event('offline'));
		expect(syncStatus.online).toBe(false);
		network.onLine = true;
		pageWindow.dispatchEvent(new Event('online'));
		expect(syncStatus.online).toBe(true);
	});

	it('shows a refused change as the problem, with the entry to retry or discard', async () => {
		await enqueue(mutation('a'));
		connect(scriptedTransport([refused]));
		await vi.waitFor(() => expect(syncStatus.problem?.kind).toBe('rejected'));
		expect(syncStatus.problem?.entry.id).toBe('a');
		expect(syncStatus.pending).toBe(1);
		expect(syncStatus.needsSignIn).toBe(false);
	});

	it('asks for a new sign-in when the session expired', async () => {
		await enqueue(mutation('a'));
		connect(scriptedTransport([sessionExpired]));
		await vi.waitFor(() => expect(syncStatus.needsSignIn).toBe(true));
	});

	it('tries again by itself after a network failure', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		await enqueue(mutation('a'));
		const transport = scriptedTransport([noAnswer, accepted]);
		connect(transport);
		await vi.waitFor(() => expect(syncStatus.problem?.kind).toBe('network'));
		await vi.advanceTimersByTimeAsync(15_000);
		await vi.waitFor(() => expect(transport.sent).toHaveLength(2));
		await vi.waitFor(() => expect(syncStatus.pending).toBe(0));
	});

	it('counts changes and unsynced drafts as work a reload must not interrupt, a draft being synced once', async () => {
		await saveDraft({ id: 'a', organisationId: 'org', kind: 'records_request', fields: {}, updatedAt: '2026-11-25T10:00:00.000Z', syncedAt: null, serverVersion: null, deviceId: 'd' });
		await refreshSyncStatus();
		expect(syncStatus.unsyncedWork).toBe(1);
		await enqueue(mutation('a'));
		await refreshSyncStatus();
		expect(syncStatus.unsyncedWork).toBe(1);
		await enqueue(mutation('b'));
		await refreshSyncStatus();
		expect(syncStatus.unsyncedWork).toBe(2);
	});

	it('shares reads between refreshes asked for at once, and a refresh always sees the changes made before it', async () => {
		await enqueue(mutation('a'));
		const first = refreshSyncStatus();
		const burst = [refreshSyncStatus(), refreshSyncStatus(), refreshSyncStatus()];
		expect(new Set([first, ...burst]).size).toBe(2);
		await Promise.all([first, ...burst]);
		expect(syncStatus.pending).toBe(1);

		const reading = refreshSyncStatus();
		await enqueue(mutation('b'));
		await refreshSyncStatus();
		await reading;
		expect(syncStatus.pending).toBe(2);
	});

	it('keeps draining through the newer connection when an older one disconnects', async () => {
		const stopOlder = connectSync(() => fakeClient, () => scriptedTransport([accepted]));
		const newer = scriptedTransport([accepted]);
		connect(newer);
		stopOlder();
		expect(syncStatus.connected).toBe(true);
		await vi.waitFor(() => expect(syncStatus.draining).toBe(false));
		await enqueue(mutation('a'));
		await syncNow();
		expect(newer.sent.map((e) => e.id)).toEqual(['a']);
	});
});

describe('sync on a device shared by several accounts', () => {
	const ana: DeviceAccount = { userId: 'user-ana', email: 'ana@example.org' };
	const ben: DeviceAccount = { userId: 'user-ben', email: 'ben@example.org' };
	const unsynced = (id: string) => ({ id, organisationId: 'org', kind: 'request_draft', fields: {}, updatedAt: '2026-11-25T10:00:00.000Z', syncedAt: null, serverVersion: null, deviceId: 'd' });

	it('sends only the connected account’s changes with its session, and says whose other changes wait', async () => {
		await enqueue(mutation('a1'), new Date(), ana);
		await enqueue(mutation('b1'), new Date(), ben);
		await enqueue(mutation('a2'), new Date(), ana);
		const transport = scriptedTransport([accepted]);
		connect(transport, ben);
		await vi.waitFor(() => expect(transport.sent.map((e) => e.id)).toEqual(['b1']));
		await vi.waitFor(() => expect(syncStatus.draining).toBe(false));
		expect(deviceAccount()).toEqual(ben);
		expect(syncStatus.pending).toBe(0);
		expect(syncStatus.otherAccounts).toEqual([{ owner: ana, changes: 2 }]);

		// "Sync now" never sends them either.
		await syncNow();
		expect(transport.sent.map((e) => e.id)).toEqual(['b1']);
	});

	it('sends the waiting changes once their own account connects again, exactly once and in order', async () => {
		await enqueue(mutation('a1'), new Date(), ana);
		await enqueue(mutation('b1'), new Date(), ben);
		await enqueue(mutation('a2'), new Date(), ana);
		const asBen = scriptedTransport([accepted]);
		connect(asBen, ben);
		await vi.waitFor(() => expect(asBen.sent).toHaveLength(1));
		stops.pop()?.();

		const asAna = scriptedTransport([accepted]);
		connect(asAna, ana);
		await vi.waitFor(() => expect(asAna.sent.map((e) => e.id)).toEqual(['a1', 'a2']));
		await vi.waitFor(() => expect(syncStatus.pending).toBe(0));
		expect(syncStatus.otherAccounts).toEqual([]);
	});

	it('lets the first account that connects adopt changes made before accounts were recorded', async () => {
		await enqueue(mutation('legacy'), new Date(), null);
		await saveDraft(unsynced('legacy'), null);
		connect(scriptedTransport([refused]), ana);
		await vi.waitFor(() => expect(syncStatus.problem?.kind).toBe('rejected'));
		expect((await listOutbox(ana)).map((e) => [e.id, e.owner])).toEqual([['legacy', ana]]);
		expect(await getDraft('legacy', ana)).toMatchObject({ owner: ana });
		stops.pop()?.();

		// The next account sees them as the first one's: never sent with its session, never shown.
		const asBen = scriptedTransport([accepted]);
		connect(asBen, ben);
		await vi.waitFor(() => expect(syncStatus.otherAccounts).toEqual([{ owner: ana, changes: 1 }]));
		expect(asBen.sent).toEqual([]);
		expect(syncStatus.problem).toBeNull();
		expect(await getDraft('legacy')).toBeUndefined();
	});

	it('discards another account’s waiting changes when asked, and never the signed-in account’s own', async () => {
		await enqueue(mutation('a1'), new Date(), ana);
		await saveDraft(unsynced('a-draft'), ana);
		await enqueue(mutation('b1'), new Date(), ben);
		setDeviceAccount(ben);
		await refreshSyncStatus();
		expect(syncStatus.otherAccounts).toEqual([{ owner: ana, changes: 2 }]);

		await expect(discardOtherAccountWork(ben.userId)).rejects.toThrow();
		await discardOtherAccountWork(ana.userId);
		expect(syncStatus.otherAccounts).toEqual([]);
		expect(syncStatus.pending).toBe(1);
		expect(await listOutbox(ana)).toEqual([]);
		expect(await getDraft('a-draft', ana)).toBeUndefined();
	});

	it('shows nothing owned while nobody is signed in, only whose changes wait', async () => {
		await enqueue(mutation('a1'), new Date(), ana);
		await refreshSyncStatus();
		expect(syncStatus.pending).toBe(0);
		expect(syncStatus.problem).toBeNull();
		expect(syncStatus.otherAccounts).toEqual([{ owner: ana, changes: 1 }]);
	});
});
