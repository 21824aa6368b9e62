import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { closeDatabase, countUnsyncedDrafts, deleteDraft, getDraft, getOrCreateMeta, listDrafts, markDraftSynced, saveDraft } from './db';
import type { Draft } from './db-schema';
import { onOfflineChange } from './offline-changes';
import { useFreshDatabase } from './test-support';

beforeEach(useFreshDatabase);

function draft(id: string, updatedAt: string, syncedAt: string | null = null): Draft {
	return { id, organisationId: 'org-1', kind: 'records_request', fields: { subject: id }, updatedAt, syncedAt, serverVersion: null, deviceId: 'device-1' };
}

describe('the disclose database', () => {
	it('is created at version 1 with the drafts, outbox and meta stores and their indexes', async () => {
		await saveDraft(draft('a', '2026-11-25T10:00:00.000Z'));
		await closeDatabase();
		const db = await openDB('disclose');
		expect(db.version).toBe(1);
		expect([...db.objectStoreNames].sort()).toEqual(['drafts', 'meta', 'outbox']);
		const tx = db.transaction(['drafts', 'outbox']);
		expect([...tx.objectStore('drafts').indexNames]).toEqual(['by-updated-at']);
		expect(tx.objectStore('outbox').autoIncrement).toBe(true);
		expect([...tx.objectStore('outbox').indexNames]).toEqual(['by-mutation']);
		db.close();
	});
});

describe('drafts', () => {
	it('are kept on the device and listed with the most recently edited first', async () => {
		await saveDraft(draft('old', '2026-11-24T10:00:00.000Z'));
		await saveDraft(draft('new', '2026-11-25T10:00:00.000Z'));
		expect((await listDrafts()).map((d) => d.id)).toEqual(['new', 'old']);
		expect(await getDraft('old')).toMatchObject({ fields: { subject: 'old' } });
	});

	it('count as unsynced until the server accepted them, and again after a later edit', async () => {
		await saveDraft(draft('never', '2026-11-25T10:00:00.000Z'));
		await saveDraft(draft('synced', '2026-11-25T10:00:00.000Z', '2026-11-25T10:00:05.000Z'));
		await saveDraft(draft('edited', '2026-11-25T11:00:00.000Z', '2026-11-25T10:00:05.000Z'));
		expect(await countUnsyncedDrafts()).toBe(2);
		await markDraftSynced('never', '2026-11-25T10:01:00.000Z', '2026-11-25T10:01:00+00');
		await deleteDraft('edited');
		expect(await countUnsyncedDrafts()).toBe(0);
		expect(await getDraft('never')).toMatchObject({ syncedAt: '2026-11-25T10:01:00.000Z', serverVersion: '2026-11-25T10:01:00+00' });
	});

	it('tell listeners when they change', async () => {
		let changes = 0;
		const stop = onOfflineChange(() => (changes += 1));
		await saveDraft(draft('a', '2026-11-25T10:00:00.000Z'));
		await deleteDraft('a');
		stop();
		expect(changes).toBe(2);
	});
});

describe('meta', () => {
	it('creates a value once and returns the stored one afterwards', async () => {
		expect(await getOrCreateMeta('deviceId', () => 'first')).toBe('first');
		expect(await getOrCreateMeta('deviceId', () => 'second')).toBe('first');
	});
});
