import { describe, expect, it } from 'vitest';
import { deriveRequestState, isOverdue, type DeriveStateOptions } from './derive-request-state';
import type { RequestEvent } from './request-events';

let counter = 0;
/** An event at a Colorado wall-clock time, e.g. at('sent', '2025-03-10T10:00-06:00'). */
function at(type: string, when: string, payload: Record<string, unknown> = {}): RequestEvent {
	counter += 1;
	return { id: `${type}-${counter}`, type, occurred_at: when, payload };
}
const cora: DeriveStateOptions = { regime: 'cora' };

describe('before sending', () => {
	it('is a draft with no clock', () => {
		const state = deriveRequestState([], cora);
		expect(state).toMatchObject({ status: 'draft', clock: 'not_started', dueDate: null, explanation: null, warnings: [] });
	});
});

describe('the initial and extended deadlines', () => {
	it('is due on the 3rd working day after receipt', () => {
		const state = deriveRequestState([at('sent', '2025-03-10T10:00-06:00')], cora);
		expect(state).toMatchObject({ status: 'sent', clock: 'running', receivedOn: '2025-03-10', dueDate: '2025-03-13', dueBasis: 'initial' });
		expect(state.explanation?.dueDate).toBe('2025-03-13');
	});

	it('applies the agency cut-off', () => {
		const state = deriveRequestState([at('sent', '2025-03-14T16:00-06:00')], { ...cora, receivedCutoff: '15:00' });
		expect(state).toMatchObject({ receivedOn: '2025-03-17', dueDate: '2025-03-20' });
		expect(state.receipt?.shift).toBe('after_cutoff');
	});

	it.each([
		['2025-03-12T10:00-06:00', 'claimed within the first 3 days'],
		['2025-03-13T16:00-06:00', 'claimed on the initial due date']
	])('moves the due date to the 10th working day when %s (%s)', (claimedAt) => {
		const state = deriveRequestState([at('sent', '2025-03-10T10:00-06:00'), at('extension_claimed', claimedAt)], cora);
		expect(state).toMatchObject({ status: 'extended', initialDueDate: '2025-03-13', extendedDueDate: '2025-03-24', dueDate: '2025-03-24', dueBasis: 'extended' });
		expect(state.warnings).toEqual([]);
	});

	it('keeps the initial deadline and warns when the extension comes too late', () => {
		const state = deriveRequestState([at('sent', '2025-03-10T10:00-06:00'), at('extension_claimed', '2025-03-14T10:00-06:00')], cora);
		expect(state).toMatchObject({ status: 'extended', dueDate: '2025-03-13', extendedDueDate: null, dueBasis: 'initial' });
		expect(state.warnings.map((w) => w.code)).toEqual(['extension_after_deadline']);
	});

	it.each([
		['state-offices', '2021-12-28'],
		['statute', '2021-12-27']
	] as const)('uses the %s calendar', (calendar, due) => {
		expect(deriveRequestState([at('sent', '2021-12-22T10:00-07:00')], { ...cora, calendar }).dueDate).toBe(due);
	});

	it('honours extra closures', () => {
		const state = deriveRequestState([at('sent', '2025-03-10T10:00-06:00')], { ...cora, extraClosures: [{ date: '2025-03-11', name: 'Snow' }] });
		expect(state.dueDate).toBe('2025-03-14');
	});
});

