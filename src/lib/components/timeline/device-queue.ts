/**
 * Tracking writes kept on this device until they sync: each update is an
 * outbox entry (the event, create-once by its client id) followed by the
 * request row's new status and dates (an update, replaced while it waits, so
 * only the latest goes). Read back from the outbox so the page shows them at once.
 */
import type { OutboxEntry } from '$lib/offline/db-schema';
import { enqueue, listOutbox } from '$lib/offline/outbox';
import type { EventRow, RequestRowUpdate } from '$lib/tracking/event-rows';
import type { FindingRow } from '$lib/tracking/finding-form';
import { queuedEventsOf, type QueuedEventRow } from '$lib/tracking/timeline-merge';

export interface DeviceWrites {
	events: QueuedEventRow[];
	findings: FindingRow[];
	/** Ids of the rows still waiting to be sent. */
	waiting: Set<string>;
	/** Refused by the server: shown beside the item with the reason. */
	refused: Map<string, string>;
}

export function deviceWritesOf(requestId: string, entries: readonly OutboxEntry[]): DeviceWrites {
	const findings = entries
		.filter((entry) => entry.table === 'disclosure_findings' && entry.operation === 'upsert' && entry.payload.request_id === requestId)
		.map((entry) => ({ ...(entry.payload as FindingRow), id: entry.id }));
	const refused = new Map(entries.filter((entry) => entry.status === 'failed' && entry.lastError).map((entry) => [entry.id, entry.lastError?.message ?? '']));
	return { events: queuedEventsOf(requestId, entries), findings, waiting: new Set(entries.map((entry) => entry.id)), refused };
}

export async function readDeviceWrites(requestId: string): Promise<DeviceWrites> {
	return deviceWritesOf(requestId, await listOutbox());
}

export async function queueEvent(row: EventRow): Promise<void> {
	await enqueue({ id: row.id, table: 'request_events', operation: 'upsert', payload: row });
}

export async function queueRequestUpdate(requestId: string, update: RequestRowUpdate): Promise<void> {
	await enqueue({ id: requestId, table: 'records_requests', operation: 'update', payload: update, match: { id: requestId } });
}

export async function queueFinding(row: FindingRow): Promise<void> {
	await enqueue({ id: row.id, table: 'disclosure_findings', operation: 'upsert', payload: row });
}
