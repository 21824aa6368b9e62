/**
 * Autosave for the composer: every change is written to the device
 * (IndexedDB) after a short pause, never blocking typing, and queued for sync.
 * The offline modules load after the page (off the first-load path).
 */
import type { RequestDraft, RequestDraftFields } from '$lib/offline/drafts-sync';

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
 * before it arrived. (Chromium can also leave such a load unsettled: it counts as failed after `LOAD_WAIT_MS`.)
 */
export class SaveCodeMissingError extends Error {
	constructor(cause?: unknown) {
		super('The code that saves on this device has not loaded (no connection).', { cause });
		this.name = 'SaveCodeMissingError';
	}
}

const LOAD_WAIT_MS = 10_000;

/** The device-database modules, loaded once, on first use; a failed load is tried again on the next call. */
export function offlineModules(): Promise<OfflineModules> {
	modules ??= new Promise<OfflineModules>((resolve, reject) => {
		const timer = setTimeout(() => reject(new SaveCodeMissingError()), LOAD_WAIT_MS);
		Promise.all([import('$lib/offline/drafts-sync'), import('$lib/offline/ids')]).then(resolve, (error: unknown) => reject(new SaveCodeMissingError(error))).finally(() => clearTimeout(timer));
	}).catch((error: unknown) => {
		modules = null;
		throw error;
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
	#waitingForNetwork = false;

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

	#flushWhenOnline(): void {
		if (this.#waitingForNetwork || typeof window === 'undefined') return;
		this.#waitingForNetwork = true;
		window.addEventListener(
			'online',
			() => {
				this.#waitingForNetwork = false;
				void this.flush();
			},
			{ once: true }
		);
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
			// Keep the change waiting: the next change or flush tries again, and so does the network coming back
			// when what was missing is the code (what was typed stays in the form meanwhile).
			this.#next ??= take;
			this.state = 'failed';
			this.codeMissing = error instanceof SaveCodeMissingError;
			this.error = this.codeMissing ? '' : error instanceof Error ? error.message : String(error);
			if (this.codeMissing) this.#flushWhenOnline();
		}
	}
}
