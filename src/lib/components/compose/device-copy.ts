/**
 * How the composer follows the device's copy of its draft once it has mounted
 * (loaded after the page, with the sync code): opening the draft named in the
 * address, with the server's copy merged in first when it is newer, and taking
 * in what another tab, another device or a sync changed since. What to show is
 * set through `ComposerView`; the composer keeps the state.
 */
import type { ServerDraft } from '$lib/data/drafts';
import { getDeletedDraft } from '$lib/offline/drafts-deletion';
import type { RequestDraft } from '$lib/offline/drafts-sync';
import { offlineModules, type DraftAutosave } from './autosave.svelte';
import { closureOnDevice, type DraftClosure } from './draft-closure';

export interface ComposerView {
	readonly draftId: string | null;
	readonly autosave: DraftAutosave;
	readonly closure: DraftClosure | null;
	/** What the form holds, comparable with itself after `show`. */
	content(): string;
	/** Put the stored draft's content in the form. */
	show(stored: RequestDraft): void;
	/** The device's copy of the draft the page opened: its content (unless the user is typing) and its save state. */
	showStored(stored: RequestDraft, unsynced: boolean): void;
	setClosure(closure: DraftClosure | null): void;
	/** Another device saved first: the form shows its version; `copyId` keeps what was typed here. */
	changedElsewhere(copyId: string | null): void;
	/** Neither the device nor the server has the draft the address names. */
	notOnDevice(): void;
}

/** Open draft `wanted` from the device. `serverDraft`: the server's copy the page was rendered with, if any. */
export async function openFromDevice(view: ComposerView, wanted: string, serverDraft: ServerDraft | null, stopped: () => boolean): Promise<void> {
	const [sync, ids] = await offlineModules();
	if (serverDraft) await sync.mergeServerDrafts([serverDraft], await ids.deviceId());
	const stored = await sync.getRequestDraft(wanted);
	if (stopped()) return;
	if (stored) return view.showStored(stored, sync.hasUnsyncedChanges(stored));
	const marker = await getDeletedDraft(wanted);
	if (stopped()) return;
	view.setClosure(closureOnDevice(undefined, marker));
	if (!marker && !serverDraft) view.notOnDevice();
}

/** The device's copy changed without this page writing it: another tab, a pull, or a conflict resolved by sync. */
export async function refreshFromDevice(view: ComposerView): Promise<void> {
	const id = view.draftId;
	if (id === null) return;
	const deletedJustNow = () => view.closure?.kind === 'deletedNow';
	const [sync] = await offlineModules();
	const stored = await sync.getRequestDraft(id);
	if (deletedJustNow()) return;
	if (!stored) {
		// Deleted in another tab, or on another device.
		const marker = await getDeletedDraft(id);
		// (This page's own deletion says so itself, perhaps while the marker was being read.)
		if (marker && !deletedJustNow()) {
			view.autosave.cancel();
			view.setClosure(closureOnDevice(undefined, marker));
		}
		return;
	}
	const closure = closureOnDevice(stored, undefined);
	view.setClosure(closure);
	if (closure?.kind === 'filed') {
		// Filed on another device: show it as filed (what was changed here is in the copy the notice links to).
		view.autosave.cancel();
		view.show(stored);
		return;
	}
	const { autosave } = view;
	if (stored.updatedAt !== autosave.lastStored && !autosave.pending) {
		const before = view.content();
		view.show(stored);
		if (before !== view.content() && autosave.lastStored !== null) {
			const copy = (await sync.listRequestDrafts()).find((other) => other.fields.restoredFrom === stored.id);
			view.changedElsewhere(copy?.id ?? null);
		}
	}
	autosave.show(stored, sync.hasUnsyncedChanges(stored));
}
