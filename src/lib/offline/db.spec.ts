import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import {
	adoptUnownedRecords,
	changeDraft,
	closeDatabase,
	countUnsyncedDrafts,
	deleteDraft,
	deleteRecordsOf,
	getAttachmentFile,
	getDraft,
	getOrCreateMeta,
	listAttachmentFiles,
	listDrafts,
	listOutboxEntries,
	markDraftSynced,
	readDeviceWork,
	saveAttachmentFile,
	saveDraft,
	storeOutboxMutation
} from './db';
import type { AttachmentFile, DeviceAccount, Draft } from './db-schema';
import { setDeviceAccount } from './device-account';
import { onOfflineChange } from './offline-changes';
import { useFreshDatabase } from './test-support';

beforeEach(useFreshDatabase);
afterEach(() => setDeviceAccount(null));

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

describe('on a device shared by several accounts', () => {
	const ana: DeviceAccount = { userId: 'user-ana', email: 'ana@example.org' };
	const ben: DeviceAccount = { userId: 'user-ben', email: 'ben@example.org' };
	const T0 = '2026-11-25T10:00:00.000Z';
	const T1 = '2026-11-25T11:00:00.000Z';

	function waitingFile(id: string): AttachmentFile {
		return {
			id,
			organisationId: 'org-1',
			requestId: 'request-1',
			eventId: 'event-1',
			fileName: 'letter.pdf',
			mimeType: 'application/pdf',
			size: 3,
			sha256: 'abc',
			blob: new Blob(['pdf']),
			status: 'waiting',
			attempts: 0,
			lastError: null,
			createdAt: T0
		};
	}

	/** Records written by an older version of the app, which knew nothing of accounts. */
	async function writeLegacyRecords() {
		const db = await openDB('disclose', 2, {
			upgrade(db) {
				db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('by-updated-at', 'updatedAt');
				db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('by-mutation', ['id', 'operation']);
				db.createObjectStore('meta');
				const files = db.createObjectStore('files', { keyPath: 'id' });
				files.createIndex('by-created-at', 'createdAt');
				files.createIndex('by-event', 'eventId');
			}
		});
		await db.put('drafts', draft('legacy', T0));
		await db.add('outbox', { id: 'legacy', table: 'request_drafts', operation: 'update', payload: {}, createdAt: T0, revision: 1, attempts: 0, lastError: null, status: 'pending' });
		await db.put('files', waitingFile('legacy-file'));
		db.close();
	}

	it('records the signed-in account on the drafts it saves, and keeps a draft’s owner when it is saved again', async () => {
		setDeviceAccount(ana);
		await saveDraft(draft('a', T0));
		expect((await getDraft('a'))?.owner).toEqual(ana);
		const { owner: _owner, ...withoutOwner } = (await getDraft('a'))!;
		await saveDraft({ ...withoutOwner, updatedAt: T1 });
		expect((await getDraft('a'))?.owner).toEqual(ana);
	});

	it('never lists, reads, counts or deletes another account’s drafts', async () => {
		await saveDraft(draft('ana-draft', T0), ana);
		await saveDraft(draft('ben-draft', T1), ben);
		setDeviceAccount(ben);
		expect((await listDrafts()).map((d) => d.id)).toEqual(['ben-draft']);
		expect(await getDraft('ana-draft')).toBeUndefined();
		expect(await countUnsyncedDrafts()).toBe(1);
		await deleteDraft('ana-draft');
		await markDraftSynced('ana-draft', T1, '3');
		expect(await getDraft('ana-draft', ana)).toMatchObject({ id: 'ana-draft', syncedAt: null, owner: ana });
	});

	it('leaves another account’s draft with waiting work untouched: the change sees nothing and writes nothing', async () => {
		await saveDraft(draft('shared', T0), ana);
		let seen: Draft | undefined | 'not called' = 'not called';
		const result = await changeDraft('shared', (stored) => {
			seen = stored;
			return draft('shared', T1);
		}, ben);
		expect(seen).toBe('not called');
		expect(result).toBeUndefined();
		expect(await getDraft('shared', ana)).toMatchObject({ updatedAt: T0, owner: ana });
	});

	it('lets an account replace another account’s synced copy of a draft (nothing of it waits), which becomes its own', async () => {
		await saveDraft(draft('shared', T0, T0), ana);
		let seen: Draft | undefined | 'not called' = 'not called';
		await changeDraft('shared', (stored) => {
			seen = stored;
			return draft('shared', T1, T1);
		}, ben);
		expect(seen).toBeUndefined();
		expect(await getDraft('shared', ben)).toMatchObject({ updatedAt: T1, owner: ben });
		expect(await getDraft('shared', ana)).toBeUndefined();
	});

	it('keeps another account’s synced draft while an outbox entry of it waits (a deletion, say)', async () => {
		await saveDraft(draft('shared', T0, T0), ana);
		await storeOutboxMutation({ id: 'shared', table: 'request_drafts', operation: 'delete', payload: {} }, T0, ana);
		expect(await changeDraft('shared', () => draft('shared', T1, T1), ben)).toBeUndefined();
		expect(await getDraft('shared', ana)).toMatchObject({ updatedAt: T0 });
	});

	it('keeps each account’s waiting files to itself', async () => {
		await saveAttachmentFile(waitingFile('ana-file'), ana);
		await saveAttachmentFile(waitingFile('ben-file'), ben);
		expect((await listAttachmentFiles(ben)).map((file) => file.id)).toEqual(['ben-file']);
		expect(await getAttachmentFile('ana-file', ben)).toBeUndefined();
		expect(await getAttachmentFile('ana-file', ana)).toMatchObject({ owner: ana });
	});

	it('keeps a version 2 database written before accounts were recorded readable: its records are unowned, seen by anyone', async () => {
		await writeLegacyRecords();
		expect(await getDraft('legacy', ben)).toMatchObject({ id: 'legacy' });
		expect((await listOutboxEntries(null)).map((entry) => entry.id)).toEqual(['legacy']);
		expect((await listAttachmentFiles(ana)).map((file) => file.id)).toEqual(['legacy-file']);
	});

	it('lets the first account that connects adopt the unowned records; the next account sees them as that account’s', async () => {
		await writeLegacyRecords();
		await saveDraft(draft('ben-own', T0), ben);
		expect(await adoptUnownedRecords(ana)).toBe(3);
		expect(await adoptUnownedRecords(ben)).toBe(0);
		expect(await getDraft('legacy', ben)).toBeUndefined();
		expect(await listOutboxEntries(ben)).toEqual([]);
		expect((await listOutboxEntries(ana)).map((entry) => entry.owner)).toEqual([ana]);
		expect(await getDraft('ben-own', ben)).toMatchObject({ owner: ben });
		expect((await readDeviceWork(ben)).others).toEqual([{ owner: ana, changes: 2 }]);
	});

	it('sums up the work of each account on the device', async () => {
		await saveDraft(draft('ana-draft', T0), ana);
		await storeOutboxMutation({ id: 'ana-draft', table: 'request_drafts', operation: 'update', payload: {} }, T0, ana);
		await storeOutboxMutation({ id: 'ben-event', table: 'request_events', operation: 'upsert', payload: {} }, T0, ben);
		const asBen = await readDeviceWork(ben);
		expect(asBen).toMatchObject({ pending: 1, waiting: 1, unsyncedDrafts: 0, others: [{ owner: ana, changes: 1 }] });
		expect(asBen.first?.id).toBe('ben-event');
		expect(await readDeviceWork(ana)).toMatchObject({ pending: 1, waiting: 1, unsyncedDrafts: 1, others: [{ owner: ben, changes: 1 }] });
	});

	it('deletes everything of one account, and only of that account', async () => {
		await saveDraft(draft('ana-draft', T0), ana);
		await saveDraft(draft('ben-draft', T0), ben);
		await storeOutboxMutation({ id: 'ana-draft', table: 'request_drafts', operation: 'update', payload: {} }, T0, ana);
		await storeOutboxMutation({ id: 'ben-draft', table: 'request_drafts', operation: 'update', payload: {} }, T0, ben);
		await saveAttachmentFile(waitingFile('ana-file'), ana);
		expect(await deleteRecordsOf(ana.userId)).toBe(3);
		expect(await readDeviceWork(ben)).toMatchObject({ pending: 1, others: [] });
		expect(await getDraft('ben-draft', ben)).toBeDefined();
		expect(await listDrafts(ana)).toEqual([]);
	});
});
