import { describe, expect, it } from 'vitest';
import { deadlineForRequest } from './request-deadline';

describe('deadlineForRequest', () => {
	it('computes a CORA due date from a receipt timestamp with the cut-off', () => {
		const result = deadlineForRequest({ regime: 'cora', receivedAt: '2025-03-14T22:00:00Z', cutoff: '15:00' });
		expect(result).toMatchObject({ kind: 'computed', regime: 'cora', dueDate: '2025-03-20' });
	});

	it('computes a P.A.I.R.R. 2 due date from a date', () => {
		expect(deadlineForRequest({ regime: 'pairr2', receivedOn: '2025-03-10', extended: true })).toMatchObject({
			kind: 'computed',
			dueDate: '2025-03-24'
		});
	});

	it('never computes a CCJRA deadline; it returns the follow-up date the user picked', () => {
		const result = deadlineForRequest({ regime: 'ccjra', receivedOn: '2025-03-10', followUpOn: '2025-04-01' });
		expect(result).toMatchObject({ kind: 'user_follow_up', regime: 'ccjra', followUpDate: '2025-04-01' });
		expect(result).not.toHaveProperty('dueDate');
	});

	it('returns a null follow-up date for CCJRA until the user picks one', () => {
		expect(deadlineForRequest({ regime: 'ccjra' })).toMatchObject({ kind: 'user_follow_up', followUpDate: null });
	});

	it('rejects a malformed CCJRA follow-up date', () => {
		expect(() => deadlineForRequest({ regime: 'ccjra', followUpOn: '04/01/2025' })).toThrow(RangeError);
	});

	it('needs a receipt for computed regimes', () => {
		expect(() => deadlineForRequest({ regime: 'cora' })).toThrow(/receivedAt/);
	});
});
