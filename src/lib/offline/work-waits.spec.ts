import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteRecordsOf, markDraftSynced, saveAttachmentFile, saveDraft } from './db';
import type { AttachmentFile, Draft } from './db-schema';
import { drain, enqueue } from './outbox';
import { accepted, mutation, scriptedTransport, useFreshDatabase } from './test-support';
import { deviceWorkWaits } from './work-waits';

const T0 = '2026-11-25T10:00:00.000Z';
const T1 = '2026-11-25T11:00:00.000Z';
const other = { userId: 'user-2', email: 'two@example.org' };

function draft(id: string, syncedAt: string | null): Draft {
	return { id, organisationId: 'org-1', kind: 'request_draft', fields: {}, updatedAt: T1, syncedAt, serverVersion: null, deviceId: 'device-1' };
}

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

beforeEach(useFreshDatabase);

describe('deviceWorkWaits', () => {
	it('says no on a device that never kept anything, and does not create the database', async () => {
		expect(await deviceWorkWaits()).toBe(false);
		expect(await indexedDB.databases()).toEqual([]);
	});

	it('says yes while a change waits in the outbox, and no once it was sent', async () => {
		await enqueue(mutation('a'));
		expect(await deviceWorkWaits()).toBe(true);
		await drain(scriptedTransport([accepted]));
		expect(await deviceWorkWaits()).toBe(false);
	});

	it('says yes for a draft never synced or edited since, and no for a synced one', async () => {
		await saveDraft(draft('d1', null));
		expect(await deviceWorkWaits()).toBe(true);
		await markDraftSynced('d1', T1, null);
		expect(await deviceWorkWaits()).toBe(false);
		await saveDraft(draft('d2', T0));
		expect(await deviceWorkWaits()).toBe(true);
	});

	it('says yes while a response document waits to upload', async () => {
		await saveAttachmentFile(waitingFile('f1'));
		expect(await deviceWorkWaits()).toBe(true);
	});

	it("counts another account's waiting work (the sync panel shows it), until it is discarded", async () => {
		await enqueue(mutation('theirs'), new Date(), other);
		expect(await deviceWorkWaits()).toBe(true);
		await deleteRecordsOf(other.userId);
		expect(await deviceWorkWaits()).toBe(false);
	});
});
