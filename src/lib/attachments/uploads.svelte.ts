/**
 * What the app shows about response documents on this device (which wait,
 * which upload now, which were refused, how many bytes wait) and when they
 * upload: on connecting, when the network comes back, when the app becomes
 * visible, when the outbox shrinks (an event synced), after a failed try
 * (backing off) and right after a file is chosen. Hooks the same browser
 * events as the outbox sync, without touching it.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { AttachmentFile } from '$lib/offline/db-schema';
import { countOutboxEntries } from '$lib/offline/db';
import { onOfflineChange } from '$lib/offline/offline-changes';
import { supabaseUploader, type AttachmentUploader } from './supabase-uploader';
import { discardFile, listDeviceFiles, retryFile, totalBytes, uploadWaitingFiles, type UploadRun } from './upload-queue';

/** A file uploaded from this tab, still shown as "uploaded" in the picker it was chosen in. */
export interface UploadedHere {
	id: string;
	eventId: string;
	requestId: string;
	fileName: string;
	mimeType: string;
	size: number;
}

class AttachmentQueue {
	online = $state(true);
	/** Files kept on this device (waiting or refused), oldest first. */
	files = $state.raw<AttachmentFile[]>([]);
	/** The file being uploaded now, if any. */
	uploading = $state<string | null>(null);
	uploadedHere = $state.raw<UploadedHere[]>([]);
	waitingBytes = $derived(totalBytes(this.files));
	refusedCount = $derived(this.files.filter((file) => file.status === 'refused').length);
}

export const attachmentQueue = new AttachmentQueue();

/** Re-read the device's files (they may have changed in another tab). */
export async function refreshAttachmentQueue(): Promise<void> {
	attachmentQueue.files = await listDeviceFiles();
}

type ClientGetter = () => SupabaseClient<Database> | null | undefined;

const connections: { getClient: ClientGetter; makeUploader: (client: SupabaseClient<Database>) => AttachmentUploader }[] = [];
const RETRY_DELAYS_MS = [15_000, 30_000, 60_000, 120_000, 300_000];
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let failedAttempts = 0;
let stopListening: (() => void) | null = null;
let lastOutboxCount: number | null = null;

function currentUploader(): AttachmentUploader | null {
	const latest = connections.at(-1);
	const client = latest?.getClient();
	return latest && client ? latest.makeUploader(client) : null;
}

/** Upload what can go now. Resolves to null when no client is connected. */
export async function uploadNow(): Promise<UploadRun | null> {
	const uploader = currentUploader();
	if (!uploader) return null;
	clearTimeout(retryTimer);
	try {
		const run = await uploadWaitingFiles(uploader, {
			onFile(file, state) {
				attachmentQueue.uploading = state === 'uploading' ? file.id : null;
				if (state === 'uploaded') {
					const { id, eventId, requestId, fileName, mimeType, size } = file;
					attachmentQueue.uploadedHere = [...attachmentQueue.uploadedHere, { id, eventId, requestId, fileName, mimeType, size }];
				}
			}
		});
		scheduleRetry(run);
		return run;
	} finally {
		attachmentQueue.uploading = null;
		await refreshAttachmentQueue();
	}
}

function scheduleRetry(run: UploadRun): void {
	if (run.outcome !== 'network') {
		failedAttempts = 0;
		return;
	}
	const delay = RETRY_DELAYS_MS[Math.min(failedAttempts, RETRY_DELAYS_MS.length - 1)];
	failedAttempts += 1;
	retryTimer = setTimeout(() => void uploadNow(), delay);
}

/** An outbox entry left (an event may have synced): files waiting for it can go. */
async function uploadWhenOutboxShrinks(): Promise<void> {
	const count = await countOutboxEntries();
	const shrank = lastOutboxCount !== null && count < lastOutboxCount;
	lastOutboxCount = count;
	if (shrank) await uploadNow();
}

const updateOnline = () => (attachmentQueue.online = navigator.onLine);
const uploadWhenOnline = () => {
	updateOnline();
	void uploadNow();
};
const uploadWhenVisible = () => {
	if (document.visibilityState === 'visible') void uploadNow();
};

function startListening(): () => void {
	updateOnline();
	window.addEventListener('online', uploadWhenOnline);
	window.addEventListener('offline', updateOnline);
	document.addEventListener('visibilitychange', uploadWhenVisible);
	const stopChanges = onOfflineChange(() => {
		void refreshAttachmentQueue();
		void uploadWhenOutboxShrinks();
	});
	return () => {
		window.removeEventListener('online', uploadWhenOnline);
		window.removeEventListener('offline', updateOnline);
		document.removeEventListener('visibilitychange', uploadWhenVisible);
		stopChanges();
	};
}

/**
 * Start uploading with the caller's supabase-js client (a getter). Several
 * components may connect (the picker, the waiting indicator); the latest
 * connection's client is used. Returns the function that disconnects.
 */
export function connectAttachmentUploads(getClient: ClientGetter, makeUploader = supabaseUploader): () => void {
	const connection = { getClient, makeUploader };
	connections.push(connection);
	if (connections.length === 1) {
		stopListening = startListening();
		void countOutboxEntries().then((count) => (lastOutboxCount ??= count));
	}
	void refreshAttachmentQueue().then(() => uploadNow());
	let disconnected = false;
	return () => {
		if (disconnected) return;
		disconnected = true;
		connections.splice(connections.indexOf(connection), 1);
		if (connections.length === 0) {
			stopListening?.();
			stopListening = null;
			lastOutboxCount = null;
			clearTimeout(retryTimer);
		}
	};
}

/** Follow the device's files without uploading (e.g. outside the signed-in area). */
export function trackAttachmentQueue(): () => void {
	updateOnline();
	window.addEventListener('online', updateOnline);
	window.addEventListener('offline', updateOnline);
	const stop = onOfflineChange(() => void refreshAttachmentQueue());
	void refreshAttachmentQueue();
	return () => {
		window.removeEventListener('online', updateOnline);
		window.removeEventListener('offline', updateOnline);
		stop();
	};
}

/** The user asks to send a refused file again. */
export async function retryAttachment(id: string): Promise<void> {
	await retryFile(id);
	await refreshAttachmentQueue();
	await uploadNow();
}

/** The user confirmed that the file should be dropped from this device. */
export async function discardAttachment(id: string): Promise<void> {
	await discardFile(id);
	await refreshAttachmentQueue();
}
