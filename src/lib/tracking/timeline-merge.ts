/**
 * One timeline for a request from two sources: the server's events (the
 * request_timeline view, corrections already applied) and this device's
 * outbox entries for the request (events and corrections not yet synced).
 * The result feeds the CORA engine (status, due dates) and the page.
 * Pure: no I/O.
 */
import type { RequestEvent, RequestEventType } from '$lib/cora';
import { isRequestEventType } from '$lib/cora';

/** A row of the request_timeline view (corrections applied by the database). */
export interface ServerTimelineRow {
	id: string | null;
	request_id: string | null;
	type: string | null;
	occurred_at: string | null;
	payload: unknown;
	note: string | null;
	retracted: boolean | null;
	correction_id: string | null;
	correction_reason: string | null;
	created_at: string | null;
}

/** An event row as queued in the outbox (request_events insert). */
export interface QueuedEventRow {
	id: string;
	request_id: string;
	organisation_id?: string;
	type: RequestEventType;
	occurred_at: string;
	payload: Record<string, unknown>;
	note?: string | null;
	corrects_event_id?: string | null;
}

export interface TimelineItem {
	id: string;
	type: Exclude<RequestEventType, 'correction'>;
	occurredAt: string;
	payload: Record<string, unknown>;
	note: string | null;
	retracted: boolean;
	/** Why it was last corrected, if it was. */
	correctionReason: string | null;
	corrected: boolean;
	/** Written on this device, not on the server yet (itself or its latest correction). */
	onDevice: boolean;
}

export type TimelineOrder = 'newest_first' | 'oldest_first';

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Outbox entries that create events of this request (other tables and requests are ignored). */
export function queuedEventsOf(requestId: string, entries: readonly { table: string; operation: string; id: string; payload: Record<string, unknown> }[]): QueuedEventRow[] {
	return entries.flatMap((entry) => {
		if (entry.table !== 'request_events' || entry.operation !== 'upsert') return [];
		const row = entry.payload;
		if (row.request_id !== requestId || !isRequestEventType(row.type) || typeof row.occurred_at !== 'string') return [];
		return [
			{
				id: entry.id,
				request_id: requestId,
				type: row.type,
				occurred_at: row.occurred_at,
				payload: isRecord(row.payload) ? row.payload : {},
				note: typeof row.note === 'string' ? row.note : null,
				corrects_event_id: typeof row.corrects_event_id === 'string' ? row.corrects_event_id : null
			}
		];
	});
}

function fromServer(row: ServerTimelineRow): TimelineItem | null {
	if (!row.id || !row.occurred_at || !isRequestEventType(row.type) || row.type === 'correction') return null;
	return {
		id: row.id,
		type: row.type,
		occurredAt: row.occurred_at,
		payload: isRecord(row.payload) ? row.payload : {},
		note: row.note,
		retracted: row.retracted === true,
		correctionReason: row.correction_reason,
		corrected: row.correction_id !== null,
		onDevice: false
	};
}

const time = (instant: string) => new Date(instant).getTime();

/**
 * The merged timeline: server items, then this device's (an id the server
 * already has is the server's), with this device's corrections applied on top
 * in the order they were made (the latest wins, as in the database's view).
 */
export function mergeTimeline(
	serverRows: readonly ServerTimelineRow[],
	queued: readonly QueuedEventRow[],
	order: TimelineOrder = 'newest_first',
	/** Ids still waiting in the outbox; rows written here that already left it show as synced. All, when omitted. */
	waiting?: ReadonlySet<string>
): TimelineItem[] {
	const isWaiting = (id: string) => (waiting ? waiting.has(id) : true);
	const byId = new Map<string, TimelineItem>();
	for (const row of serverRows) {
		const item = fromServer(row);
		if (item) byId.set(item.id, item);
	}
	for (const row of queued) {
		if (row.type === 'correction' || byId.has(row.id)) continue;
		byId.set(row.id, {
			id: row.id,
			type: row.type,
			occurredAt: row.occurred_at,
			payload: row.payload,
			note: row.note ?? null,
			retracted: false,
			correctionReason: null,
			corrected: false,
			onDevice: isWaiting(row.id)
		});
	}
	const corrections = queued.filter((row) => row.type === 'correction');
	for (const correction of corrections) {
		const target = byId.get(String(correction.payload.corrects ?? correction.corrects_event_id ?? ''));
		if (!target) continue;
		const replacement = correction.payload.payload;
		const occurredAt = correction.payload.occurred_at;
		byId.set(target.id, {
			...target,
			occurredAt: typeof occurredAt === 'string' ? occurredAt : target.occurredAt,
			payload: isRecord(replacement) ? replacement : target.payload,
			retracted: correction.payload.retracted === true,
			correctionReason: typeof correction.payload.reason === 'string' ? correction.payload.reason : null,
			corrected: true,
			onDevice: target.onDevice || isWaiting(correction.id)
		});
	}
	const items = [...byId.values()].sort((a, b) => time(a.occurredAt) - time(b.occurredAt));
	return order === 'newest_first' ? items.reverse() : items;
}

/** The events the CORA engine derives the state from: the merged timeline without retracted events. */
export function engineEvents(items: readonly TimelineItem[]): RequestEvent[] {
	return items
		.filter((item) => !item.retracted)
		.map((item) => ({ id: item.id, type: item.type, occurred_at: item.occurredAt, payload: item.payload }))
		.sort((a, b) => time(a.occurred_at) - time(b.occurred_at));
}
