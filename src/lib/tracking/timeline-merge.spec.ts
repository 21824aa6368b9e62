import { describe, expect, it } from 'vitest';
import { engineEvents, mergeTimeline, queuedEventsOf, type QueuedEventRow, type ServerTimelineRow } from './timeline-merge';
import { trackedState } from './tracked-state';

const R = 'req-1';
const server = (id: string, type: string, occurred_at: string, extra: Partial<ServerTimelineRow> = {}): ServerTimelineRow => ({
	id, request_id: R, type, occurred_at, payload: {}, note: null, retracted: false, correction_id: null, correction_reason: null, created_at: occurred_at, ...extra
});
const queued = (id: string, type: QueuedEventRow['type'], occurred_at: string, payload: Record<string, unknown> = {}): QueuedEventRow => ({ id, request_id: R, type, occurred_at, payload });

// Mon 2025-03-10, 10:00 in Denver: due Thu 2025-03-13; extended (3 + 7 working days) Mon 2025-03-24.
const sent = server('e-sent', 'sent', '2025-03-10T16:00:00Z');

describe('merging the server timeline with this device', () => {
	it('shows this device’s events beside the server’s, newest first, marked as on the device', () => {
		const items = mergeTimeline([sent], [queued('e-ack', 'acknowledged', '2025-03-11T16:00:00Z')]);
		expect(items.map((i) => [i.id, i.onDevice])).toEqual([['e-ack', true], ['e-sent', false]]);
	});

	it('can list oldest first', () => {
		const items = mergeTimeline([sent], [queued('e-ack', 'acknowledged', '2025-03-11T16:00:00Z')], 'oldest_first');
		expect(items.map((i) => i.id)).toEqual(['e-sent', 'e-ack']);
	});

	it('never shows an event twice once the server has it (a synced outbox entry)', () => {
		const items = mergeTimeline([sent, server('e-ack', 'acknowledged', '2025-03-11T16:00:00Z')], [queued('e-ack', 'acknowledged', '2025-03-11T16:00:00Z')]);
		expect(items.filter((i) => i.id === 'e-ack')).toHaveLength(1);
		expect(items.find((i) => i.id === 'e-ack')?.onDevice).toBe(false);
	});

	it('applies a correction made on this device to a server event', () => {
		const correction = queued('c-1', 'correction', '2025-03-12T16:00:00Z', { corrects: 'e-ack', payload: { tracking_number: 'R-9' }, reason: 'typo' });
		const items = mergeTimeline([sent, server('e-ack', 'acknowledged', '2025-03-11T16:00:00Z', { payload: { tracking_number: 'R-1' } })], [correction]);
		const ack = items.find((i) => i.id === 'e-ack');
		expect(ack).toMatchObject({ payload: { tracking_number: 'R-9' }, corrected: true, correctionReason: 'typo', onDevice: true });
		expect(items.some((i) => i.id === 'c-1')).toBe(false);
	});

	it('leaves a retracted event out of what the engine counts', () => {
		const items = mergeTimeline([sent, server('e-ext', 'extension_claimed', '2025-03-11T16:00:00Z', { retracted: true })], []);
		expect(engineEvents(items).map((e) => e.id)).toEqual(['e-sent']);
	});

	it('shows rows already sent from here as synced when told which ones still wait', () => {
		const items = mergeTimeline([sent], [queued('e-ack', 'acknowledged', '2025-03-11T16:00:00Z')], 'newest_first', new Set());
		expect(items[0]?.onDevice).toBe(false);
	});

	it('reads only this request’s event creations from the outbox', () => {
		const rows = queuedEventsOf(R, [
			{ id: 'a', table: 'request_events', operation: 'upsert', payload: { request_id: R, type: 'acknowledged', occurred_at: '2025-03-11T16:00:00Z', payload: {} } },
			{ id: 'b', table: 'request_events', operation: 'upsert', payload: { request_id: 'other', type: 'acknowledged', occurred_at: '2025-03-11T16:00:00Z' } },
			{ id: 'c', table: 'records_requests', operation: 'update', payload: { status: 'acknowledged' } },
			{ id: 'd', table: 'request_events', operation: 'upsert', payload: { request_id: R, type: 'bogus', occurred_at: '2025-03-11T16:00:00Z' } }
		]);
		expect(rows.map((r) => r.id)).toEqual(['a']);
	});

	it('recomputes status and due date from the merged events (offline updates change them at once)', () => {
		const items = mergeTimeline([sent], [queued('e-ack', 'acknowledged', '2025-03-11T16:00:00Z'), queued('e-ext', 'extension_claimed', '2025-03-12T16:00:00Z')]);
		const state = trackedState(items, { regime: 'CORA', receiptCutoff: null, dueOn: null });
		expect(state).toMatchObject({ status: 'extended', initialDueDate: '2025-03-13', dueDate: '2025-03-24' });
	});
});
