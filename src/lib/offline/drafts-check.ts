/**
 * A fresh look at the server for the drafts this device holds, to learn what
 * happened to them elsewhere: a draft deleted on another device goes from this
 * one too, and one filed on another device is marked filed, when this device
 * has nothing the server lacks. A draft with changes here is left to its own
 * sync, which keeps those changes (drafts-sync.ts). Run when online; the caller
 * says how to read the server (supabase-js in the app, a stub in tests).
 */
import type { ServerDraft } from '$lib/data/drafts';
import { changeDraft, deleteDraft, listDrafts } from './db';
import { deletionMarker, isDeletedDraft, isExpiredMarker, remoteFate } from './draft-fates';
import { closedAsFiled, isRequestDraft, type RequestDraft } from './drafts-sync';
import { listOutbox } from './outbox';

/** Reads the caller's drafts with these ids from the server, filed or not; throws when the server cannot be asked. */
export type ReadServerDrafts = (ids: readonly string[]) => Promise<Map<string, ServerDraft>>;

export interface ClosedElsewhereReport {
	reason: 'filed' | 'deleted';
	/** The draft as it was on this device before. */
	draft: RequestDraft;
}

/**
 * Check `only` these drafts (or every synced one) against the server, apply what happened elsewhere, and report it.
 * Also forgets deletion markers old enough that no kept page can still list their draft.
 */
export async function checkDraftsOnServer(read: ReadServerDrafts, options: { only?: readonly string[]; now?: Date } = {}): Promise<ClosedElsewhereReport[]> {
	const now = options.now ?? new Date();
	const drafts = await listDrafts();
	for (const marker of drafts.filter(isDeletedDraft)) {
		if (isExpiredMarker(marker, now)) await deleteDraft(marker.id);
	}
	const waiting = new Set((await listOutbox()).map((entry) => entry.id));
	const wanted = options.only ? new Set(options.only) : null;
	const candidates = drafts
		.filter(isRequestDraft)
		.filter((draft) => (wanted ? wanted.has(draft.id) : true))
		// Only those the server could tell anything about; `remoteFate` decides for each with the answer.
		.filter((draft) => remoteFate(draft, undefined, waiting.has(draft.id)) === 'deleted');
	if (candidates.length === 0) return [];
	const server = await read(candidates.map((draft) => draft.id));
	const at = now.toISOString();
	const report: ClosedElsewhereReport[] = [];
	for (const local of candidates) {
		const row = server.get(local.id);
		let applied: ClosedElsewhereReport['reason'] | null = null;
		await changeDraft(local.id, (stored) => {
			// Decide again on what is stored now: an edit made meanwhile keeps the draft.
			if (!isRequestDraft(stored) || stored.updatedAt !== local.updatedAt) return 'keep';
			const fate = remoteFate(stored, row, waiting.has(stored.id));
			if (fate === 'deleted') {
				applied = 'deleted';
				return deletionMarker(stored, at, 'elsewhere');
			}
			if (fate === 'filed' && row) {
				applied = 'filed';
				return closedAsFiled(stored, row, at, null);
			}
			return 'keep';
		});
		if (applied) report.push({ reason: applied, draft: local });
	}
	return report;
}
