/**
 * The one module that touches IndexedDB. Every other module reads and writes
 * drafts, the outbox and device values through these typed functions.
 *
 * Drafts, outbox entries and files belong to the account that wrote them
 * (`ownership.ts`): each function takes the account it acts for, by default
 * the one signed in on this page (`device-account.ts`). Reads return that
 * account's records and unowned ones; writes record it as the owner; another
 * account's records are never returned nor changed (an outbox entry changed
 * by its `seq`, which only a read for its owner hands out, is the exception).
 */
import { openDB, type IDBPDatabase, type IDBPIndex } from 'idb';
import { deviceAccount } from './device-account';
import { announceOfflineChange } from './offline-changes';
import { hasUnsyncedChanges } from './draft-state';
import { holdsWaitingWork, isVisibleTo, summariseDeviceWork, withOwner, type DeviceWork } from './ownership';
import {
	DATABASE_NAME,
	DATABASE_VERSION,
	type AttachmentFile,
	type DeviceAccount,
	type DiscloseDB,
	type Draft,
	type MetaKey,
	type MetaValues,
	type OutboxEntry,
	type OutboxMutation
} from './db-schema';

/** Whom a call acts for: an account, or null for "nobody signed in" (sees unowned records only). */
type Account = DeviceAccount | null;

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

/** Store a draft (another account's draft with the same id that still holds waiting work is left as it is). */
export async function saveDraft(draft: Draft, account: Account = deviceAccount()): Promise<void> {
	await changeDraft(draft.id, () => draft, account);
}

export async function getDraft(id: string, account: Account = deviceAccount()): Promise<Draft | undefined> {
	const draft = await (await database()).get('drafts', id);
	return draft && isVisibleTo(draft, account) ? draft : undefined;
}

/** Most recently edited first. */
export async function listDrafts(account: Account = deviceAccount()): Promise<Draft[]> {
	const drafts = await (await database()).getAllFromIndex('drafts', 'by-updated-at');
	return drafts.filter((draft) => isVisibleTo(draft, account)).reverse();
}

export async function deleteDraft(id: string, account: Account = deviceAccount()): Promise<void> {
	const tx = (await database()).transaction('drafts', 'readwrite');
	const draft = await tx.store.get(id);
	const deleting = draft !== undefined && isVisibleTo(draft, account);
	if (deleting) await tx.store.delete(id);
	await tx.done;
	if (deleting) announceOfflineChange();
}

/**
 * Read-modify-write one draft atomically (so an autosave and a sync finishing
 * at the same moment never undo each other). `change` gets the stored draft
 * (or undefined) and returns the draft to store, or `'keep'`.
 *
 * Another account's draft is never shown to `change`: it gets undefined. If that draft still holds work waiting to
 * sync, nothing is written and undefined is returned (as for a draft that cannot be written); otherwise (a synced
 * copy of the server's) it may be replaced, and the new draft is the account's own.
 */
export async function changeDraft(
	id: string,
	change: (stored: Draft | undefined) => Draft | 'keep',
	account: Account = deviceAccount()
): Promise<Draft | undefined> {
	const tx = (await database()).transaction(['drafts', 'outbox'], 'readwrite');
	const drafts = tx.objectStore('drafts');
	const found = await drafts.get(id);
	const stored = found && isVisibleTo(found, account) ? found : undefined;
	if (found && !stored && holdsWaitingWork(found, await hasEntryFor(tx.objectStore('outbox').index('by-mutation'), id))) {
		await tx.done;
		return undefined;
	}
	const next = change(stored);
	const written = next === 'keep' ? stored : withOwner(next, stored?.owner ?? account ?? next.owner);
	if (next !== 'keep' && written) await drafts.put(written);
	await tx.done;
	if (next !== 'keep') announceOfflineChange();
	return written;
}

/** Record that the server accepted the draft as it was at `syncedAt`. */
export async function markDraftSynced(id: string, syncedAt: string, serverVersion: string | null, account: Account = deviceAccount()): Promise<void> {
	const tx = (await database()).transaction('drafts', 'readwrite');
	const draft = await tx.store.get(id);
	if (draft && isVisibleTo(draft, account)) await tx.store.put({ ...draft, syncedAt, serverVersion });
	await tx.done;
	announceOfflineChange();
}

