/**
 * Deleting drafts, and drafts filed or deleted on another device, through the
 * outbox against the real embedded stack with real supabase-js. Two devices
 * are two in-memory IndexedDBs (fake-indexeddb) swapped in turn.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { getServerDraft, getServerDraftsById, listServerDrafts } from '$lib/data/drafts';
import { startTestStack, type TestStack } from '../../../tests/support/stack';
import { changeDraft, closeDatabase } from './db';
import { checkDraftsOnServer } from './drafts-check';
import { deleteRequestDraft, getDeletedDraft } from './drafts-deletion';
import { getRequestDraft, hasUnsyncedChanges, listRequestDrafts, mergeServerDrafts, requestDraftTransport, saveRequestDraft, type RequestDraftFields } from './drafts-sync';
import { forgetDeviceId, newId } from './ids';
import { drain, enqueue, listOutbox } from './outbox';

type Client = SupabaseClient<Database>;

async function onDevice(factory: IDBFactory): Promise<void> {
	await closeDatabase();
	forgetDeviceId();
	globalThis.indexedDB = factory;
}

const copyTitle = (draft: RequestDraftFields) => `${draft.title} (copy from this device)`;
const fields = (title: string): RequestDraftFields => ({ templateId: 'initial_request', title, values: { subject_summary: title }, agencyIds: [] });

describe('deleting drafts and drafts closed on another device', () => {
	let t: TestStack;
	let owner: Client;
	let editor: Client;
	let orgId: string;
	const sync = (client: Client) => drain(requestDraftTransport(client, { copyTitle }));
	const rows = async (id: string) => (await t.sql`select id from public.request_drafts where id = ${id}`).length;

	/** A draft made on `factory`, synced by `client`, then pulled onto `others`. */
	async function sharedDraft(client: Client, title: string, factory: IDBFactory, ...others: IDBFactory[]): Promise<string> {
		await onDevice(factory);
		const id = newId();
		await saveRequestDraft({ id, organisationId: orgId, fields: fields(title), deviceId: 'first' });
		expect(await sync(client)).toMatchObject({ outcome: 'drained' });
		for (const other of others) {
			await onDevice(other);
			await mergeServerDrafts(await listServerDrafts(client), 'other');
			expect((await getRequestDraft(id))?.fields.title).toBe(title);
		}
		return id;
	}

	beforeAll(async () => {
		t = await startTestStack();
		owner = (await t.signedIn('owner@deletion.test')).client as Client;
		const org = await owner.rpc('create_organisation', { name: 'Deletion Advocacy' }).single();
		orgId = (org.data as unknown as { id: string }).id;
		const issued = await owner.rpc('create_invitation', { organisation_id: orgId, email: 'editor@deletion.test', role: 'editor' }).single();
		editor = (await t.signedIn('editor@deletion.test')).client as Client;
		await editor.rpc('accept_invitation', { token: (issued.data as unknown as { token: string }).token });
	});
	afterAll(async () => {
		await closeDatabase();
		await t?.close();
	});

	it('a deletion made offline reaches the server once, and a replay is harmless', async () => {
		const phone = new IDBFactory();
		const id = await sharedDraft(owner, 'To delete', phone);
		await deleteRequestDraft(id);
		expect(await rows(id)).toBe(1);
		expect(await sync(owner)).toMatchObject({ outcome: 'drained', sent: 1 });
		expect(await rows(id)).toBe(0);
		expect(await sync(owner)).toMatchObject({ outcome: 'drained', sent: 0 });
		// The answer was lost: the same deletion again.
		await enqueue({ id, table: 'request_drafts', operation: 'delete', payload: {} });
		expect(await sync(owner)).toMatchObject({ outcome: 'drained', sent: 1 });
		expect(await listOutbox()).toEqual([]);
	});

	it('a draft that never left the device is deleted without a server call', async () => {
		await onDevice(new IDBFactory());
		const id = newId();
		await saveRequestDraft({ id, organisationId: orgId, fields: fields('Only here'), deviceId: 'phone' });
		expect(await deleteRequestDraft(id)).toEqual({ outcome: 'deleted', syncing: false });
		expect(await sync(owner)).toMatchObject({ outcome: 'drained', sent: 0 });
		expect(await rows(id)).toBe(0);
	});

	it('an editor may not delete someone else’s draft: the refusal is shown and the draft comes back', async () => {
		const laptop = new IDBFactory();
		const id = await sharedDraft(owner, 'Owner’s draft', new IDBFactory(), laptop);
		await onDevice(laptop);
		await deleteRequestDraft(id);
		const result = await sync(editor);
		expect(result).toMatchObject({ outcome: 'failed', remaining: 1 });
		expect(result.stoppedAt?.lastError?.message).toMatch(/Only the person who wrote a draft, or an owner/);
		expect(await rows(id)).toBe(1);
		expect(await getDeletedDraft(id)).toBeUndefined();
		await mergeServerDrafts(await listServerDrafts(editor), 'laptop');
		expect((await getRequestDraft(id))?.fields.title).toBe('Owner’s draft');
	});

	it('a deleted draft does not come back from another device that still had it unchanged', async () => {
		const phone = new IDBFactory();
		const laptop = new IDBFactory();
		const id = await sharedDraft(owner, 'Deleted on the phone', phone, laptop);
		await onDevice(phone);
		await deleteRequestDraft(id);
		await sync(owner);

		await onDevice(laptop);
		const report = await checkDraftsOnServer((ids) => getServerDraftsById(owner, ids));
		expect(report).toMatchObject([{ reason: 'deleted', draft: { id } }]);
		expect(await getRequestDraft(id)).toBeUndefined();
		expect(await rows(id)).toBe(0);
	});

	it('a draft deleted elsewhere while changed here is kept on this device only, not recreated on the server', async () => {
		const phone = new IDBFactory();
		const laptop = new IDBFactory();
		const id = await sharedDraft(owner, 'Shared', phone, laptop);
		await onDevice(phone);
		await deleteRequestDraft(id);
		await sync(owner);

		await onDevice(laptop);
		await saveRequestDraft({ id, organisationId: orgId, fields: fields('Changed on the laptop'), deviceId: 'laptop' });
		expect(await sync(owner)).toMatchObject({ outcome: 'drained', sent: 1 });
		expect(await rows(id)).toBe(0);
		expect((await getRequestDraft(id))?.fields).toMatchObject({ title: 'Changed on the laptop', closedElsewhere: { reason: 'deleted' } });
	});

	it('a draft filed on another device is marked filed here; changes made here become a new draft', async () => {
		const phone = new IDBFactory();
		const laptop = new IDBFactory();
		const id = await sharedDraft(owner, 'Filed on the phone', phone, laptop);
		await onDevice(phone);
		await enqueue({ id, table: 'request_drafts', operation: 'update', payload: { filed_at: new Date().toISOString() }, match: { id } });
		await sync(owner);
		expect((await getServerDraft(owner, id))?.filedAt).not.toBeNull();

		await onDevice(laptop);
		await saveRequestDraft({ id, organisationId: orgId, fields: fields('Changed on the laptop'), deviceId: 'laptop' });
		const result = await sync(owner);
		expect(result).toMatchObject({ outcome: 'drained' });
		const original = await getRequestDraft(id);
		expect(original?.fields).toMatchObject({ title: 'Filed on the phone', closedElsewhere: { reason: 'filed' } });
		expect(original?.fields.filedAt).toBeTruthy();
		const copy = (await listRequestDrafts()).find((draft) => draft.id === original?.fields.closedElsewhere?.copyId);
		expect(copy?.fields).toMatchObject({ title: 'Changed on the laptop (copy from this device)', restoredFrom: id });
		expect(hasUnsyncedChanges(copy!)).toBe(false);
		expect((await getServerDraft(owner, copy!.id))?.title).toBe('Changed on the laptop (copy from this device)');
	});

	it('an edit over the very revision that was filed is settled the same way, not refused', async () => {
		const phone = new IDBFactory();
		const laptop = new IDBFactory();
		const id = await sharedDraft(owner, 'Filed, then edited', phone, laptop);
		await onDevice(phone);
		await enqueue({ id, table: 'request_drafts', operation: 'update', payload: { filed_at: new Date().toISOString() }, match: { id } });
		await sync(owner);
		const filed = (await getServerDraft(owner, id))!;

		await onDevice(laptop);
		// The laptop had already seen the filed revision (without knowing it was filed).
		await changeDraft(id, (stored) => (stored ? { ...stored, serverVersion: String(filed.revision) } : 'keep'));
		await saveRequestDraft({ id, organisationId: orgId, fields: fields('Edited on the laptop'), deviceId: 'laptop' });
		expect(await sync(owner)).toMatchObject({ outcome: 'drained' });
		expect((await getRequestDraft(id))?.fields.closedElsewhere).toMatchObject({ reason: 'filed' });
		expect((await listRequestDrafts()).some((draft) => draft.fields.title === 'Edited on the laptop (copy from this device)')).toBe(true);
	});
});
