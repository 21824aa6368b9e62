/**
 * Response documents waiting on this device. A chosen file is checked, hashed
 * and stored (with its bytes) in IndexedDB; `uploadWaitingFiles` later sends
 * each one — only once the event it belongs to has left the outbox — as an
 * object in the private bucket plus its `attachments` row, then forgets the
 * bytes. No answer: the file waits for the next try. Refused: it stays, with
 * the reason, until the user retries or discards it.
 */
import type { AttachmentFile, AttachmentFileError } from '$lib/offline/db-schema';
import { changeAttachmentFile, hasOutboxEntryFor, listAttachmentFiles, saveAttachmentFile } from '$lib/offline/db';
import { newId } from '$lib/offline/ids';
import { runOnce } from '$lib/offline/single-flight';
import { checkFile, type FileRefusal } from './file-checks';
import { sha256Hex } from './sha256';
import { attachmentObjectPath } from './storage-names';
import type { AttachmentRow, AttachmentUploader } from './supabase-uploader';
import type { StepResult } from './upload-results';

export interface AttachmentTarget {
	organisationId: string;
	requestId: string;
	eventId: string;
}

/** The latest time given to a file chosen on this page (ms since the epoch). */
let latestQueuedAt = 0;

/**
 * Files upload in the order they were chosen (the queue is read by creation time): two chosen in the
 * same millisecond still get distinct times, in order, instead of an order left to their random ids.
 */
function queuedAt(now: Date): string {
	latestQueuedAt = Math.max(now.getTime(), latestQueuedAt + 1);
	return new Date(latestQueuedAt).toISOString();
}

export type QueueResult = { ok: true; file: AttachmentFile } | { ok: false; reason: FileRefusal; mimeType: string };

/** Check a chosen file and keep it on the device, waiting to upload. A refused file is not stored. */
export async function queueFile(file: File, target: AttachmentTarget, now: Date = new Date()): Promise<QueueResult> {
	const checked = checkFile(file);
	if (!checked.ok) return checked;
	const stored: AttachmentFile = {
		id: newId(),
		...target,
		fileName: file.name.trim().slice(0, 255) || 'file',
		mimeType: checked.mimeType,
		size: file.size,
		sha256: await sha256Hex(file),
		// A Blob of the bytes (not the File), typed as the bucket will store it.
		blob: new Blob([await file.arrayBuffer()], { type: checked.mimeType }),
		status: 'waiting',
		attempts: 0,
		lastError: null,
		createdAt: queuedAt(now)
	};
	await saveAttachmentFile(stored);
	return { ok: true, file: stored };
}

export function listDeviceFiles(): Promise<AttachmentFile[]> {
	return listAttachmentFiles();
}

/** Bytes still on this device, waiting or refused. */
export function totalBytes(files: readonly AttachmentFile[]): number {
	return files.reduce((sum, file) => sum + file.size, 0);
}

/** Send a refused file again on the next upload. */
export async function retryFile(id: string): Promise<void> {
	await changeAttachmentFile(id, (file) => ({ ...file, status: 'waiting', lastError: null }));
}

/** Drop a file for good (the UI asks first). */
export async function discardFile(id: string): Promise<void> {
	await changeAttachmentFile(id, () => 'delete');
}

export function attachmentRow(file: AttachmentFile): AttachmentRow {
	return {
		id: file.id,
		organisation_id: file.organisationId,
		request_id: file.requestId,
		event_id: file.eventId,
		object_path: attachmentObjectPath(file.organisationId, file.requestId, file.id, file.fileName),
		file_name: file.fileName,
		mime_type: file.mimeType,
		size_bytes: file.size,
		sha256: file.sha256
	};
}

/** done: nothing more can go now; network / auth: stopped, try later; busy: another tab is uploading. */
export type UploadOutcome = 'done' | 'network' | 'auth' | 'busy';

export interface UploadRun {
	outcome: UploadOutcome;
	uploaded: string[];
	refused: string[];
}

export interface UploadOptions {
	/** Told when a file starts (`uploading`) and when it is finished (`uploaded`). */
	onFile?: (file: AttachmentFile, state: 'uploading' | 'uploaded' | 'stopped') => void;
	now?: () => Date;
}

const UPLOAD_LOCK = 'disclose-attachments-upload';

/** Upload every waiting file whose event has synced, oldest first. One run at a time (across tabs with Web Locks). */
export function uploadWaitingFiles(uploader: AttachmentUploader, options: UploadOptions = {}): Promise<UploadRun> {
	return runOnce(UPLOAD_LOCK, () => uploadInOrder(uploader, options), () => ({ outcome: 'busy', uploaded: [], refused: [] }));
}

async function uploadInOrder(uploader: AttachmentUploader, { onFile, now = () => new Date() }: UploadOptions): Promise<UploadRun> {
	const run: UploadRun = { outcome: 'done', uploaded: [], refused: [] };
	for (const file of await listAttachmentFiles()) {
		if (file.status !== 'waiting') continue;
		// The row points at the event (and its request): they must be on the server first.
		if (await hasOutboxEntryFor([file.eventId, file.requestId])) continue;
		// Chosen in a form not yet saved (or saved on another device not yet synced): wait, do not upload.
		const known = await uploader.eventExists(file.eventId);
		if (!known.ok && known.failure !== 'refused') {
			run.outcome = known.failure;
			return run;
		}
		if (!known.ok || !known.exists) continue;
		onFile?.(file, 'uploading');
		const result = await sendFile(uploader, file);
		const stored = await recordResult(file, result, now());
		if (result.ok) {
			run.uploaded.push(file.id);
			onFile?.(file, 'uploaded');
			continue;
		}
		onFile?.(file, 'stopped');
		if (result.failure === 'refused') {
			if (stored?.status === 'refused') run.refused.push(file.id);
			continue;
		}
		// No answer, or no session: the next files would fare no better.
		run.outcome = result.failure;
		return run;
	}
	return run;
}

async function sendFile(uploader: AttachmentUploader, file: AttachmentFile): Promise<StepResult> {
	const row = attachmentRow(file);
	const uploaded = await uploader.uploadObject(row.object_path, file.blob, file.mimeType);
	if (!uploaded.ok) return uploaded;
	return uploader.insertRow(row);
}

/** Uploaded: forget the bytes. Otherwise keep the file with its error (unless it was discarded meanwhile). */
function recordResult(sent: AttachmentFile, result: StepResult, at: Date): Promise<AttachmentFile | undefined> {
	return changeAttachmentFile(sent.id, (stored) => {
		if (result.ok) return 'delete';
		const lastError: AttachmentFileError = {
			message: result.message,
			at: at.toISOString(),
			...(result.code ? { code: result.code } : {}),
			...(result.failure === 'refused' ? { refusal: result.refusal } : {})
		};
		return { ...stored, attempts: stored.attempts + 1, lastError, status: result.failure === 'refused' ? 'refused' : stored.status };
	});
}
