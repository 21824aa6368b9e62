/**
 * The one module that touches IndexedDB. Every other module reads and writes
 * drafts, the outbox and device values through these typed functions.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { announceOfflineChange } from './offline-changes';
import {
	DATABASE_NAME,
	DATABASE_VERSION,
	type AttachmentFile,
	type DiscloseDB,
	type Draft,
	type MetaKey,
	type MetaValues,
	type OutboxEntry,
	type OutboxMutation
} from './db-schema';

let connection: Promise<IDBPDatabase<DiscloseDB>> | null = null;

function database(): Promise<IDBPDatabase<DiscloseDB>> {
	connection ??= openDB<DiscloseDB>(DATABASE_NAME, DATABASE_VERSION, {
		upgrade(db, oldVersion) {
			if (oldVersion < 1) {
				const drafts = db.createObjectStore('drafts', { keyPath: 'id' });
				drafts.createIndex('by-updated-at', 'updatedAt');
				const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
				outbox.createIndex('by-mutation', ['id', 'operation']);
				db.createObjectStore('meta');
			}
			if (oldVersion < 2) {
				const files = db.createObjectStore('files', { keyPath: 'id' });
				files.createIndex('by-created-at', 'createdAt');
				files.createIndex('by-event', 'eventId');
			}
		},
		// A newer version of the app (in another tab) needs to upgrade the database: step aside.
		blocking: () => void closeDatabase(),
		terminated: () => {
			connection = null;
		}
	}).catch((error: unknown) => {
		connection = null;
		throw error;
	});
	return connection;
}

/** Close the connection; the next call opens it again. */
export async function closeDatabase(): Promise<void> {
	const open = connection;
	connection = null;
	(await open?.catch(() => null))?.close();
}

// ---------------------------------------------------------------- drafts

export async function saveDraft(draft: Draft): Promise<void> {
	await (await database()).put('drafts', draft);
	announceOfflineChange();
}

export async function getDraft(id: string): Promise<Draft | undefined> {
	return (await database()).get('drafts', id);
}

/** Most recently edited first. */
export async function listDrafts(): Promise<Draft[]> {
	return (await (await database()).getAllFromIndex('drafts', 'by-updated-at')).reverse();
}

export async function deleteDraft(id: string): Promise<void> {
	await (await database()).delete('drafts', id);
	announceOfflineChange();
}

/**
 * Read-modify-write one draft atomically (so an autosave and a sync finishing
 * at the same moment never undo each other). `change` gets the stored draft
 * (or undefined) and returns the draft to store, or `'keep'`.
 */
export async function changeDraft(id: string, change: (stored: Draft | undefined) => Draft | 'keep'): Promise<Draft | undefined> {
	const tx = (await database()).transaction('drafts', 'readwrite');
	const stored = await tx.store.get(id);
	const next = change(stored);
	if (next !== 'keep') await tx.store.put(next);
	await tx.done;
	if (next === 'keep') return stored;
	announceOfflineChange();
	return next;
}

/** Record that the server accepted the draft as it was at `syncedAt`. */
export async function markDraftSynced(id: string, syncedAt: string, serverVersion: string | null): Promise<void> {
	const tx = (await database()).transaction('drafts', 'readwrite');
	const draft = await tx.store.get(id);
	if (draft) await tx.store.put({ ...draft, syncedAt, serverVersion });
	await tx.done;
	announceOfflineChange();
}

/** Drafts never synced, or edited since they last were. */
export async function countUnsyncedDrafts(): Promise<number> {
	const drafts = await (await database()).getAll('drafts');
	return drafts.filter((draft) => draft.syncedAt === null || draft.syncedAt < draft.updatedAt).length;
}

// ---------------------------------------------------------------- outbox

/**
 * Add a mutation at the end of the outbox, or, when an entry for the same row
 * and operation is already waiting, replace its payload in place (one entry,
 * same position, newer revision).
 */
