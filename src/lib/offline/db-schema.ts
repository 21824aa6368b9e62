/**
 * The shape of Disclose's on-device database ("disclose"). Types only: every
 * read and write goes through `db.ts`, the one module that opens IndexedDB.
 */
import type { DBSchema } from 'idb';

export const DATABASE_NAME = 'disclose';
/** 1: drafts, outbox, meta. 2: files (attachments waiting to upload). */
export const DATABASE_VERSION = 2;

/** ISO 8601 timestamp, e.g. `2026-11-25T20:00:00.000Z`. */
export type IsoTimestamp = string;

/**
 * The account a record on the device belongs to: the one signed in when it was written. Only that account
 * sees it and sends it (see `ownership.ts`). Records without one were written before accounts were
 * recorded, or while nobody was signed in: the first account that connects sync adopts them.
 */
export interface DeviceAccount {
	userId: string;
	/** Shown to another account ("Changes made by … wait on this device"). */
	email: string;
}

/** What the drafts, outbox entries and files have in common: whose they are. */
export interface Owned {
	owner?: DeviceAccount;
}

/** A form the user is filling in (a request, a response note…), kept on the device until it is synced. */
export interface Draft extends Owned {
	/** Client-generated UUID, also the server row's primary key once synced. */
	id: string;
	organisationId: string;
	/** What the draft becomes, e.g. `records_request`; feature code chooses the names. */
	kind: string;
	fields: Record<string, unknown>;
	updatedAt: IsoTimestamp;
	/** When the server last accepted this draft; null while it has never been synced. */
	syncedAt: IsoTimestamp | null;
	/** The server's version marker (e.g. its `updated_at`) the draft was based on, for conflict checks. */
	serverVersion: string | null;
	deviceId: string;
}

export type OutboxOperation = 'upsert' | 'update' | 'delete' | 'rpc';

/** pending: will be sent; failed: the server refused it (shown with Retry / Discard); auth: waits for a new sign-in. */
export type OutboxStatus = 'pending' | 'failed' | 'auth';

export interface OutboxError {
	message: string;
	code?: string;
	at: IsoTimestamp;
}

/** What a feature asks the outbox to send. */
export interface OutboxMutation {
	/** UUID of the mutation: the primary key of the row it writes (or the id an rpc takes). */
	id: string;
	/** Table name; for `rpc`, the function name. */
	table: string;
	operation: OutboxOperation;
	/** Row values (upsert, update) or function arguments (rpc); ignored for delete. */
	payload: Record<string, unknown>;
	/** Extra equality filters for update and delete, e.g. `{ organisation_id }` or a version check. */
	match?: Record<string, string | number | boolean | null>;
}

export interface OutboxEntry extends OutboxMutation, Owned {
	/** Auto-increment key: the order entries are sent in. */
	seq: number;
	createdAt: IsoTimestamp;
	/** Bumped whenever the payload is replaced, so a send that raced an edit never deletes the newer payload. */
	revision: number;
	attempts: number;
	lastError: OutboxError | null;
	status: OutboxStatus;
}

/** waiting: will be uploaded (after the event it belongs to has synced); refused: the server said no (shown with Retry / Discard). */
export type AttachmentFileStatus = 'waiting' | 'refused';

/** Why an upload was refused, so the app can say it in words. */
export type AttachmentRefusal = 'type' | 'size' | 'forbidden' | 'missing' | 'other';

export interface AttachmentFileError {
	message: string;
	/** Set when the server refused the file (status `refused`). */
	refusal?: AttachmentRefusal;
	code?: string;
	at: IsoTimestamp;
}

/** A response document chosen on this device, kept (with its bytes) until it is uploaded and its row inserted. */
export interface AttachmentFile extends Owned {
	/** Client-generated UUID: the `attachments` row's primary key and the start of the object name. */
	id: string;
	organisationId: string;
	requestId: string;
	eventId: string;
	fileName: string;
	mimeType: string;
	size: number;
	/** Lower-case hex SHA-256 of `blob`, computed on the device. */
	sha256: string;
	blob: Blob;
	status: AttachmentFileStatus;
	attempts: number;
	lastError: AttachmentFileError | null;
	createdAt: IsoTimestamp;
}

/** Small device-wide values, one record per key. */
export interface MetaValues {
	deviceId: string;
}
export type MetaKey = keyof MetaValues;

export interface DiscloseDB extends DBSchema {
	drafts: {
		key: string;
		value: Draft;
		indexes: { 'by-updated-at': IsoTimestamp };
	};
	outbox: {
		key: number;
		value: OutboxEntry;
		indexes: { 'by-mutation': [string, OutboxOperation] };
	};
	meta: {
		key: MetaKey;
		value: MetaValues[MetaKey];
	};
	files: {
		key: string;
		value: AttachmentFile;
		indexes: { 'by-created-at': IsoTimestamp; 'by-event': string };
	};
}
