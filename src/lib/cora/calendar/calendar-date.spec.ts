import { describe, expect, it } from 'vitest';
import { addDays, assertSupportedDate, daysBetween, isIsoDate, parseIsoDate, weekdayOf } from './calendar-date';

describe('parseIsoDate', () => {
	it.each([
		['2024-02-29', { year: 2024, month: 2, day: 29 }],
		['2025-12-31', { year: 2025, month: 12, day: 31 }]
	])('reads %s', (value, parts) => {
		expect(parseIsoDate(value)).toEqual(parts);
	});

	it.each(['2023-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-4-1', '20250401', '2025-04-01T00:00:00Z', ''])(
		'rejects %s',
		(value) => {
			expect(parseIsoDate(value)).toBeNull();
			expect(isIsoDate(value)).toBe(false);
		}
	);
});

describe('addDays and daysBetween use UTC calendar days', () => {
	it.each([
		['2025-12-31', 1, '2026-01-01'],
		['2024-02-28', 1, '2024-02-29'],
		['2023-02-28', 1, '2023-03-01'],
		['2025-03-08', 1, '2025-03-09'], // DST starts 2025-03-09 in Colorado
		['2025-11-01', 2, '2025-11-03'], // DST ends 2025-11-02
		['2026-01-01', -1, '2025-12-31']
	])('%s + %i = %s', (from, days, expected) => {
		expect(addDays(from, days)).toBe(expected);
		expect(daysBetween(from, expected)).toBe(days);
	});
});

describe('weekdayOf', () => {
	it.each([
		['2025-11-27', 'thursday'],
		['2021-12-25', 'saturday'],
		['2022-06-19', 'sunday'],
		['2026-01-19', 'monday']
	])('%s is a %s', (date, weekday) => {
		expect(weekdayOf(date)).toBe(weekday);
	});

	it('throws on an impossible date', () => {
		expect(() => weekdayOf('2025-02-30')).toThrow(RangeError);
	});
});

describe('assertSupportedDate', () => {
	it.each(['2014-01-01', '2100-12-31'])('accepts %s', (date) => {
		expect(() => assertSupportedDate(date)).not.toThrow();
	});
	it.each(['2013-12-31', '2101-01-01', 'not-a-date'])('rejects %s', (date) => {
		expect(() => assertSupportedDate(date)).toThrow(RangeError);
	});
});
