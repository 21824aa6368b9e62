/**
 * Edits and deletions of disclosure findings made on this device and not yet
 * synced (outbox entries `update` / `delete` on disclosure_findings), applied
 * over the findings the page knows, so a change shows at once and survives a
 * reload while offline. Pure: no I/O.
 */
import type { FindingChanges } from './finding-form';

/** The part of an outbox entry this reads (see $lib/offline/db-schema OutboxEntry). */
export interface FindingOutboxEntry {
	id: string;
	table: string;
	operation: string;
	payload: Record<string, unknown>;
	status: string;
}

export interface DeviceFindingChanges {
	/** Latest waiting edit per finding id. */
	edits: Map<string, Partial<FindingChanges>>;
	/** Findings whose deletion waits to be sent (a refused deletion is not in here: the finding stays shown, with the reason). */
	deleted: Set<string>;
}

export function findingChangesOf(entries: readonly FindingOutboxEntry[]): DeviceFindingChanges {
	const edits = new Map<string, Partial<FindingChanges>>();
	const deleted = new Set<string>();
	for (const entry of entries) {
		if (entry.table !== 'disclosure_findings') continue;
		if (entry.operation === 'update') edits.set(entry.id, { ...edits.get(entry.id), ...(entry.payload as Partial<FindingChanges>) });
		else if (entry.operation === 'delete' && entry.status !== 'failed') deleted.add(entry.id);
	}
	return { edits, deleted };
}

/**
 * The findings as this device last left them: deleted ones gone, edited ones
 * with their new values and `edited` set (so the page can mark them unsynced).
 */
export function applyFindingChanges<T extends { id: string }>(findings: readonly T[], changes: DeviceFindingChanges): (T & { edited: boolean })[] {
	return findings.flatMap((finding) => {
		if (changes.deleted.has(finding.id)) return [];
		const edit = changes.edits.get(finding.id);
		return [edit ? { ...finding, ...edit, edited: true } : { ...finding, edited: false }];
	});
}

/** Merge two change sets, `later` winning (what this page did over what the outbox held when read). */
export function mergeFindingChanges(earlier: DeviceFindingChanges, later: DeviceFindingChanges): DeviceFindingChanges {
	const edits = new Map(earlier.edits);
	for (const [id, edit] of later.edits) edits.set(id, { ...edits.get(id), ...edit });
	return { edits, deleted: new Set([...earlier.deleted, ...later.deleted]) };
}
