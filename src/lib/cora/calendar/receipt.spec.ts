import { describe, expect, it } from 'vitest';
import { parseCutoff, toColoradoLocalTime } from './colorado-time';
import { effectiveReceiptDate, explainReceipt } from './receipt';

describe('toColoradoLocalTime converts instants to America/Denver, DST included', () => {
	it.each([
		['2025-03-10T21:30:00Z', '2025-03-10', '15:30:00'], // MDT (UTC-6), day after DST starts
		['2025-03-08T21:30:00Z', '2025-03-08', '14:30:00'], // MST (UTC-7), day before
		['2025-11-03T22:30:00Z', '2025-11-03', '15:30:00'], // MST again after DST ends 11-02
		['2025-03-11T03:00:00Z', '2025-03-10', '21:00:00'], // UTC date is a day ahead of Denver
		['2025-03-10T15:30:00-06:00', '2025-03-10', '15:30:00'],
		['2025-07-01T00:00:00.000Z', '2025-06-30', '18:00:00']
	])('%s is %s %s in Colorado', (instant, date, time) => {
		expect(toColoradoLocalTime(instant)).toMatchObject({ date, time });
	});

	it.each(['yesterday', '2025-03-10', '2025-03-10T15:30:00', '2025-02-30T10:00:00Z', '2025-03-10 15:30Z'])('rejects %s', (instant) => {
		expect(() => toColoradoLocalTime(instant)).toThrow(RangeError);
	});
});

describe('parseCutoff', () => {
	it.each([
		['15:00', 54_000],
		['16:30', 59_400],
		['00:00', 0]
	])('%s is %i seconds', (cutoff, seconds) => {
		expect(parseCutoff(cutoff)).toBe(seconds);
	});
	it.each(['3pm', '24:00', '15:60', '9:00', ''])('rejects %s', (cutoff) => {
		expect(parseCutoff(cutoff)).toBeNull();
	});
});

describe('effectiveReceiptDate with an agency cut-off', () => {
	it.each<[string, string | null, string, string]>([
		['2025-03-10T20:59:00Z', '15:00', '2025-03-10', 'MDT: 14:59 is before the cut-off'],
		['2025-03-10T21:00:00Z', '15:00', '2025-03-10', 'MDT: exactly 15:00 is not after'],
		['2025-03-10T21:00:01Z', '15:00', '2025-03-11', 'MDT: 15:00:01 is after'],
		['2025-03-10T21:30:00Z', '15:00', '2025-03-11', 'MDT: naive MST would wrongly say 14:30'],
		['2025-11-03T21:59:00Z', '15:00', '2025-11-03', 'MST: 14:59'],
		['2025-11-03T22:30:00Z', '15:00', '2025-11-04', 'MST: 15:30'],
		['2025-10-31T22:00:00Z', '15:00', '2025-11-03', 'Friday 16:00 MDT → Monday after DST ends'],
		['2026-01-16T23:00:00Z', '15:00', '2026-01-20', 'Friday after cut-off, Monday is MLK Day'],
		['2025-03-10T22:00:00Z', '16:30', '2025-03-10', 'CDE 4:30 p.m. cut-off: 16:00 is before'],
		['2025-03-10T22:45:00Z', '16:30', '2025-03-11', 'CDE 4:30 p.m. cut-off: 16:45 is after'],
		['2025-03-11T03:00:00Z', null, '2025-03-10', 'no cut-off: the Denver date, not the UTC one']
	])('%s with cut-off %s → %s (%s)', (instant, cutoff, expected) => {
		expect(effectiveReceiptDate(instant, { cutoff })).toBe(expected);
	});

	it('explains the shift and the days passed over', () => {
		const receipt = explainReceipt('2025-11-26T23:30:00Z', { cutoff: '15:00' });
		expect(receipt).toMatchObject({ localDate: '2025-11-26', localTime: '16:30:00', shift: 'after_cutoff', effectiveDate: '2025-11-28' });
		expect(receipt.skipped.map((d) => d.reason?.kind)).toEqual(['after_cutoff', 'holiday']);
	});

	it('rejects a malformed cut-off', () => {
		expect(() => effectiveReceiptDate('2025-03-10T21:00:00Z', { cutoff: '3pm' })).toThrow(RangeError);
	});

	it('rejects receipts outside the supported years', () => {
		expect(() => effectiveReceiptDate('2013-06-03T15:00:00Z')).toThrow(RangeError);
	});
});

describe('receipt on a day that is not a working day', () => {
	it.each([
		['2025-11-29T18:00:00Z', '2025-12-01', 'Saturday'],
		['2025-11-30T18:00:00Z', '2025-12-01', 'Sunday'],
		['2025-11-27T18:00:00Z', '2025-11-28', 'Thanksgiving'],
		['2021-12-24T18:00:00Z', '2021-12-27', 'Christmas observed (state offices)']
	])('%s counts as received %s by default (%s)', (instant, expected) => {
		expect(effectiveReceiptDate(instant)).toBe(expected);
	});

	it('keeps the closed day as day zero with closedDayReceipt "same-day"', () => {
		const receipt = explainReceipt('2025-11-29T18:00:00Z', { closedDayReceipt: 'same-day' });
		expect(receipt).toMatchObject({ effectiveDate: '2025-11-29', shift: null, skipped: [] });
	});

	it('follows the chosen calendar', () => {
		expect(effectiveReceiptDate('2021-12-24T18:00:00Z', { calendar: 'statute' })).toBe('2021-12-24');
	});
});
