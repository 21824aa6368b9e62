/**
 * Whether the draft open in the composer can still be written, and if not,
 * why: it was filed (on another device), deleted (here, in another tab, or
 * on another device), or deleted elsewhere after it was changed here (then
 * it stays editable on this device until the user keeps or deletes it).
 */
import type { DeletedDraft } from '$lib/offline/draft-fates';
import type { RequestDraft } from '$lib/offline/drafts-sync';

export type DraftClosure =
	| { kind: 'filed'; copyId: string | null }
	| { kind: 'deletedElsewhereKept' }
	| { kind: 'deleted'; by: 'here' | 'elsewhere' }
	/** The user deleted it in this composer just now; `syncing`: the server delete waits in the outbox. */
	| { kind: 'deletedNow'; syncing: boolean };

/** What the device's copy (or the marker a deletion left) says about the draft. */
export function closureOnDevice(stored: RequestDraft | undefined, marker: DeletedDraft | undefined): DraftClosure | null {
	if (stored) {
		const closed = stored.fields.closedElsewhere;
		if (closed?.reason === 'filed') return { kind: 'filed', copyId: closed.copyId };
		if (closed?.reason === 'deleted') return { kind: 'deletedElsewhereKept' };
		return null;
	}
	return marker ? { kind: 'deleted', by: marker.fields.by } : null;
}

/** Whether the letter form gives way to the notice (nothing left to write into). */
export function hidesComposer(closure: DraftClosure | null): boolean {
	return closure !== null && closure.kind !== 'deletedElsewhereKept';
}
