import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/calendar-date';
import { deriveRequestState } from './derive-request-state';
import type { RequestEvent } from './request-events';
import {
	allowedEventTypes,
	canApplyEvent,
	FINAL_STATUSES,
	isClockPausingStatus,
	isFinalStatus,
	REQUEST_EVENT_TYPES,
	REQUEST_STATUSES,
	TRANSITIONS,
	type RequestEventType,
	type RequestStatus
} from './request-status';

/** Events one day apart at 10:00 Colorado time (17:00Z in MST), starting Monday 2025-02-03. */
function timeline(types: Array<RequestEventType | [RequestEventType, Record<string, unknown>]>, startDay = 0): RequestEvent[] {
	return types.map((entry, i) => {
		const [type, payload] = Array.isArray(entry) ? entry : [entry, {}];
		return { id: `e${startDay + i}`, type, occurred_at: `${addDays('2025-02-03', startDay + i)}T17:00:00Z`, payload };
	});
}

const PATH_TO: Record<RequestStatus, Array<RequestEventType | [RequestEventType, Record<string, unknown>]>> = {
	draft: [],
	sent: ['sent'],
	acknowledged: ['sent', 'acknowledged'],
	extended: ['sent', 'extension_claimed'],
	awaiting_payment: ['sent', 'fee_estimate'],
	awaiting_clarification: ['sent', 'clarification_requested'],
	partially_released: ['sent', ['records_released', { completeness: 'partial' }]],
	released: ['sent', ['records_released', { completeness: 'full' }]],
	no_records: ['sent', 'no_responsive_records'],
	denied: ['sent', 'denied'],
	notice_of_intent_sent: ['sent', 'denied', 'notice_of_intent_sent'],
	in_litigation: ['sent', 'denied', 'notice_of_intent_sent', 'litigation'],
	withdrawn: ['sent', 'withdrawn'],
	closed: ['sent', 'closed']
};

/** The next event comes the day after the path; litigation 20 days later, after the 14-day notice period. */
function reach(status: RequestStatus, next?: RequestEventType): RequestEvent[] {
	const path = PATH_TO[status].map((entry, i) => {
		const event = timeline([entry], i)[0] as RequestEvent;
		if (status === 'in_litigation' && i === 3) event.occurred_at = '2025-03-05T17:00:00Z';
		return event;
	});
	if (!next) return path;
	const payload = next === 'records_released' ? { completeness: 'full' } : {};
	const day = next === 'litigation' ? '2025-03-20' : status === 'in_litigation' ? '2025-03-06' : addDays('2025-02-03', path.length);
	return [...path, { id: 'next', type: next, occurred_at: `${day}T17:00:00Z`, payload }];
}

describe('every status is reachable from its path', () => {
	it.each(REQUEST_STATUSES.map((s) => [s]))('%s', (status) => {
		const state = deriveRequestState(reach(status), { regime: 'cora' });
		expect(state.status).toBe(status);
		expect(state.warnings).toEqual([]);
	});
});

const CASES = REQUEST_STATUSES.flatMap((status) =>
	REQUEST_EVENT_TYPES.filter((type) => type !== 'correction').map((type) => [status, type] as const)
);

describe('each allowed transition moves to its target', () => {
	const allowed = CASES.filter(([status, type]) => type !== 'note' && TRANSITIONS[status][type] !== undefined);
	it.each(allowed)('%s + %s', (status, type) => {
		const target = TRANSITIONS[status][type];
		const expected = target === 'resume' ? 'sent' : target === 'by_completeness' ? 'released' : target;
		const state = deriveRequestState(reach(status, type), { regime: 'cora' });
		expect(state.warnings).toEqual([]);
		expect(state.status).toBe(expected);
		expect(state.appliedEventIds).toContain('next');
	});
});

describe('each invalid transition is reported, skipped, and never throws', () => {
	const invalid = CASES.filter(([status, type]) => type !== 'note' && TRANSITIONS[status][type] === undefined);
	it.each(invalid)('%s + %s', (status, type) => {
		const state = deriveRequestState(reach(status, type), { regime: 'cora' });
		expect(state.status).toBe(status);
		expect(state.appliedEventIds).not.toContain('next');
		const expectedCode = isFinalStatus(status)
			? 'event_after_final'
			: type === 'payment_made' && status !== 'awaiting_payment'
				? 'payment_without_fee_estimate'
				: 'invalid_transition';
		expect(state.warnings.map((w) => [w.code, w.eventId])).toEqual([[expectedCode, 'next']]);
	});
});

describe('notes are allowed in every status, final ones included', () => {
	it.each(REQUEST_STATUSES.map((s) => [s]))('%s + note', (status) => {
		const state = deriveRequestState(reach(status, 'note'), { regime: 'cora' });
		expect(state.status).toBe(status);
		expect(state.warnings).toEqual([]);
	});
});

describe('status metadata', () => {
	it('has withdrawn and closed as the final statuses, with no way out but notes and corrections', () => {
		expect([...FINAL_STATUSES]).toEqual(['withdrawn', 'closed']);
		for (const status of FINAL_STATUSES) expect(allowedEventTypes(status)).toEqual(['note', 'correction']);
	});

	it.each(REQUEST_STATUSES.map((s) => [s, s === 'awaiting_payment' || s === 'awaiting_clarification']))(
		'%s pauses the clock: %s',
		(status, pauses) => {
			expect(isClockPausingStatus(status)).toBe(pauses);
		}
	);

	it('allows sending only from draft', () => {
		for (const status of REQUEST_STATUSES) expect(canApplyEvent(status, 'sent')).toBe(status === 'draft');
	});

	it('allows litigation only after a notice of intent', () => {
		for (const status of REQUEST_STATUSES) expect(canApplyEvent(status, 'litigation')).toBe(status === 'notice_of_intent_sent');
	});

	it('targets only known statuses', () => {
		for (const row of Object.values(TRANSITIONS)) {
			for (const target of Object.values(row)) {
				expect(['resume', 'by_completeness', ...REQUEST_STATUSES]).toContain(target);
			}
		}
	});
});