describe('pauses while the requester owes something', () => {
	const sent = at('sent', '2025-03-10T10:00-06:00');
	const estimate = at('fee_estimate', '2025-03-11T10:00-06:00', { amount_cents: 5000 });
	const paid = at('payment_made', '2025-03-17T10:00-06:00');

	it('pauses on a fee estimate and keeps the remaining working days', () => {
		const state = deriveRequestState([sent, estimate], cora);
		expect(state).toMatchObject({ status: 'awaiting_payment', clock: 'paused', paused: true, pauseCause: 'awaiting_payment', remainingWorkingDays: 2, dueDate: null });
	});

	it('makes CORA records due 3 business days after payment (C.R.S. 24-72-205)', () => {
		const state = deriveRequestState([sent, estimate, paid], cora);
		expect(state).toMatchObject({ status: 'sent', clock: 'running', dueBasis: 'after_payment', afterPaymentDueDate: '2025-03-20', dueDate: '2025-03-20', remainingWorkingDays: null });
		expect(state.explanation).toMatchObject({ startsFrom: 'payment', startDate: '2025-03-17' });
	});

	it('resumes the remaining days for P.A.I.R.R. 2, which has no after-payment rule', () => {
		const state = deriveRequestState([sent, estimate, paid], { regime: 'pairr2' });
		expect(state).toMatchObject({ dueBasis: 'initial', dueDate: '2025-03-19', afterPaymentDueDate: null });
	});

	it('pauses the after-payment clock for a later clarification', () => {
		const state = deriveRequestState([sent, estimate, paid, at('clarification_requested', '2025-03-18T10:00-06:00')], cora);
		expect(state).toMatchObject({ status: 'awaiting_clarification', dueBasis: 'after_payment', paused: true, remainingWorkingDays: 2 });
	});

	it('does not count a holiday inside a clarification pause twice', () => {
		const events = [
			at('sent', '2025-11-24T10:00-07:00'),
			at('clarification_requested', '2025-11-25T10:00-07:00'),
			at('clarification_given', '2025-12-01T10:00-07:00')
		];
		const state = deriveRequestState(events, cora);
		expect(state).toMatchObject({ status: 'sent', dueDate: '2025-12-03', paused: false });
		const thanksgiving = state.explanation?.days.find((d) => d.date === '2025-11-27');
		expect(thanksgiving?.reason).toEqual({ kind: 'clock_paused', cause: 'awaiting_clarification' });
	});

	it('skips a holiday after the clock resumes', () => {
		const events = [
			at('sent', '2025-11-24T10:00-07:00'),
			at('clarification_requested', '2025-11-25T10:00-07:00'),
			at('clarification_given', '2025-11-26T10:00-07:00')
		];
		expect(deriveRequestState(events, cora).dueDate).toBe('2025-12-01');
	});

	it('does not pause a deadline that had already passed', () => {
		const state = deriveRequestState([sent, at('fee_estimate', '2025-03-20T10:00-06:00')], cora);
		expect(state).toMatchObject({ status: 'awaiting_payment', clock: 'running', paused: false, dueDate: '2025-03-13' });
	});
});

describe('the clock after a response, and overdue checks', () => {
	const sent = at('sent', '2025-03-10T10:00-06:00');

	it.each([
		[{ completeness: 'full' }, 'released', 'stopped'],
		[{ completeness: 'partial' }, 'partially_released', 'running']
	])('records_released %j → %s, clock %s', (payload, status, clock) => {
		const state = deriveRequestState([sent, at('records_released', '2025-03-12T10:00-06:00', payload)], cora);
		expect(state).toMatchObject({ status, clock, dueDate: '2025-03-13' });
	});

	it('stops the clock when the request is withdrawn', () => {
		expect(deriveRequestState([sent, at('withdrawn', '2025-03-11T10:00-06:00')], cora).clock).toBe('stopped');
	});

	it.each([
		['2025-03-13', false],
		['2025-03-14', true]
	])('isOverdue on %s: %s', (today, overdue) => {
		expect(isOverdue(deriveRequestState([sent], cora), today)).toBe(overdue);
	});

	it('is never overdue while paused or stopped', () => {
		const paused = deriveRequestState([sent, at('clarification_requested', '2025-03-11T10:00-06:00')], cora);
		const released = deriveRequestState([sent, at('records_released', '2025-03-20T10:00-06:00', { completeness: 'full' })], cora);
		expect(isOverdue(paused, '2025-04-01')).toBe(false);
		expect(isOverdue(released, '2025-04-01')).toBe(false);
	});
});