/** Drafts never synced, or edited since they last were. */
export async function countUnsyncedDrafts(account: Account = deviceAccount()): Promise<number> {
	const drafts = await (await database()).getAll('drafts');
	return drafts.filter((draft) => isVisibleTo(draft, account) && hasUnsyncedChanges(draft)).length;
}

// ---------------------------------------------------------------- outbox

/**
 * Add a mutation at the end of the outbox, or, when an entry of the same account for the same row and operation is
 * already waiting, replace its payload in place (one entry, same position, newer revision). Another account's entry
 * for the same row is left alone: this one gets its own entry.
 */
export async function storeOutboxMutation(mutation: OutboxMutation, now: string, account: Account = deviceAccount()): Promise<OutboxEntry> {
	const tx = (await database()).transaction('outbox', 'readwrite');
	const same = await tx.store.index('by-mutation').getAll([mutation.id, mutation.operation]);
	const latest = same.filter((entry) => isVisibleTo(entry, account)).at(-1);
	let entry: OutboxEntry;
	if (latest) {
		entry = withOwner(
			{ ...latest, payload: mutation.payload, match: mutation.match, revision: latest.revision + 1, status: 'pending', lastError: null },
			latest.owner ?? account
		);
		await tx.store.put(entry);
	} else {
		const fresh = withOwner<Omit<OutboxEntry, 'seq'>>({ ...mutation, createdAt: now, revision: 1, attempts: 0, lastError: null, status: 'pending' }, account);
		// `seq` is filled in by the store's key generator.
		const seq = await tx.store.add(fresh as OutboxEntry);
		entry = { ...fresh, seq };
	}
	await tx.done;
	announceOfflineChange();
	return entry;
}

/** The account's entries in send order. */
export async function listOutboxEntries(account: Account = deviceAccount()): Promise<OutboxEntry[]> {
	return (await (await database()).getAll('outbox')).filter((entry) => isVisibleTo(entry, account));
}

/** The account's entry that must be sent next, if any. */
export async function firstOutboxEntry(account: Account = deviceAccount()): Promise<OutboxEntry | undefined> {
	let cursor = await (await database()).transaction('outbox').store.openCursor();
	while (cursor && !isVisibleTo(cursor.value, account)) cursor = await cursor.continue();
	return cursor?.value;
}

export async function countOutboxEntries(account: Account = deviceAccount()): Promise<number> {
	return (await listOutboxEntries(account)).length;
}

/**
 * Read-modify-write one entry atomically. `change` gets the stored entry and
 * returns the entry to store, `'delete'` to remove it, or `'keep'`. By `seq`
 * whoever owns it: a `seq` comes from a read for its owner (the drain, the
 * refused change shown), and a drain must always be able to record what it sent.
 */
export async function changeOutboxEntry(
	seq: number,
	change: (entry: OutboxEntry) => OutboxEntry | 'delete' | 'keep'
): Promise<OutboxEntry | undefined> {
	const tx = (await database()).transaction('outbox', 'readwrite');
	const entry = await tx.store.get(seq);
	const next = entry ? change(entry) : 'keep';
	if (next === 'delete') await tx.store.delete(seq);
	else if (next !== 'keep') await tx.store.put(withOwner(next, entry?.owner ?? next.owner));
	await tx.done;
	if (next === 'keep') return entry;
	announceOfflineChange();
	return next === 'delete' ? undefined : next;
}

/** Whether any outbox entry (whatever its status and account) writes the row with one of these ids: that row is not on the server yet. */
export async function hasOutboxEntryFor(ids: readonly string[]): Promise<boolean> {
	const index = (await database()).transaction('outbox').store.index('by-mutation');
	for (const id of ids) {
		if (await hasEntryFor(index, id)) return true;
	}
	return false;
}