export async function storeOutboxMutation(mutation: OutboxMutation, now: string): Promise<OutboxEntry> {
	const tx = (await database()).transaction('outbox', 'readwrite');
	const same = await tx.store.index('by-mutation').getAll([mutation.id, mutation.operation]);
	const latest = same.at(-1);
	let entry: OutboxEntry;
	if (latest) {
		entry = { ...latest, payload: mutation.payload, match: mutation.match, revision: latest.revision + 1, status: 'pending', lastError: null };
		await tx.store.put(entry);
	} else {
		const fresh = { ...mutation, createdAt: now, revision: 1, attempts: 0, lastError: null, status: 'pending' as const };
		// `seq` is filled in by the store's key generator.
		const seq = await tx.store.add(fresh as OutboxEntry);
		entry = { ...fresh, seq };
	}
	await tx.done;
	announceOfflineChange();
	return entry;
}

/** All entries in send order. */
export async function listOutboxEntries(): Promise<OutboxEntry[]> {
	return (await database()).getAll('outbox');
}

/** The entry that must be sent next, if any. */
export async function firstOutboxEntry(): Promise<OutboxEntry | undefined> {
	const cursor = await (await database()).transaction('outbox').store.openCursor();
	return cursor?.value;
}

export async function countOutboxEntries(): Promise<number> {
	return (await database()).count('outbox');
}

/**
 * Read-modify-write one entry atomically. `change` gets the stored entry and
 * returns the entry to store, `'delete'` to remove it, or `'keep'`.
 */
export async function changeOutboxEntry(
	seq: number,
	change: (entry: OutboxEntry) => OutboxEntry | 'delete' | 'keep'
): Promise<OutboxEntry | undefined> {
	const tx = (await database()).transaction('outbox', 'readwrite');
	const entry = await tx.store.get(seq);
	const next = entry ? change(entry) : 'keep';
	if (next === 'delete') await tx.store.delete(seq);
	else if (next !== 'keep') await tx.store.put(next);
	await tx.done;
	if (next === 'keep') return entry;
	announceOfflineChange();
	return next === 'delete' ? undefined : next;
}

/** Whether any outbox entry (whatever its status) writes the row with one of these ids: that row is not on the server yet. */
export async function hasOutboxEntryFor(ids: readonly string[]): Promise<boolean> {
	const index = (await database()).transaction('outbox').store.index('by-mutation');
	for (const id of ids) {
		// Every [id, operation] key: arrays sort after strings, so [id, []] closes the range.
		if ((await index.count(IDBKeyRange.bound([id], [id, []]))) > 0) return true;
	}
	return false;
}

// ---------------------------------------------------------------- files (attachments waiting to upload)

export async function saveAttachmentFile(file: AttachmentFile): Promise<void> {
	await (await database()).put('files', file);
	announceOfflineChange();
}

export async function getAttachmentFile(id: string): Promise<AttachmentFile | undefined> {
	return (await database()).get('files', id);
}

/** Oldest first (the order they are uploaded in). */
export async function listAttachmentFiles(): Promise<AttachmentFile[]> {
	return (await database()).getAllFromIndex('files', 'by-created-at');
}

/**
 * Read-modify-write one file atomically. `change` gets the stored file and
 * returns the file to store, `'delete'` to remove it, or `'keep'`.
 */
export async function changeAttachmentFile(
	id: string,
	change: (file: AttachmentFile) => AttachmentFile | 'delete' | 'keep'
): Promise<AttachmentFile | undefined> {
	const tx = (await database()).transaction('files', 'readwrite');
	const file = await tx.store.get(id);
	const next = file ? change(file) : 'keep';
	if (next === 'delete') await tx.store.delete(id);
	else if (next !== 'keep') await tx.store.put(next);
	await tx.done;
	if (next === 'keep') return file;
	announceOfflineChange();
	return next === 'delete' ? undefined : next;
}

export async function deleteAttachmentFile(id: string): Promise<void> {
	await (await database()).delete('files', id);
	announceOfflineChange();
}

// ---------------------------------------------------------------- meta

export async function getMeta<K extends MetaKey>(key: K): Promise<MetaValues[K] | undefined> {
	return (await (await database()).get('meta', key)) as MetaValues[K] | undefined;
}

/** The stored value, or `create()`'s, stored in the same transaction so two tabs never disagree. */
export async function getOrCreateMeta<K extends MetaKey>(key: K, create: () => MetaValues[K]): Promise<MetaValues[K]> {
	const tx = (await database()).transaction('meta', 'readwrite');
	let value = (await tx.store.get(key)) as MetaValues[K] | undefined;
	if (value === undefined) {
		value = create();
		await tx.store.put(value, key);
	}
	await tx.done;
	return value;
}
