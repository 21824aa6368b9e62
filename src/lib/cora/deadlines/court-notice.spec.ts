import { describe, expect, it } from 'vitest';
import { earliestCourtFilingDate } from './court-notice';

describe('earliestCourtFilingDate: 14 calendar days after the notice', () => {
	it.each([
		['2025-11-20', '2025-12-04'],
		['2025-12-20', '2026-01-03'],
		['2024-02-20', '2024-03-05'],
		['2025-03-01', '2025-03-15']
	])('notice %s → not before %s', (notice, earliest) => {
		expect(earliestCourtFilingDate(notice)).toBe(earliest);
	});
});

describe('earliestCourtFilingDate when expedited: 3 business days', () => {
	it.each([
		['2025-11-26', 'state-offices', '2025-12-02'],
		['2021-12-22', 'state-offices', '2021-12-28'],
		['2021-12-22', 'statute', '2021-12-27']
	] as const)('notice %s (%s) → not before %s', (notice, calendar, earliest) => {
		expect(earliestCourtFilingDate(notice, { expedited: true, calendar })).toBe(earliest);
	});
});

describe('earliestCourtFilingDate failures', () => {
	it.each(['2025-11-31', 'soon', '2101-01-01'])('throws on %s', (notice) => {
		expect(() => earliestCourtFilingDate(notice)).toThrow(RangeError);
	});
});
