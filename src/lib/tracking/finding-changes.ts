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

/**
 * The page's own changes still to be laid over the server's findings: those waiting to sync, and those the
 * server's findings do not show yet. A change that has left the outbox is on the server, but the findings the
 * page holds may be older (read back from the copy kept for offline use when the network went away mid-read):
 * then the change still shows, and an edit made next starts from it, not from the older values.
 */
export function changesNotYetShown(changes: DeviceFindingChanges, serverFindings: readonly { id: string }[], waiting: ReadonlySet<string>): DeviceFindingChanges {
	const byId = new Map(serverFindings.map((finding) => [finding.id, finding as Record<string, unknown>]));
	const shows = (id: string, edit: Partial<FindingChanges>) => {
		const finding = byId.get(id);
		return finding !== undefined && Object.entries(edit).every(([key, value]) => JSON.stringify(finding[key]) === JSON.stringify(value));
	};
	return {
		edits: new Map([...changes.edits].filter(([id, edit]) => waiting.has(id) || !shows(id, edit))),
		deleted: new Set([...changes.deleted].filter((id) => waiting.has(id) || byId.has(id)))
	};
}
