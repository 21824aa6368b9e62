import { describe, expect, it } from 'vitest';
import { correctionRow, eventRow, requestRowUpdate } from './event-rows';
import { offeredLetters } from './follow-up-letters';
import { mergeTimeline, type QueuedEventRow, type ServerTimelineRow } from './timeline-merge';
import { trackedState } from './tracked-state';

const request = { id: 'r-1', organisationId: 'o-1', regime: 'CORA' as const };
const sent: ServerTimelineRow = { id: 'e-sent', request_id: 'r-1', type: 'sent', occurred_at: '2025-03-10T16:00:00Z', payload: {}, note: null, retracted: false, correction_id: null, correction_reason: null, created_at: null };
const q = (id: string, type: QueuedEventRow['type'], at: string, payload: Record<string, unknown> = {}): QueuedEventRow => ({ id, request_id: 'r-1', type, occurred_at: at, payload });
const stateOf = (rows: QueuedEventRow[]) => {
	const items = mergeTimeline([sent], rows);
	return { items, state: trackedState(items, { regime: 'CORA', receiptCutoff: null, dueOn: null }) };
};

describe('rows an update writes', () => {
	it('an event with the client id, request and organisation', () => {
		expect(eventRow(request, 'e-1', { type: 'acknowledged', occurredAt: '2025-03-11T16:00:00Z', payload: {}, note: null })).toEqual({
			id: 'e-1', request_id: 'r-1', organisation_id: 'o-1', type: 'acknowledged', occurred_at: '2025-03-11T16:00:00Z', payload: {}, note: null
		});
	});

	it('a correction names the event it corrects and never rewrites it', () => {
		const row = correctionRow(request, 'c-1', { id: 'e-1' }, { reason: 'wrong day', event: { type: 'acknowledged', occurredAt: '2025-03-12T16:00:00Z', payload: {}, note: null } }, new Date('2025-03-13T00:00:00Z'));
		expect(row).toMatchObject({ type: 'correction', corrects_event_id: 'e-1', payload: { corrects: 'e-1', reason: 'wrong day', occurred_at: '2025-03-12T16:00:00Z', payload: {} } });
		const retraction = correctionRow(request, 'c-2', { id: 'e-1' }, { reason: '', retracted: true }, new Date());
		expect(retraction.payload).toEqual({ corrects: 'e-1', retracted: true });
	});

	it('the request row follows the engine: extended due date after an extension', () => {
		const { items, state } = stateOf([q('a', 'acknowledged', '2025-03-11T16:00:00Z'), q('x', 'extension_claimed', '2025-03-12T16:00:00Z')]);
		expect(requestRowUpdate(state, items)).toEqual({ status: 'extended', due_on: '2025-03-13', extended_due_on: '2025-03-24', closed_at: null });
	});

	it('leaves the dates alone while the clock is paused, and sets closed_at when closed', () => {
		const paused = stateOf([q('f', 'fee_estimate', '2025-03-11T16:00:00Z', { amount: 10 })]);
		expect(requestRowUpdate(paused.state, paused.items)).toEqual({ status: 'awaiting_payment', closed_at: null });
		const closed = stateOf([q('c', 'closed', '2025-03-12T16:00:00Z')]);
		expect(requestRowUpdate(closed.state, closed.items)).toMatchObject({ status: 'closed', closed_at: '2025-03-12T16:00:00Z' });
	});
});

describe('follow-up letters offered', () => {
	const facts = { agencyName: 'CDLE', sentAt: '2025-03-10T16:00:00Z', trackingNumber: 'R-1', title: 'ICE subpoenas', draftValues: { requester_name: 'Ana', requester_contact: 'ana@example.org', subject_summary: 'ICE subpoenas' } };

	it('an overdue request gets the follow-up pre-filled with the missed date', () => {
		const { items, state } = stateOf([]);
		const letters = offeredLetters(state, items, facts, '2025-03-20');
		expect(letters[0]).toMatchObject({ id: 'overdue_follow_up', values: { missed_deadline: '2025-03-13', request_date: '2025-03-10', reference_number: 'R-1' } });
		expect(letters.map((l) => l.id)).toEqual(['overdue_follow_up', 'notice_of_intent']);
	});

	it('not before the due date, nor while the clock is paused', () => {
		expect(offeredLetters(stateOf([]).state, [], facts, '2025-03-13')).toEqual([]);
		const paused = stateOf([q('f', 'fee_estimate', '2025-03-11T16:00:00Z', { amount: 10 })]);
		expect(offeredLetters(paused.state, paused.items, facts, '2025-04-20')).toEqual([]);
	});

	it('a denial gets the grounds request (with the denial date) and the notice of intent', () => {
		const { items, state } = stateOf([q('d', 'denied', '2025-03-12T16:00:00Z')]);
		const letters = offeredLetters(state, items, facts, '2025-03-14');
		expect(letters.map((l) => l.id)).toEqual(['denial_grounds_request', 'notice_of_intent']);
		expect(letters[0]?.values.denial_date).toBe('2025-03-12');
	});
});
