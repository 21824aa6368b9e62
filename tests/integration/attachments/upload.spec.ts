/**
 * Response documents through the real upload queue (IndexedDB faked in Node)
 * and the real supabase-js client against the embedded stack: an editor's
 * file becomes one object and one row; a viewer's and an outsider's are
 * refused by storage row-level security and leave nothing; the bucket refuses
 * oversized and wrong-type files; a retry after a lost answer adds nothing.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { createHash, randomUUID } from 'node:crypto';
import { startTestStack, type TestStack } from '../../support/stack';
import { useFreshDatabase } from '../../../src/lib/offline/test-support';
import { getAttachmentFile, listAttachmentFiles } from '../../../src/lib/offline/db';
import type { Database } from '../../../src/lib/database.types';
import { ATTACHMENTS_BUCKET } from '../../../src/lib/attachments/limits';
import { attachmentRow, queueFile, uploadWaitingFiles } from '../../../src/lib/attachments/upload-queue';
import { supabaseUploader } from '../../../src/lib/attachments/supabase-uploader';

interface Member {
	client: SupabaseClient<Database>;
	userId: string;
}

const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82]);

describe('uploading response documents', () => {
	let t: TestStack;
	let owner: Member;
	let editor: Member;
	let viewer: Member;
	let outsider: Member;
	let orgId: string;
	let requestId: string;
	let eventId: string;

	async function signIn(email: string): Promise<Member> {
		const { client, userId } = await t.signedIn(email);
		return { client: client as SupabaseClient<Database>, userId };
	}

	async function invite(email: string, role: 'editor' | 'viewer'): Promise<Member> {
		const issued = await owner.client.rpc('create_invitation', { organisation_id: orgId, email, role }).single();
		expect(issued.error).toBeNull();
		const member = await signIn(email);
		const accepted = await member.client.rpc('accept_invitation', { token: (issued.data as { token: string }).token });
		expect(accepted.error).toBeNull();
		return member;
	}

	async function objectsUnder(prefix: string): Promise<string[]> {
		const rows = await t.sql`select name from storage.objects where bucket_id = ${ATTACHMENTS_BUCKET} and name like ${`${prefix}%`} order by name`;
		return rows.map((row) => row.name as string);
	}

	async function rowsFor(request: string): Promise<{ id: string; sha256: string }[]> {
		return (await t.sql`select id, sha256 from public.attachments where request_id = ${request}`) as unknown as { id: string; sha256: string }[];
	}

	const photo = (name = 'Reply.png') => new File([PNG], name, { type: 'image/png' });
	const target = () => ({ organisationId: orgId, requestId, eventId });

	beforeAll(async () => {
		t = await startTestStack();
		owner = await signIn('owner@attachments.test');
		const org = await owner.client.rpc('create_organisation', { name: 'Attachments Advocacy' }).single();
		expect(org.error).toBeNull();
		orgId = (org.data as unknown as { id: string }).id;
		editor = await invite('editor@attachments.test', 'editor');
		viewer = await invite('viewer@attachments.test', 'viewer');
		outsider = await signIn('outsider@attachments.test');
		const agency = await owner.client.from('organisation_agencies').select('agency_id').eq('organisation_id', orgId).limit(1).single();
		expect(agency.error).toBeNull();
		requestId = randomUUID();
		const request = await owner.client
			.from('records_requests')
			.insert({ id: requestId, organisation_id: orgId, agency_id: agency.data!.agency_id!, title: 'ICE subpoenas 2025', regime: 'CORA' });
		expect(request.error).toBeNull();
		eventId = randomUUID();
		const event = await editor.client
			.from('request_events')
			.insert({ id: eventId, request_id: requestId, organisation_id: orgId, type: 'note', note: 'Records arrived', author_id: editor.userId });
		expect(event.error).toBeNull();
	});
	beforeEach(useFreshDatabase);
	afterAll(async () => t?.close());

	it("an editor's photo becomes one object in the request folder and one row with its SHA-256, and leaves the device", async () => {
		const queued = await queueFile(photo(), target());
		if (!queued.ok) throw new Error('not queued');
		const run = await uploadWaitingFiles(supabaseUploader(editor.client));
		expect(run).toEqual({ outcome: 'done', uploaded: [queued.file.id], refused: [] });
		expect(await listAttachmentFiles()).toEqual([]);

		const path = `${orgId}/${requestId}/${queued.file.id}-Reply.png`;
		expect(await objectsUnder(`${orgId}/${requestId}/${queued.file.id}`)).toEqual([path]);
		const row = await viewer.client.from('attachments').select('*').eq('id', queued.file.id).single();
		expect(row.error).toBeNull();
		expect(row.data).toMatchObject({
			organisation_id: orgId,
			request_id: requestId,
			event_id: eventId,
			object_path: path,
			file_name: 'Reply.png',
			mime_type: 'image/png',
			size_bytes: PNG.byteLength,
			sha256: createHash('sha256').update(PNG).digest('hex'),
			uploaded_by: editor.userId
		});
		// A member downloads the same bytes through a signed URL.
		const signed = await viewer.client.storage.from(ATTACHMENTS_BUCKET).createSignedUrl(path, 60);
		expect(signed.error).toBeNull();
		const bytes = new Uint8Array(await (await fetch(signed.data!.signedUrl)).arrayBuffer());
		expect(bytes).toEqual(PNG);
	});

	it("a viewer's upload is refused by storage row-level security, leaves no object and no row, and stays on the device with the reason", async () => {
		const queued = await queueFile(photo('viewer.png'), target());
		if (!queued.ok) throw new Error('not queued');
		const run = await uploadWaitingFiles(supabaseUploader(viewer.client));
		expect(run).toEqual({ outcome: 'done', uploaded: [], refused: [queued.file.id] });
		expect(await getAttachmentFile(queued.file.id)).toMatchObject({ status: 'refused', lastError: { refusal: 'forbidden' } });
		expect(await objectsUnder(`${orgId}/${requestId}/${queued.file.id}`)).toEqual([]);
		expect((await rowsFor(requestId)).filter((row) => row.id === queued.file.id)).toEqual([]);
		// Inserting the row directly is refused too.
		expect(await supabaseUploader(viewer.client).insertRow(attachmentRow(queued.file))).toMatchObject({ ok: false, failure: 'refused', refusal: 'forbidden' });
		expect((await rowsFor(requestId)).filter((row) => row.id === queued.file.id)).toEqual([]);
	});

	it("an outsider's upload and row are refused by row-level security and leave nothing (the event is not even visible to them)", async () => {
		const queued = await queueFile(photo('outsider.png'), target());
		if (!queued.ok) throw new Error('not queued');
		const uploader = supabaseUploader(outsider.client);
		expect(await uploader.eventExists(eventId)).toEqual({ ok: true, exists: false });
		const row = attachmentRow(queued.file);
		expect(await uploader.uploadObject(row.object_path, queued.file.blob, queued.file.mimeType)).toMatchObject({ ok: false, failure: 'refused', refusal: 'forbidden' });
		expect(await uploader.insertRow(row)).toMatchObject({ ok: false, failure: 'refused', refusal: 'forbidden' });
		expect(await objectsUnder(`${orgId}/${requestId}/${queued.file.id}`)).toEqual([]);
		expect((await rowsFor(requestId)).filter((r) => r.id === queued.file.id)).toEqual([]);
	});

	it('a file chosen for an event not yet saved waits on the device and uploads nothing', async () => {
		const queued = await queueFile(photo('Early.png'), { ...target(), eventId: randomUUID() });
		if (!queued.ok) throw new Error('not queued');
		expect(await uploadWaitingFiles(supabaseUploader(editor.client))).toEqual({ outcome: 'done', uploaded: [], refused: [] });
		expect(await getAttachmentFile(queued.file.id)).toMatchObject({ status: 'waiting', attempts: 0 });
		expect(await objectsUnder(`${orgId}/${requestId}/${queued.file.id}`)).toEqual([]);
	});

	it('the bucket refuses an oversized file and a file of the wrong type, writing nothing', async () => {
		const uploader = supabaseUploader(editor.client);
		const base = `${orgId}/${requestId}/${randomUUID()}`;
		const oversized = new Blob([new Uint8Array(26_214_401)], { type: 'application/pdf' });
		expect(await uploader.uploadObject(`${base}-big.pdf`, oversized, 'application/pdf')).toMatchObject({ ok: false, failure: 'refused', refusal: 'size' });
		const html = new Blob(['<script>alert(1)</script>'], { type: 'text/html' });
		expect(await uploader.uploadObject(`${base}-page.html`, html, 'text/html')).toMatchObject({ ok: false, failure: 'refused', refusal: 'type' });
		expect(await objectsUnder(base)).toEqual([]);
	});

	it('a retry after a lost answer adds no second object and no second row', async () => {
		const queued = await queueFile(photo('Retried.png'), target());
		if (!queued.ok) throw new Error('not queued');
		const real = supabaseUploader(editor.client);
		// First try: both steps reach the server, but the device never hears back.
		const losing = {
			eventExists: real.eventExists,
			uploadObject: async (path: string, blob: Blob, type: string) => (await real.uploadObject(path, blob, type), { ok: false as const, failure: 'network' as const, message: 'Failed to fetch' }),
			insertRow: real.insertRow
		};
		expect((await uploadWaitingFiles(losing)).outcome).toBe('network');
		expect(await getAttachmentFile(queued.file.id)).toMatchObject({ status: 'waiting', attempts: 1 });
		const row = attachmentRow(queued.file);
		expect(await real.insertRow(row)).toEqual({ ok: true });
		// The retry: the object "already exists" (counts as done) and the row insert is ignored.
		expect(await uploadWaitingFiles(real)).toEqual({ outcome: 'done', uploaded: [queued.file.id], refused: [] });
		expect(await objectsUnder(`${orgId}/${requestId}/${queued.file.id}`)).toHaveLength(1);
		expect((await rowsFor(requestId)).filter((r) => r.id === queued.file.id)).toHaveLength(1);
	});
});
