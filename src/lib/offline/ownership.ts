/**
 * Whose offline data is whose, as pure rules (no I/O; `db.ts` applies them).
 *
 * Every draft, outbox entry and waiting file records the account that wrote it
 * (`owner`). An account sees, lists and sends only its own records, plus the
 * unowned ones (written before this rule existed, or while nobody was signed
 * in), which the first account that connects sync adopts. Another account's
 * records are never shown, changed or sent; what of them still waits to reach
 * the server is summed up per account, so the device can say "changes made by
 * … wait on this device" and offer to discard them.
 */
import type { AttachmentFile, DeviceAccount, Draft, Owned, OutboxEntry } from './db-schema';
import { hasUnsyncedChanges, isVisibleTo } from './draft-state';

export { isVisibleTo } from './draft-state';

/** `record` with `owner` recorded (or without any owner when there is none to record). */
export function withOwner<T extends Owned>(record: T, owner: DeviceAccount | null | undefined): T {
	const { owner: _previous, ...rest } = record;
	return owner ? ({ ...rest, owner: { userId: owner.userId, email: owner.email } } as T) : (rest as T);
}

/**
 * Another account's draft may be replaced by this account's write (e.g. the server's version of a draft both can
 * see) only when it holds nothing that waits to sync: no unsynced edit, no outbox entry. Its owner loses nothing.
 */
export function holdsWaitingWork(draft: Draft, hasOutboxEntry: boolean): boolean {
	return hasOutboxEntry || hasUnsyncedChanges(draft);
}

/** What of one account waits on the device to reach the server. */
export interface WaitingWork {
	owner: DeviceAccount;
	/** Changes lost if it is discarded: outbox entries, files waiting to upload, and unsynced drafts with no entry. */
	changes: number;
}

export interface DeviceWork {
	/** This account's (and unowned) outbox entries, whatever their status. */
	pending: number;
	/** The first of them in send order: its error is the one shown. */
	first: OutboxEntry | undefined;
	/** This account's drafts never synced or edited since. */
	unsyncedDrafts: number;
	/** This account's changes counted as in `WaitingWork.changes` (what signing out leaves behind). */
	waiting: number;
	/** Other accounts with work waiting, in the order their first record appears. */
	others: WaitingWork[];
}

/** Sum up the device's records for `account`. `entries` in send order. */
export function summariseDeviceWork(
	account: DeviceAccount | null,
	entries: readonly OutboxEntry[],
	drafts: readonly Draft[],
	files: readonly AttachmentFile[]
): DeviceWork {
	const entryIds = new Set(entries.map((entry) => entry.id));
	const mine = (record: Owned) => isVisibleTo(record, account);
	const ownEntries = entries.filter(mine);
	const ownUnsynced = drafts.filter((draft) => mine(draft) && hasUnsyncedChanges(draft));
	const others = new Map<string, WaitingWork>();
	const count = (record: Owned) => {
		if (!record.owner || mine(record)) return;
		const work = others.get(record.owner.userId) ?? { owner: record.owner, changes: 0 };
		work.changes += 1;
		others.set(record.owner.userId, work);
	};
	entries.forEach(count);
	files.forEach(count);
	drafts.filter((draft) => hasUnsyncedChanges(draft) && !entryIds.has(draft.id)).forEach(count);
	return {
		pending: ownEntries.length,
		first: ownEntries[0],
		unsyncedDrafts: ownUnsynced.length,
		waiting: ownEntries.length + files.filter(mine).length + ownUnsynced.filter((draft) => !entryIds.has(draft.id)).length,
		others: [...others.values()]
	};
}
