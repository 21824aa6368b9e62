import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { enqueue } from '$lib/offline/outbox';
import { getAttachmentFile, listOutboxEntries, changeOutboxEntry } from '$lib/offline/db';
import { useFreshDatabase } from '$lib/offline/test-support';
import { ATTACHMENT_SIZE_LIMIT_BYTES } from './limits';
import { discardFile, listDeviceFiles, queueFile, retryFile, totalBytes, uploadWaitingFiles } from './upload-queue';
import type { AttachmentRow, AttachmentUploader } from './supabase-uploader';
import type { StepResult } from './upload-results';

beforeEach(useFreshDatabase);

const target = { organisationId: 'org-1', requestId: 'req-1', eventId: 'evt-1' };
const png = () => new File([new Uint8Array([137, 80, 78, 71, 1, 2, 3])], 'Reply photo.png', { type: 'image/png' });

const done: StepResult = { ok: true };
const noAnswer: StepResult = { ok: false, failure: 'network', message: 'Failed to fetch' };
const tooBig: StepResult = { ok: false, failure: 'refused', refusal: 'size', message: 'The object exceeded the maximum allowed size', code: '413' };

interface FakeUploader extends AttachmentUploader {
	objects: string[];
	rows: AttachmentRow[];
}

function fakeUploader(objectAnswers: StepResult[] = [done], rowAnswers: StepResult[] = [done], events: string[] = ['evt-1', 'evt-2']): FakeUploader {
	const objects: string[] = [];
	const rows: AttachmentRow[] = [];
	return {
		objects,
		rows,
		async eventExists(eventId) {
			return { ok: true, exists: events.includes(eventId) };
		},
		async uploadObject(path) {
			objects.push(path);
			return objectAnswers[Math.min(objects.length - 1, objectAnswers.length - 1)] ?? done;
		},
		async insertRow(row) {
			rows.push(row);
			return rowAnswers[Math.min(rows.length - 1, rowAnswers.length - 1)] ?? done;
		}
	};
}

describe('choosing a file', () => {
	it('keeps it on the device with its bytes, size, type and SHA-256, waiting', async () => {
		const result = await queueFile(png(), target, new Date('2026-11-25T20:00:00Z'));
		expect(result.ok).toBe(true);
		const [stored] = await listDeviceFiles();
		expect(stored).toMatchObject({ ...target, fileName: 'Reply photo.png', mimeType: 'image/png', size: 7, status: 'waiting', attempts: 0, lastError: null });
		expect(stored?.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71, 1, 2, 3]));
		expect(totalBytes(await listDeviceFiles())).toBe(7);
	});

	it('does not keep a file of the wrong type or over the size limit', async () => {
		expect(await queueFile(new File(['<b>'], 'page.html', { type: 'text/html' }), target)).toMatchObject({ ok: false, reason: 'type' });
		const huge = new File([new Uint8Array(ATTACHMENT_SIZE_LIMIT_BYTES + 1)], 'huge.pdf', { type: 'application/pdf' });
		expect(await queueFile(huge, target)).toMatchObject({ ok: false, reason: 'size' });
		expect(await listDeviceFiles()).toEqual([]);
	});
});

describe('uploading waiting files', () => {
	it('sends the object under <org>/<request>/<id>-<safe name>, then the row, then forgets the bytes', async () => {
		const queued = await queueFile(png(), target);
		if (!queued.ok) throw new Error('queued');
		const uploader = fakeUploader();
		const run = await uploadWaitingFiles(uploader);
		expect(run).toEqual({ outcome: 'done', uploaded: [queued.file.id], refused: [] });
		expect(uploader.objects).toEqual([`org-1/req-1/${queued.file.id}-Reply-photo.png`]);
		expect(uploader.rows).toEqual([
			{
				id: queued.file.id,
				organisation_id: 'org-1',
				request_id: 'req-1',
				event_id: 'evt-1',
				object_path: `org-1/req-1/${queued.file.id}-Reply-photo.png`,
				file_name: 'Reply photo.png',
				mime_type: 'image/png',
				size_bytes: 7,
				sha256: queued.file.sha256
			}
		]);
		expect(await listDeviceFiles()).toEqual([]);
	});

	it('waits while the event it belongs to is still in the outbox (whatever its status)', async () => {
		await queueFile(png(), target);
		const entry = await enqueue({ id: 'evt-1', table: 'request_events', operation: 'upsert', payload: {} });
		const uploader = fakeUploader();
		expect((await uploadWaitingFiles(uploader)).uploaded).toEqual([]);
		await changeOutboxEntry(entry.seq, (stored) => ({ ...stored, status: 'failed' }));
		expect((await uploadWaitingFiles(uploader)).uploaded).toEqual([]);
		expect(uploader.objects).toEqual([]);
		await changeOutboxEntry(entry.seq, () => 'delete');
		expect(await listOutboxEntries()).toEqual([]);
		expect((await uploadWaitingFiles(uploader)).uploaded).toHaveLength(1);
	});

	it('waits while the event is not on the server yet (a form not saved), without uploading anything', async () => {
		await queueFile(png(), { ...target, eventId: 'evt-unsaved' });
		const uploader = fakeUploader([done], [done], ['evt-1']);
		expect(await uploadWaitingFiles(uploader)).toEqual({ outcome: 'done', uploaded: [], refused: [] });
		expect(uploader.objects).toEqual([]);
		expect(await listDeviceFiles()).toMatchObject([{ status: 'waiting', attempts: 0 }]);
	});

	it('keeps the file after no answer and stops; the retry finishes it without a second object', async () => {
		const first = await queueFile(png(), target);
		await queueFile(png(), { ...target, eventId: 'evt-2' });
		if (!first.ok) throw new Error('queued');
		const offline = fakeUploader([noAnswer]);
		expect(await uploadWaitingFiles(offline)).toMatchObject({ outcome: 'network', uploaded: [] });
		expect(offline.objects).toHaveLength(1);
		expect(await getAttachmentFile(first.file.id)).toMatchObject({ status: 'waiting', attempts: 1, lastError: { message: 'Failed to fetch' } });
		// The object went through but its answer was lost, then the row insert got no answer either: both are replayed.
		const flaky = fakeUploader([done], [noAnswer, done]);
		expect(await uploadWaitingFiles(flaky)).toMatchObject({ outcome: 'network' });
		const again = await uploadWaitingFiles(flaky);
		expect(again.outcome).toBe('done');
		expect(new Set(flaky.objects).size).toBe(2);
		expect(await listDeviceFiles()).toEqual([]);
	});

	it('keeps a refused file with its reason, goes on with the others, and retries or discards it on request', async () => {
		const refused = await queueFile(png(), target);
		const fine = await queueFile(png(), { ...target, eventId: 'evt-2' });
		if (!refused.ok || !fine.ok) throw new Error('queued');
		const run = await uploadWaitingFiles(fakeUploader([tooBig, done]));
		expect(run).toEqual({ outcome: 'done', uploaded: [fine.file.id], refused: [refused.file.id] });
		expect(await getAttachmentFile(refused.file.id)).toMatchObject({ status: 'refused', lastError: { refusal: 'size', code: '413' } });
		// Not sent again until the user asks.
		const later = fakeUploader();
		await uploadWaitingFiles(later);
		expect(later.objects).toEqual([]);
		await retryFile(refused.file.id);
		expect(await getAttachmentFile(refused.file.id)).toMatchObject({ status: 'waiting', lastError: null });
		await discardFile(refused.file.id);
		expect(await listDeviceFiles()).toEqual([]);
	});
});
