/**
 * What an upload step's answer means: done, no answer (keep and retry later),
 * the session is gone, or the server refused the file (and why, in a word the
 * picker can say). Pure, so every answer storage-js and PostgREST give is tested.
 */
import type { AttachmentRefusal } from '$lib/offline/db-schema';

export type StepResult =
	| { ok: true }
	| { ok: false; failure: 'network' | 'auth'; message: string; code?: string }
	| { ok: false; failure: 'refused'; refusal: AttachmentRefusal; message: string; code?: string };

/** The parts of storage-js's StorageApiError / StorageUnknownError we read. */
export interface StorageErrorLike {
	message: string;
	name?: string;
	/** HTTP status (StorageApiError only). */
	status?: number;
	/** The body's statusCode, e.g. "413", "409" (StorageApiError only). */
	statusCode?: string;
}

const TRANSIENT = new Set([0, 408, 429, 500, 502, 503, 504]);

function statusOf(error: StorageErrorLike): number | null {
	const fromBody = Number.parseInt(error.statusCode ?? '', 10);
	if (Number.isFinite(fromBody)) return fromBody;
	return typeof error.status === 'number' ? error.status : null;
}

/** storage-js `upload(...)`. An object that already exists counts as done: it is this file, uploaded by an earlier attempt whose answer was lost. */
export function classifyStorageUpload(error: StorageErrorLike | null): StepResult {
	if (!error) return { ok: true };
	const status = statusOf(error);
	const { message } = error;
	const code = error.statusCode;
	if (status === null) return { ok: false, failure: 'network', message };
	if (status === 409 || /already exists|duplicate/i.test(message)) return { ok: true };
	if (status === 401 || /jwt|InvalidJWT/i.test(message)) return { ok: false, failure: 'auth', message, code };
	if (status === 413) return { ok: false, failure: 'refused', refusal: 'size', message, code };
	if (status === 415) return { ok: false, failure: 'refused', refusal: 'type', message, code };
	if (status === 403 || /row-level security|unauthori[sz]ed/i.test(message)) return { ok: false, failure: 'refused', refusal: 'forbidden', message, code };
	if (status === 404) return { ok: false, failure: 'refused', refusal: 'missing', message, code };
	if (TRANSIENT.has(status) || status >= 500) return { ok: false, failure: 'network', message, code };
	return { ok: false, failure: 'refused', refusal: 'other', message, code };
}

/** PostgREST's answer to the attachments row insert: HTTP status (0 without an answer) and error. */
export interface RowInsertResponse {
	status: number;
	error: { message: string; code?: string | null } | null;
}

const AUTH_CODES = new Set(['PGRST300', 'PGRST301', 'PGRST302', 'PGRST303']);

export function classifyRowInsert({ status, error }: RowInsertResponse): StepResult {
	if (!error) return { ok: true };
	const code = error.code || undefined;
	const { message } = error;
	if (status === 401 || (code !== undefined && AUTH_CODES.has(code)) || /jwt expired/i.test(message)) return { ok: false, failure: 'auth', message, code };
	if (TRANSIENT.has(status) || status >= 502) return { ok: false, failure: 'network', message, code };
	if (code === '42501' || status === 403) return { ok: false, failure: 'refused', refusal: 'forbidden', message, code };
	// The event or request it belongs to is gone (discarded before it synced, or deleted).
	if (code === '23503') return { ok: false, failure: 'refused', refusal: 'missing', message, code };
	if (code === '23514' && /mime_type/.test(message)) return { ok: false, failure: 'refused', refusal: 'type', message, code };
	if (code === '23514' && /size_bytes/.test(message)) return { ok: false, failure: 'refused', refusal: 'size', message, code };
	return { ok: false, failure: 'refused', refusal: 'other', message, code };
}
