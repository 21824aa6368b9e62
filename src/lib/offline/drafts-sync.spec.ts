import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerDraft } from '$lib/data/drafts';
import { getDraft, saveDraft } from './db';
import { deletionMarker, isDeletedDraft } from './draft-fates';
import { checkDraftsOnServer } from './drafts-check';
import { deleteRequestDraft, deletedDraftIds, getDeletedDraft, keepDraftDeletedElsewhere } from './drafts-deletion';
import { closedAsDeleted, DraftClosedError, getRequestDraft, listRequestDrafts, mergeServerDrafts, saveRequestDraft, type RequestDraft, type RequestDraftFields } from './drafts-sync';
import { listOutbox } from './outbox';
import { useFreshDatabase } from './test-support';

beforeEach(useFreshDatabase);

const ORG = 'org-1';
const T0 = new Date('2026-11-25T10:00:00.000Z');
const T1 = new Date('2026-11-25T11:00:00.000Z');
const T2 = new Date('2026-11-25T12:00:00.000Z');

const fields = (title: string): RequestDraftFields => ({ templateId: 'initial_request', title, values: { subject_summary: title }, agencyIds: [] });

function server(id: string, overrides: Partial<ServerDraft> = {}): ServerDraft {
	return {
		id,
		organisationId: ORG,
		templateId: 'initial_request',
		title: 'From the server',
		values: { subject_summary: 'From the server' },
		agencyIds: [],
		restoredFrom: null,
		revision: 2,
		filedAt: null,
		createdBy: 'user-1',
		createdAt: T0.toISOString(),
		updatedAt: T0.toISOString(),
		...overrides
	};
}

/** A draft as it is after a sync: on the server at `revision`, nothing changed here since. */
async function syncedDraft(id: string, title = 'Synced'): Promise<RequestDraft> {
	const draft: RequestDraft = {
		id,
		organisationId: ORG,
		kind: 'request_draft',
		fields: { ...fields(title), createdBy: 'user-1' },
		updatedAt: T0.toISOString(),
		syncedAt: T0.toISOString(),
		serverVersion: '2',
		deviceId: 'phone'
	};
	await saveDraft(draft);
	return draft;
}

const draftEntries = async () => (await listOutbox()).filter((entry) => entry.table === 'request_drafts').map(({ id, operation }) => ({ id, operation }));

describe('deleting a draft on this device', () => {
	it('removes it from the device at once and queues exactly one server delete for a synced draft', async () => {
		await syncedDraft('d1');
		expect(await deleteRequestDraft('d1', null, T1)).toEqual({ outcome: 'deleted', syncing: true });
		expect(await getRequestDraft('d1')).toBeUndefined();
		expect(await listRequestDrafts()).toEqual([]);
		expect(await draftEntries()).toEqual([{ id: 'd1', operation: 'delete' }]);
		// Asking again (a double tap, a second tab) changes nothing.
		expect(await deleteRequestDraft('d1', null, T2)).toEqual({ outcome: 'deleted', syncing: false });
		expect(await draftEntries()).toEqual([{ id: 'd1', operation: 'delete' }]);
	});

	it('needs no server call for a draft that never left the device, and drops the change waiting to create it', async () => {
		await saveRequestDraft({ id: 'local', organisationId: ORG, fields: fields('Only here'), deviceId: 'phone' }, T0);
		expect(await draftEntries()).toEqual([{ id: 'local', operation: 'update' }]);
		expect(await deleteRequestDraft('local', null, T1)).toEqual({ outcome: 'deleted', syncing: false });
		expect(await draftEntries()).toEqual([]);
		expect(await getRequestDraft('local')).toBeUndefined();
	});

	it('drops a waiting edit of a synced draft and deletes it instead', async () => {
		await syncedDraft('d1');
		await saveRequestDraft({ id: 'd1', organisationId: ORG, fields: fields('Edited'), deviceId: 'phone' }, T1);
		await deleteRequestDraft('d1', null, T2);
		expect(await draftEntries()).toEqual([{ id: 'd1', operation: 'delete' }]);
	});

	it('keeps no content, only a marker with the id', async () => {
		await syncedDraft('d1', 'Secret subject');
		await deleteRequestDraft('d1', null, T1);
		const marker = await getDeletedDraft('d1');
		expect(marker).toMatchObject({ id: 'd1', fields: { by: 'here', deletedAt: T1.toISOString() } });
		expect(JSON.stringify(marker)).not.toContain('Secret subject');
		expect(await deletedDraftIds()).toEqual(new Set(['d1']));
	});

	it('deletes a draft listed from the server but not on this device yet', async () => {
		expect(await deleteRequestDraft('remote', { organisationId: ORG, deviceId: 'phone' }, T1)).toEqual({ outcome: 'deleted', syncing: true });
		expect(isDeletedDraft(await getDraft('remote'))).toBe(true);
		expect(await draftEntries()).toEqual([{ id: 'remote', operation: 'delete' }]);
	});

	it('refuses to delete a filed draft: it stays with its requests', async () => {
		const draft = await syncedDraft('filed');
		await saveDraft({ ...draft, fields: { ...draft.fields, filedAt: T1.toISOString() } });
		expect(await deleteRequestDraft('filed', null, T2)).toEqual({ outcome: 'filed' });
		expect(await getRequestDraft('filed')).toBeDefined();
		expect(await draftEntries()).toEqual([]);
	});

	it('an autosave arriving after the deletion does not bring the draft back', async () => {
		await syncedDraft('d1');
		await deleteRequestDraft('d1', null, T1);
		await expect(saveRequestDraft({ id: 'd1', organisationId: ORG, fields: fields('Late keystroke'), deviceId: 'phone' }, T2)).rejects.toBeInstanceOf(DraftClosedError);
		expect(await getRequestDraft('d1')).toBeUndefined();
		expect(await draftEntries()).toEqual([{ id: 'd1', operation: 'delete' }]);
	});
});

