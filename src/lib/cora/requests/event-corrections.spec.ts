import { describe, expect, it } from 'vitest';
import { deriveRequestState } from './derive-request-state';
import type { RequestEvent } from './request-events';

const sent: RequestEvent = { id: 's', type: 'sent', occurred_at: '2025-03-10T16:00:00Z', payload: {} };
const estimate: RequestEvent = { id: 'f', type: 'fee_estimate', occurred_at: '2025-03-11T16:00:00Z', payload: {} };
const partial: RequestEvent = { id: 'r', type: 'records_released', occurred_at: '2025-03-12T16:00:00Z', payload: { completeness: 'partial' } };

function correction(id: string, payload: Record<string, unknown>, occurred_at = '2025-03-20T16:00:00Z'): RequestEvent {
	return { id, type: 'correction', occurred_at, payload };
}

const opts = { regime: 'cora' } as const;

describe('corrections', () => {
	it('supersede the occurred_at of an earlier event', () => {
		const state = deriveRequestState([sent, correction('c1', { corrects: 's', occurred_at: '2025-03-11T16:00:00Z' })], opts);
		expect(state.receivedOn).toBe('2025-03-11');
		expect(state.dueDate).toBe('2025-03-14');
	});

	it('supersede the payload of an earlier event', () => {
		const state = deriveRequestState([sent, partial, correction('c1', { corrects: 'r', payload: { completeness: 'full' } })], opts);
		expect(state.status).toBe('released');
	});

	it('remove an event when retracted', () => {
		const state = deriveRequestState([sent, estimate, correction('c1', { corrects: 'f', retracted: true })], opts);
		expect(state).toMatchObject({ status: 'sent', paused: false, dueDate: '2025-03-13' });
		expect(state.appliedEventIds).not.toContain('f');
	});

	it('apply in time order, so the latest correction wins', () => {
		const events = [
			sent,
			partial,
			correction('late', { corrects: 'r', payload: { completeness: 'full' } }, '2025-03-22T16:00:00Z'),
			correction('early', { corrects: 'r', payload: { completeness: 'partial' } }, '2025-03-21T16:00:00Z')
		];
		expect(deriveRequestState(events, opts).status).toBe('released');
	});

	it('can themselves be retracted, restoring the original', () => {
		const events = [sent, estimate, correction('c1', { corrects: 'f', retracted: true }), correction('c2', { corrects: 'c1', retracted: true })];
		expect(deriveRequestState(events, opts).status).toBe('awaiting_payment');
	});

	it('are recorded among the applied events', () => {
		const state = deriveRequestState([sent, correction('c1', { corrects: 's', occurred_at: '2025-03-11T16:00:00Z' })], opts);
		expect(state.appliedEventIds).toEqual(['s', 'c1']);
	});
});

describe('bad corrections are reported and ignored', () => {
	it.each<[string, RequestEvent[], string]>([
		['unknown target', [sent, correction('c1', { corrects: 'nope', retracted: true })], 'correction_target_missing'],
		['no target named', [sent, correction('c1', { retracted: true })], 'invalid_payload'],
		['non-boolean retracted', [sent, correction('c1', { corrects: 's', retracted: 'yes' })], 'invalid_payload'],
		['bad corrected instant', [sent, correction('c1', { corrects: 's', occurred_at: 'Tuesday' })], 'invalid_payload'],
		['corrected payload invalid for the target', [sent, partial, correction('c1', { corrects: 'r', payload: { completeness: 'most' } })], 'invalid_payload'],
		[
			'editing another correction instead of retracting it',
			[sent, partial, correction('c1', { corrects: 'r', payload: { completeness: 'full' } }), correction('c2', { corrects: 'c1', payload: {} })],
			'correction_of_correction'
		]
	])('%s', (_name, events, code) => {
		const state = deriveRequestState(events, opts);
		expect(state.warnings.map((w) => w.code)).toEqual([code]);
	});

	it('leaves the original event untouched when its correction is invalid', () => {
		const state = deriveRequestState([sent, partial, correction('c1', { corrects: 'r', payload: { completeness: 'most' } })], opts);
		expect(state.status).toBe('partially_released');
	});
});

describe('events after a final status', () => {
	it('accept notes and corrections without warnings', () => {
		const closed: RequestEvent = { id: 'x', type: 'closed', occurred_at: '2025-03-12T16:00:00Z', payload: {} };
		const note: RequestEvent = { id: 'n', type: 'note', occurred_at: '2025-03-13T16:00:00Z', payload: { text: 'filed away' } };
		const state = deriveRequestState([sent, closed, note, correction('c1', { corrects: 'n', payload: { text: 'archived' } })], opts);
		expect(state).toMatchObject({ status: 'closed', warnings: [] });
	});

	it('can reopen a request by retracting the closing event', () => {
		const closed: RequestEvent = { id: 'x', type: 'closed', occurred_at: '2025-03-12T16:00:00Z', payload: {} };
		expect(deriveRequestState([sent, closed, correction('c1', { corrects: 'x', retracted: true })], opts).status).toBe('sent');
	});
});
