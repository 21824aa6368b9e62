import { describe, expect, it } from 'vitest';
import { addWorkingDays, countWorkingDays, nextWorkingDay } from './working-day-count';

describe('addWorkingDays', () => {
	it.each<[string, number, string, string]>([
		['2025-03-10', 3, 'state-offices', '2025-03-13'],
		['2025-03-14', 1, 'state-offices', '2025-03-17'],
		['2025-11-26', 1, 'state-offices', '2025-11-28'],
		['2021-12-23', 1, 'state-offices', '2021-12-27'],
		['2021-12-23', 1, 'statute', '2021-12-24'],
		['2025-03-10', 0, 'state-offices', '2025-03-10']
	])('%s + %i working days (%s) = %s', (start, n, calendar, expected) => {
		expect(addWorkingDays(start, n, { calendar: calendar as 'statute' | 'state-offices' })).toBe(expected);
	});

	it.each([-1, 1.5, Number.NaN])('rejects a count of %s', (n) => {
		expect(() => addWorkingDays('2025-03-10', n)).toThrow(RangeError);
	});

	it('rejects a malformed start date', () => {
		expect(() => addWorkingDays('2025-3-10', 3)).toThrow(RangeError);
	});
});

describe('nextWorkingDay', () => {
	it('skips a weekend and a Monday holiday', () => {
		expect(nextWorkingDay('2026-01-16')).toBe('2026-01-20');
	});
});

describe('countWorkingDays with pauses', () => {
	it('explains each day: counted days numbered, skipped days with a reason', () => {
		const result = countWorkingDays('2025-11-25', 3);
		expect(result.days).toEqual([
			{ date: '2025-11-26', counted: true, workingDay: 1 },
			{ date: '2025-11-27', counted: false, reason: { kind: 'holiday', holiday: 'thanksgiving_day', observed: false, holidayDate: '2025-11-27' } },
			{ date: '2025-11-28', counted: true, workingDay: 2 },
			{ date: '2025-11-29', counted: false, reason: { kind: 'weekend', weekday: 'saturday' } },
			{ date: '2025-11-30', counted: false, reason: { kind: 'weekend', weekday: 'sunday' } },
			{ date: '2025-12-01', counted: true, workingDay: 3 }
		]);
		expect(result.dueDate).toBe('2025-12-01');
	});

	it('does not count days inside a closed pause, even a holiday, and resumes the remaining days', () => {
		// Day zero Mon 11-24; Tue 11-25 counted; paused Wed 11-26 to Mon 12-01 (spans Thanksgiving).
		const result = countWorkingDays('2025-11-24', 3, {
			pauses: [{ from: '2025-11-25', until: '2025-12-01', cause: 'awaiting_clarification' }]
		});
		expect(result.dueDate).toBe('2025-12-03');
		const paused = result.days.filter((d) => d.reason?.kind === 'clock_paused').map((d) => d.date);
		expect(paused).toEqual(['2025-11-26', '2025-11-27', '2025-11-28', '2025-11-29', '2025-11-30', '2025-12-01']);
	});

	it('skips a holiday that falls after the clock resumes', () => {
		const result = countWorkingDays('2025-11-24', 3, {
			pauses: [{ from: '2025-11-25', until: '2025-11-26', cause: 'awaiting_clarification' }]
		});
		// Tue 25 = 1; paused Wed 26; Thu 27 Thanksgiving; Fri 28 = 2; Mon 12-01 = 3.
		expect(result.dueDate).toBe('2025-12-01');
	});

	it('stops at an open pause and reports the remaining working days', () => {
		const result = countWorkingDays('2025-11-24', 3, { pauses: [{ from: '2025-11-25', until: null, cause: 'awaiting_payment' }] });
		expect(result.dueDate).toBeNull();
		expect(result.pausedBy).toBe('awaiting_payment');
		expect(result.remainingWorkingDays).toBe(2);
	});

	it('ignores a pause that begins after the due date', () => {
		const result = countWorkingDays('2025-03-10', 3, { pauses: [{ from: '2025-03-20', until: null, cause: 'awaiting_payment' }] });
		expect(result.dueDate).toBe('2025-03-13');
		expect(result.pausedBy).toBeNull();
	});

	it('treats a pause opened and closed on the same day as no pause', () => {
		const result = countWorkingDays('2025-03-10', 3, { pauses: [{ from: '2025-03-11', until: '2025-03-11', cause: 'awaiting_clarification' }] });
		expect(result.dueDate).toBe('2025-03-13');
	});
});