describe('pulling the server’s drafts', () => {
	it('never brings back a draft deleted on this device, even from a list read before the deletion', async () => {
		await syncedDraft('d1');
		await deleteRequestDraft('d1', null, T1);
		expect(await mergeServerDrafts([server('d1', { revision: 9 })], 'phone', T2)).toBe(0);
		expect(await getRequestDraft('d1')).toBeUndefined();
	});

	it('marks an unchanged draft filed elsewhere as filed, and does not add filed drafts it never had', async () => {
		await syncedDraft('d1');
		await mergeServerDrafts([server('d1', { revision: 3, filedAt: T1.toISOString() }), server('other', { filedAt: T1.toISOString() })], 'phone', T2);
		expect((await getRequestDraft('d1'))?.fields).toMatchObject({ filedAt: T1.toISOString(), closedElsewhere: { reason: 'filed', copyId: null } });
		expect(await getRequestDraft('other')).toBeUndefined();
	});

	it('leaves a filed draft with changes here to its own sync', async () => {
		await syncedDraft('d1');
		await saveRequestDraft({ id: 'd1', organisationId: ORG, fields: fields('Changed here'), deviceId: 'phone' }, T1);
		await mergeServerDrafts([server('d1', { revision: 3, filedAt: T1.toISOString() })], 'phone', T2);
		expect((await getRequestDraft('d1'))?.fields).toMatchObject({ title: 'Changed here' });
		expect((await getRequestDraft('d1'))?.fields.closedElsewhere).toBeUndefined();
	});

	it('keeps the author the server knows', async () => {
		await mergeServerDrafts([server('d1', { createdBy: 'user-9' })], 'phone', T1);
		expect((await getRequestDraft('d1'))?.fields.createdBy).toBe('user-9');
	});
});

