/**
 * Autosave for the composer: every change is written to the device
 * (IndexedDB) after a short pause, never blocking typing, and queued for sync.
 * The offline modules load after the page (off the first-load path).
 */
import type { RequestDraft, RequestDraftFields } from '$lib/offline/drafts-sync';
import { loadRetrying } from '$lib/hydration/load-retrying';
import { settleWithin } from '$lib/hydration/settle-within';

export type SaveState = 'new' | 'saving' | 'local' | 'synced' | 'failed';

export interface DraftSnapshot {
	id: string;
	organisationId: string;
	fields: RequestDraftFields;
}

export type OfflineModules = [typeof import('$lib/offline/drafts-sync'), typeof import('$lib/offline/ids')];
let modules: Promise<OfflineModules> | null = null;

/**
 * The saving code could not be loaded: on a first visit nothing is kept for offline use yet, and the signal dropped
 * before it arrived, or the load never settled (settle-within.ts).
 */
export class SaveCodeMissingError extends Error {
	constructor(cause?: unknown) {
		super('The code that saves on this device has not loaded (no connection).', { cause });
		this.name = 'SaveCodeMissingError';
	}
}

/** The device-database modules, loaded once, on first use; a failed load is tried again on the next call. */
export function offlineModules(): Promise<OfflineModules> {
	modules ??= settleWithin(Promise.all([import('$lib/offline/drafts-sync'), import('$lib/offline/ids')])).catch((error: unknown) => {
		modules = null;
		throw new SaveCodeMissingError(error);
	});
	return modules;
}

/** Gives the snapshot to store; `makeId` makes the draft's id if it has none yet. */
export type TakeSnapshot = (makeId: () => string) => DraftSnapshot;

export class DraftAutosave {
	state = $state<SaveState>('new');
	/** Why the last save failed, in the words of the error; empty when the saving code is what is missing. */
	error = $state('');
	/** The last save failed because the saving code could not load (it is tried again when the network is back). */
	codeMissing = $state(false);
	/** `updatedAt` of this page's last write: a stored draft with another one was changed elsewhere. */
	lastStored: string | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#next: TakeSnapshot | null = null;
	#queue: Promise<void> = Promise.resolve();
	/** Trying to load the saving code again (network back, growing pauses), to save what waits once it is here. */
	#retrying = false;

	constructor(
		private readonly delayMs: number,
		private readonly onSaved: (draft: RequestDraft) => void,
		private readonly load: () => Promise<OfflineModules> = offlineModules
	) {}

	/** A change was made: save it after the pause (each new change restarts the pause). */
	schedule(take: TakeSnapshot): void {
		this.#next = take;
		this.state = 'saving';
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), this.delayMs);
	}

	get pending(): boolean {
		return this.#next !== null;
	}

	/** Save what is waiting now (on "Save draft", when the page is hidden or closed). */
	flush(): Promise<void> {
		clearTimeout(this.#timer);
		this.#queue = this.#queue.then(() => this.#write());
		return this.#queue;
	}

	/** Forget the change waiting to be saved (the draft was deleted: there is nothing to save it into). */
	cancel(): void {
		clearTimeout(this.#timer);
		this.#next = null;
	}

	/** Show the state of a draft read from the device. */
	show(draft: RequestDraft, unsynced: boolean): void {
		this.lastStored = draft.updatedAt;
		if (!this.pending) this.state = unsynced ? 'local' : 'synced';
	}

	#flushOnceLoadable(): void {
		if (this.#retrying || typeof window === 'undefined') return;
		this.#retrying = true;
		loadRetrying(this.load, () => {
			this.#retrying = false;
			void this.flush();
		});
	}

	async #write(): Promise<void> {
		const take = this.#next;
		this.#next = null;
		if (!take) return;
		try {
			const [sync, ids] = await this.load();
			const snapshot = take(ids.newId);
			const saved = await sync.saveRequestDraft({ ...snapshot, deviceId: await ids.deviceId() });
			this.lastStored = saved.updatedAt;
			if (!this.#next) this.state = sync.hasUnsyncedChanges(saved) ? 'local' : 'synced';
			this.error = '';
			this.codeMissing = false;
			this.onSaved(saved);
		} catch (error) {
			// Keep the change waiting: the next change or flush tries again, and so does the code loading again
			// when it was what was missing (what was typed stays in the form meanwhile).
			this.#next ??= take;
			this.state = 'failed';
			this.codeMissing = error instanceof SaveCodeMissingError;
			this.error = this.codeMissing ? '' : error instanceof Error ? error.message : String(error);
			if (this.codeMissing) this.#flushOnceLoadable();
		}
	}
}