async function hasEntryFor(index: IDBPIndex<DiscloseDB, ['outbox'] | ['drafts', 'outbox'], 'outbox', 'by-mutation', IDBTransactionMode>, id: string): Promise<boolean> {
	// Every [id, operation] key: arrays sort after strings, so [id, []] closes the range.
	return (await index.count(IDBKeyRange.bound([id], [id, []]))) > 0;
}

// ---------------------------------------------------------------- files (attachments waiting to upload)

export async function saveAttachmentFile(file: AttachmentFile, account: Account = deviceAccount()): Promise<void> {
	await (await database()).put('files', withOwner(file, account ?? file.owner));
	announceOfflineChange();
}

export async function getAttachmentFile(id: string, account: Account = deviceAccount()): Promise<AttachmentFile | undefined> {
	const file = await (await database()).get('files', id);
	return file && isVisibleTo(file, account) ? file : undefined;
}

/** Oldest first (the order they are uploaded in). */
export async function listAttachmentFiles(account: Account = deviceAccount()): Promise<AttachmentFile[]> {
	return (await (await database()).getAllFromIndex('files', 'by-created-at')).filter((file) => isVisibleTo(file, account));
}

/**
 * Read-modify-write one file atomically. `change` gets the stored file and
 * returns the file to store, `'delete'` to remove it, or `'keep'`.
 */
export async function changeAttachmentFile(
	id: string,
	change: (file: AttachmentFile) => AttachmentFile | 'delete' | 'keep',
	account: Account = deviceAccount()
): Promise<AttachmentFile | undefined> {
	const tx = (await database()).transaction('files', 'readwrite');
	const found = await tx.store.get(id);
	const file = found && isVisibleTo(found, account) ? found : undefined;
	const next = file ? change(file) : 'keep';
	if (next === 'delete') await tx.store.delete(id);
	else if (next !== 'keep') await tx.store.put(withOwner(next, file?.owner ?? account));
	await tx.done;
	if (next === 'keep') return file;
	announceOfflineChange();
	return next === 'delete' ? undefined : next;
}

export async function deleteAttachmentFile(id: string, account: Account = deviceAccount()): Promise<void> {
	await changeAttachmentFile(id, () => 'delete', account);
}

// ---------------------------------------------------------------- whose work is whose

/** The account's work and other accounts' waiting work, read together (see `summariseDeviceWork`). */
export async function readDeviceWork(account: Account = deviceAccount()): Promise<DeviceWork> {
	const tx = (await database()).transaction(['outbox', 'drafts', 'files']);
	const [entries, drafts, files] = await Promise.all([tx.objectStore('outbox').getAll(), tx.objectStore('drafts').getAll(), tx.objectStore('files').getAll()]);
	await tx.done;
	return summariseDeviceWork(account, entries, drafts, files);
}

/** Make the records nobody owns (written before owners were recorded) `account`'s own. Returns how many were adopted. */
export async function adoptUnownedRecords(account: DeviceAccount): Promise<number> {
	const tx = (await database()).transaction(['outbox', 'drafts', 'files'], 'readwrite');
	let adopted = 0;
	for (const name of ['outbox', 'drafts', 'files'] as const) {
		for (let cursor = await tx.objectStore(name).openCursor(); cursor; cursor = await cursor.continue()) {
			if (cursor.value.owner) continue;
			await cursor.update(withOwner(cursor.value, account));
			adopted += 1;
		}
	}
	await tx.done;
	if (adopted > 0) announceOfflineChange();
	return adopted;
}

/** Delete everything of another account on this device: outbox entries, drafts and files. Returns how many records went. */
export async function deleteRecordsOf(userId: string): Promise<number> {
	const tx = (await database()).transaction(['outbox', 'drafts', 'files'], 'readwrite');
	let deleted = 0;
	for (const name of ['outbox', 'drafts', 'files'] as const) {
		for (let cursor = await tx.objectStore(name).openCursor(); cursor; cursor = await cursor.continue()) {
			if (cursor.value.owner?.userId !== userId) continue;
			await cursor.delete();
			deleted += 1;
		}
	}
	await tx.done;
	if (deleted > 0) announceOfflineChange();
	return deleted;
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