describe('CCJRA requests', () => {
	it('have no computed deadline, only the follow-up date the user picked', () => {
		const state = deriveRequestState([at('sent', '2025-03-10T10:00-06:00')], { regime: 'ccjra', followUpOn: '2025-04-01' });
		expect(state).toMatchObject({ status: 'sent', clock: 'not_applicable', dueDate: null, followUpDate: '2025-04-01', explanation: null });
	});
});

describe('going to court', () => {
	const before = [at('sent', '2025-03-10T10:00-06:00'), at('denied', '2025-03-12T10:00-06:00')];

	it('computes the earliest filing date 14 days after the notice', () => {
		const state = deriveRequestState([...before, at('notice_of_intent_sent', '2025-03-20T10:00-06:00')], cora);
		expect(state).toMatchObject({ status: 'notice_of_intent_sent', noticeOfIntentOn: '2025-03-20', earliestCourtFilingDate: '2025-04-03' });
	});

	it('uses 3 business days for an expedited notice', () => {
		const state = deriveRequestState([...before, at('notice_of_intent_sent', '2025-03-20T10:00-06:00', { expedited: true })], cora);
		expect(state.earliestCourtFilingDate).toBe('2025-03-25');
	});

	it('warns about filing before the notice period ends', () => {
		const events = [...before, at('notice_of_intent_sent', '2025-03-20T10:00-06:00'), at('litigation', '2025-04-01T10:00-06:00')];
		const state = deriveRequestState(events, cora);
		expect(state.status).toBe('in_litigation');
		expect(state.warnings.map((w) => w.code)).toEqual(['litigation_before_notice_period']);
	});
});

describe('bad timelines produce warnings, never exceptions', () => {
	const sent = at('sent', '2025-03-10T10:00-06:00');

	it.each<[string, RequestEvent, string]>([
		['unknown type', { id: 'x', type: 'appealed', occurred_at: '2025-03-11T10:00:00Z' }, 'unknown_event_type'],
		['bad instant', { id: 'x', type: 'acknowledged', occurred_at: '2025-03-11' }, 'invalid_occurred_at'],
		['release without completeness', { id: 'x', type: 'records_released', occurred_at: '2025-03-11T17:00:00Z', payload: {} }, 'invalid_payload'],
		['release with bad pages', { id: 'x', type: 'records_released', occurred_at: '2025-03-11T17:00:00Z', payload: { completeness: 'full', pages: -3 } }, 'invalid_payload'],
		['denial with numeric grounds', { id: 'x', type: 'denied', occurred_at: '2025-03-11T17:00:00Z', payload: { grounds: 42 } }, 'invalid_payload'],
		['duplicate id', { ...sent }, 'duplicate_event_id']
	])('%s', (_name, event, code) => {
		const state = deriveRequestState([sent, event], cora);
		expect(state.status).toBe('sent');
		expect(state.warnings.map((w) => w.code)).toEqual([code]);
	});

	it('sorts events given out of order', () => {
		const state = deriveRequestState([at('acknowledged', '2025-03-11T10:00-06:00'), sent], cora);
		expect(state.status).toBe('acknowledged');
		expect(state.warnings).toEqual([]);
	});

	it('reports dates outside 2014–2100 and keeps the status', () => {
		const state = deriveRequestState([at('sent', '2013-06-03T10:00-06:00')], cora);
		expect(state).toMatchObject({ status: 'sent', dueDate: null });
		expect(state.warnings.map((w) => w.code)).toEqual(['clock_not_computable']);
	});

	it('reports a malformed cut-off instead of throwing', () => {
		const state = deriveRequestState([sent], { ...cora, receivedCutoff: '3pm' });
		expect(state.warnings.map((w) => w.code)).toEqual(['clock_not_computable']);
	});
});
