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
	it('is created at version 2 with the drafts, outbox, meta and files stores and their indexes', async () => {
		await saveDraft(draft('a', '2026-11-25T10:00:00.000Z'));
		await closeDatabase();
		const db = await openDB('disclose');
		expect(db.version).toBe(2);
		expect([...db.objectStoreNames].sort()).toEqual(['drafts', 'files', 'meta', 'outbox']);
		const tx = db.transaction(['drafts', 'outbox', 'files']);
		expect([...tx.objectStore('drafts').indexNames]).toEqual(['by-updated-at']);
		expect(tx.objectStore('outbox').autoIncrement).toBe(true);
		expect([...tx.objectStore('outbox').indexNames]).toEqual(['by-mutation']);
		expect([...tx.objectStore('files').indexNames].sort()).toEqual(['by-created-at', 'by-event']);
		db.close();
	});

	it('upgrades a version 1 database to version 2 keeping its drafts and outbox', async () => {
		const v1 = await openDB('disclose', 1, {
			upgrade(db) {
				db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('by-updated-at', 'updatedAt');
				db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('by-mutation', ['id', 'operation']);
				db.createObjectStore('meta');
			}
		});
		await v1.put('drafts', draft('kept', '2026-11-25T10:00:00.000Z'));
		v1.close();
		expect(await getDraft('kept')).toMatchObject({ id: 'kept' });
		await closeDatabase();
		const db = await openDB('disclose');
		expect(db.version).toBe(2);
		expect([...db.objectStoreNames]).toContain('files');
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