describe('autosave keeps what the device knows about a draft', () => {
	it('an edit keeps filedAt and the author', async () => {
		const draft = await syncedDraft('d1');
		await saveDraft({ ...draft, fields: { ...draft.fields, filedAt: T1.toISOString() } });
		const saved = await saveRequestDraft({ id: 'd1', organisationId: ORG, fields: fields('Edited'), deviceId: 'phone' }, T2);
		expect(saved.fields).toMatchObject({ title: 'Edited', filedAt: T1.toISOString(), createdBy: 'user-1' });
	});

	it('a draft filed on another device takes no more edits', async () => {
		await syncedDraft('d1');
		await mergeServerDrafts([server('d1', { revision: 3, filedAt: T1.toISOString() })], 'phone', T1);
		await expect(saveRequestDraft({ id: 'd1', organisationId: ORG, fields: fields('Too late'), deviceId: 'phone' }, T2)).rejects.toMatchObject({ reason: 'filed' });
	});

	it('a draft deleted on another device keeps its edits here but does not sync them until kept', async () => {
		const draft = await syncedDraft('d1');
		await saveDraft(closedAsDeleted(draft, T1.toISOString()));
		await saveRequestDraft({ id: 'd1', organisationId: ORG, fields: fields('Still mine'), deviceId: 'phone' }, T2);
		expect(await draftEntries()).toEqual([]);
		expect((await getRequestDraft('d1'))?.fields).toMatchObject({ title: 'Still mine', closedElsewhere: { reason: 'deleted' } });

		const kept = await keepDraftDeletedElsewhere('d1', T2);
		expect(kept?.fields.closedElsewhere).toBeNull();
		expect(kept).toMatchObject({ serverVersion: null, syncedAt: null });
		expect(kept?.fields.createdBy).toBeUndefined();
		expect(await draftEntries()).toEqual([{ id: 'd1', operation: 'update' }]);
	});

	it('deleting a draft already deleted elsewhere needs no server call', async () => {
		const draft = await syncedDraft('d1');
		await saveDraft(closedAsDeleted(draft, T1.toISOString()));
		expect(await deleteRequestDraft('d1', null, T2)).toEqual({ outcome: 'deleted', syncing: false });
		expect(await draftEntries()).toEqual([]);
	});
});

describe('checking drafts against the server', () => {
	it('removes an unchanged draft deleted elsewhere and marks one filed elsewhere, and says so', async () => {
		await syncedDraft('gone', 'Deleted on the laptop');
		await syncedDraft('filed', 'Filed on the laptop');
		await syncedDraft('still', 'Still there');
		const read = vi.fn(async () => new Map([['filed', server('filed', { filedAt: T1.toISOString(), revision: 3 })], ['still', server('still')]]));
		const report = await checkDraftsOnServer(read, { now: T2 });
		expect(read).toHaveBeenCalledOnce();
		expect(report.map((r) => [r.reason, r.draft.fields.title]).sort()).toEqual([['deleted', 'Deleted on the laptop'], ['filed', 'Filed on the laptop']]);
		expect(await getDeletedDraft('gone')).toMatchObject({ fields: { by: 'elsewhere' } });
		expect((await getRequestDraft('filed'))?.fields.closedElsewhere).toMatchObject({ reason: 'filed' });
		expect((await getRequestDraft('still'))?.fields.title).toBe('Still there');
	});

	it('leaves a draft changed here alone: its sync keeps the changes', async () => {
		await syncedDraft('d1');
		await saveRequestDraft({ id: 'd1', organisationId: ORG, fields: fields('Changed here'), deviceId: 'phone' }, T1);
		const read = vi.fn(async () => new Map<string, ServerDraft>());
		expect(await checkDraftsOnServer(read, { now: T2 })).toEqual([]);
		expect(read).not.toHaveBeenCalled();
		expect((await getRequestDraft('d1'))?.fields.title).toBe('Changed here');
	});

	it('changes nothing when the server cannot be asked', async () => {
		await syncedDraft('d1');
		await expect(checkDraftsOnServer(async () => Promise.reject(new Error('Failed to fetch')), { now: T2 })).rejects.toThrow('Failed to fetch');
		expect(await getRequestDraft('d1')).toBeDefined();
	});

	it('checks only the drafts asked for', async () => {
		await syncedDraft('d1');
		await syncedDraft('d2');
		const read = vi.fn(async (ids: readonly string[]) => new Map(ids.map((id) => [id, server(id)])));
		await checkDraftsOnServer(read, { only: ['d2'], now: T2 });
		expect(read).toHaveBeenCalledWith(['d2']);
	});

	it('forgets deletion markers after 31 days', async () => {
		await saveDraft(deletionMarker({ id: 'old', organisationId: ORG, serverVersion: '1', deviceId: 'phone' }, '2026-10-01T00:00:00.000Z', 'here'));
		await saveDraft(deletionMarker({ id: 'recent', organisationId: ORG, serverVersion: '1', deviceId: 'phone' }, T0.toISOString(), 'here'));
		await checkDraftsOnServer(async () => new Map(), { now: T2 });
		expect(await getDraft('old')).toBeUndefined();
		expect(await getDraft('recent')).toBeDefined();
	});
});
