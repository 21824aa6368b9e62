/**
 * Device drafts syncing through the outbox to the real embedded stack with
 * real supabase-js. Two devices are two in-memory IndexedDBs (fake-indexeddb)
 * swapped in turn: autosave, sync, pull onto another device, and a conflict
 * where both versions are kept.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../../src/lib/database.types';
import { getServerDraft, listServerDrafts } from '../../../src/lib/data/drafts';
import { closeDatabase } from '../../../src/lib/offline/db';
import { forgetDeviceId, newId } from '../../../src/lib/offline/ids';
import { drain, enqueue, listOutbox } from '../../../src/lib/offline/outbox';
import {
	getRequestDraft,
	hasUnsyncedChanges,
	listRequestDrafts,
	mergeServerDrafts,
	requestDraftTransport,
	saveRequestDraft,
	type RequestDraftFields
} from '../../../src/lib/offline/drafts-sync';
import { startTestStack, type TestStack } from '../../support/stack';

type Client = SupabaseClient<Database>;
const phone = new IDBFactory();
const laptop = new IDBFactory();

async function onDevice(factory: IDBFactory): Promise<void> {
	await closeDatabase();
	forgetDeviceId();
	globalThis.indexedDB = factory;
}

const copyTitle = (draft: RequestDraftFields) => `${draft.title} (copy from this device)`;
const fields = (title: string): RequestDraftFields => ({ templateId: 'initial_request', title, values: { subject_summary: title }, agencyIds: [] });

describe('request drafts on the device, synced', () => {
	let t: TestStack;
	let owner: Client;
	let viewer: Client;
	let orgId: string;

	beforeAll(async () => {
		t = await startTestStack();
		owner = (await t.signedIn('owner@sync.test')).client as Client;
		const org = await owner.rpc('create_organisation', { name: 'Sync Advocacy' }).single();
		orgId = (org.data as unknown as { id: string }).id;
		const issued = await owner.rpc('create_invitation', { organisation_id: orgId, email: 'viewer@sync.test', role: 'viewer' }).single();
		viewer = (await t.signedIn('viewer@sync.test')).client as Client;
		await viewer.rpc('accept_invitation', { token: (issued.data as unknown as { token: string }).token });
	});
	afterAll(async () => {
		await closeDatabase();
		await t?.close();
	});

	it('an autosaved draft is kept on the device, queued once however often it is saved, and synced by the outbox', async () => {
		await onDevice(phone);
		const id = newId();
		await saveRequestDraft({ id, organisationId: orgId, fields: fields('First'), deviceId: 'phone' });
		await saveRequestDraft({ id, organisationId: orgId, fields: fields('First, edited'), deviceId: 'phone' });
		expect(await listOutbox()).toHaveLength(1);
		expect(hasUnsyncedChanges((await getRequestDraft(id))!)).toBe(true);

		expect(await drain(requestDraftTransport(owner, { copyTitle }))).toMatchObject({ outcome: 'drained', sent: 1 });
		const synced = (await getRequestDraft(id))!;
		expect(hasUnsyncedChanges(synced)).toBe(false);
		expect(synced.serverVersion).toBe('1');
		expect(await getServerDraft(owner, id)).toMatchObject({ title: 'First, edited', revision: 1 });
	});

	it('filing marks the draft filed through the same outbox entry, and a replay after that is harmless', async () => {
		await onDevice(phone);
		const id = newId();
		await saveRequestDraft({ id, organisationId: orgId, fields: fields('To file'), deviceId: 'phone' });
		const filedAt = new Date().toISOString();
		// What FilingPanel queues once every agency is recorded: it merges with the autosave entry (same id + operation).
		await enqueue({ id, table: 'request_drafts', operation: 'update', payload: { filed_at: filedAt }, match: { id } });
		expect(await drain(requestDraftTransport(owner, { copyTitle }))).toMatchObject({ outcome: 'drained' });
		const [row] = (await t.sql`select title, filed_at from public.request_drafts where id = ${id}`) as unknown as Array<{ title: string; filed_at: Date | null }>;
		expect(row!.title).toBe('To file');
		expect(row!.filed_at?.toISOString()).toBe(filedAt);

		// The answer was lost: the same entry is sent again against a now-frozen draft.
		await enqueue({ id, table: 'request_drafts', operation: 'update', payload: { filed_at: filedAt }, match: { id } });
		expect(await drain(requestDraftTransport(owner, { copyTitle }))).toMatchObject({ outcome: 'drained' });
		expect(await listOutbox()).toHaveLength(0);
	});

	it('two devices change the same draft: the second to sync keeps its version as a copy, nothing is lost', async () => {
		await onDevice(phone);
		const id = newId();
		await saveRequestDraft({ id, organisationId: orgId, fields: fields('Shared'), deviceId: 'phone' });
		await drain(requestDraftTransport(owner, { copyTitle }));

		await onDevice(laptop);
		expect(await mergeServerDrafts(await listServerDrafts(owner), 'laptop')).toBeGreaterThan(0);
		expect((await getRequestDraft(id))?.fields.title).toBe('Shared');
		await saveRequestDraft({ id, organisationId: orgId, fields: fields('Laptop version'), deviceId: 'laptop' });
		await drain(requestDraftTransport(owner, { copyTitle }));

		await onDevice(phone);
		await saveRequestDraft({ id, organisationId: orgId, fields: fields('Phone version'), deviceId: 'phone' });
		expect(await drain(requestDraftTransport(owner, { copyTitle }))).toMatchObject({ outcome: 'drained', sent: 2 });

		const onPhone = await listRequestDrafts();
		expect((await getRequestDraft(id))?.fields.title).toBe('Laptop version');
		const copy = onPhone.find((draft) => draft.fields.restoredFrom === id);
		expect(copy?.fields).toMatchObject({ title: 'Phone version (copy from this device)', values: { subject_summary: 'Phone version' } });
		expect(hasUnsyncedChanges(copy!)).toBe(false);
		const onServer = (await listServerDrafts(owner)).filter((draft) => draft.id === id || draft.restoredFrom === id);
		expect(onServer.map((draft) => draft.title).sort()).toEqual(['Laptop version', 'Phone version (copy from this device)']);
	});

	it('pulling never replaces a draft with changes not yet synced', async () => {
		await onDevice(laptop);
		const [server] = await listServerDrafts(owner);
		await saveRequestDraft({ id: server!.id, organisationId: orgId, fields: fields('Unsynced laptop edit'), deviceId: 'laptop' });
		await mergeServerDrafts([{ ...server!, revision: server!.revision + 5 }], 'laptop');
		expect((await getRequestDraft(server!.id))?.fields.title).toBe('Unsynced laptop edit');
	});

	it('a viewer’s draft stays on the device with the refusal shown, and is not sent again on its own', async () => {
		await onDevice(new IDBFactory());
		const id = newId();
		await saveRequestDraft({ id, organisationId: orgId, fields: fields('Viewer draft'), deviceId: 'viewer' });
		const result = await drain(requestDraftTransport(viewer, { copyTitle }));
		expect(result).toMatchObject({ outcome: 'failed', sent: 0, remaining: 1 });
		expect(result.stoppedAt?.lastError?.code).toBe('42501');
		expect((await getRequestDraft(id))?.fields.title).toBe('Viewer draft');
		expect(await getServerDraft(owner, id)).toBeNull();
	});
});
