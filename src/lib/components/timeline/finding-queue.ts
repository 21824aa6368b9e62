/**
 * Edits and deletions of disclosure findings go through the outbox like their
 * creation (device-queue.ts): an edit is an `update` of the finding's row by
 * its id (a second edit while the first waits replaces it), a deletion a
 * `delete` by id (a replay of a deletion whose answer was lost is harmless).
 */
import { enqueue, listOutbox } from '$lib/offline/outbox';
import { findingChangesOf, type DeviceFindingChanges } from '$lib/tracking/finding-changes';
import type { FindingChanges } from '$lib/tracking/finding-form';

export async function queueFindingEdit(id: string, changes: FindingChanges): Promise<void> {
	await enqueue({ id, table: 'disclosure_findings', operation: 'update', payload: { ...changes } });
}

export async function queueFindingDeletion(id: string): Promise<void> {
	await enqueue({ id, table: 'disclosure_findings', operation: 'delete', payload: {} });
}

export async function readFindingChanges(): Promise<DeviceFindingChanges> {
	return findingChangesOf(await listOutbox());
}
