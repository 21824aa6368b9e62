import { describe, expect, it } from 'vitest';
import { holidaysInYear, isWorkingDay, nonWorkingReason, type CalendarKind } from './closure-calendars';

const BOTH: CalendarKind[] = ['statute', 'state-offices'];

describe('isWorkingDay on both calendars', () => {
	// [date, statute working?, state offices working?, why]
	it.each<[string, boolean, boolean, string]>([
		['2025-11-27', false, false, 'Thanksgiving'],
		['2025-11-28', true, true, 'day after Thanksgiving is not a holiday'],
		['2026-01-19', false, false, 'MLK Day'],
		['2025-10-06', false, false, 'Cabrini Day'],
		['2019-10-14', false, false, 'Columbus Day'],
		['2025-10-13', true, true, 'no Columbus Day after 2019'],
		['2021-06-18', true, true, 'no Juneteenth in 2021 (Saturday 06-19, not yet a holiday)'],
		['2022-06-20', false, false, 'Juneteenth 2022 on Sunday, observed Monday'],
		['2023-06-19', false, false, 'Juneteenth'],
		['2021-07-05', false, false, 'Independence Day on Sunday, observed Monday'],
		['2023-01-02', false, false, "New Year's Day on Sunday, observed Monday"],
		['2022-12-26', false, false, 'Christmas on Sunday, observed Monday'],
		['2021-12-24', true, false, 'Christmas on Saturday: offices close Friday'],
		['2021-12-31', true, false, "New Year's Day 2022 on Saturday: offices close Friday"],
		['2023-11-10', true, false, 'Veterans Day on Saturday: offices close Friday'],
		['2027-12-24', true, false, 'Christmas 2027 on Saturday'],
		['2027-12-31', true, false, "New Year's Day 2028 on Saturday"],
		['2023-07-03', true, false, 'governor-added closure'],
		['2024-07-05', true, false, 'governor-added closure'],
		['2025-03-31', true, true, 'Cesar Chavez Day is not a closure'],
		['2026-03-31', true, true, 'Cesar Chavez Day is not a closure'],
		['2025-11-29', false, false, 'Saturday'],
		['2025-11-30', false, false, 'Sunday'],
		['2025-12-01', true, true, 'ordinary Monday']
	])('%s → statute %s, state offices %s (%s)', (date, statute, offices) => {
		expect(isWorkingDay(date, { calendar: 'statute' })).toBe(statute);
		expect(isWorkingDay(date, { calendar: 'state-offices' })).toBe(offices);
	});

	it('defaults to the state-offices calendar', () => {
		expect(isWorkingDay('2021-12-24')).toBe(false);
	});

	it.each(['2025-02-30', '2025/11/27', '2013-12-31', '2101-01-03'])('throws on %s', (date) => {
		expect(() => isWorkingDay(date)).toThrow(RangeError);
	});
});

describe('nonWorkingReason', () => {
	it('names weekends by weekday', () => {
		expect(nonWorkingReason('2025-11-29')).toEqual({ kind: 'weekend', weekday: 'saturday' });
		expect(nonWorkingReason('2025-11-30')).toEqual({ kind: 'weekend', weekday: 'sunday' });
	});

	it('marks a moved holiday as observed, with its own date', () => {
		expect(nonWorkingReason('2021-12-24')).toEqual({
			kind: 'holiday',
			holiday: 'christmas_day',
			observed: true,
			holidayDate: '2021-12-25'
		});
	});

	it('gives a Saturday holiday the weekend reason on the statute calendar', () => {
		expect(nonWorkingReason('2021-12-25', { calendar: 'statute' })).toEqual({ kind: 'weekend', weekday: 'saturday' });
	});

	it('names governor-added closures with their source', () => {
		const reason = nonWorkingReason('2024-07-05');
		expect(reason?.kind).toBe('proclaimed_closure');
		expect(reason && 'source' in reason && reason.source).toMatch(/dhr\.colorado\.gov/);
	});

	it.each(BOTH)('adds runtime extra closures on the %s calendar', (calendar) => {
		const extraClosures = [{ date: '2025-12-01', name: 'Office move', nameEs: 'Mudanza' }];
		expect(isWorkingDay('2025-12-01', { calendar, extraClosures })).toBe(false);
		expect(nonWorkingReason('2025-12-01', { calendar, extraClosures })).toMatchObject({ kind: 'extra_closure', name: 'Office move' });
		expect(isWorkingDay('2025-12-02', { calendar, extraClosures })).toBe(true);
	});

	it('returns null for a working day', () => {
		expect(nonWorkingReason('2025-12-02')).toBeNull();
	});
});

describe('holidaysInYear', () => {
	it('lists the 2021 state-office closures including both Fridays before Saturday holidays', () => {
		const dates = holidaysInYear(2021, 'state-offices').map((h) => h.date);
		expect(dates).toEqual([
			'2021-01-01',
			'2021-01-18',
			'2021-02-15',
			'2021-05-31',
			'2021-07-05',
			'2021-09-06',
			'2021-10-04',
			'2021-11-11',
			'2021-11-25',
			'2021-12-24',
			'2021-12-31'
		]);
	});

	it('moves New Year 2022 out of 2022 on the state-offices calendar but not the statute one', () => {
		expect(holidaysInYear(2022, 'state-offices').some((h) => h.key === 'new_years_day')).toBe(false);
		expect(holidaysInYear(2022, 'statute').find((h) => h.key === 'new_years_day')?.date).toBe('2022-01-01');
	});

	it('lists Juneteenth 2022 on Monday the 20th, observed', () => {
		expect(holidaysInYear(2022, 'statute').find((h) => h.key === 'juneteenth')).toMatchObject({
			date: '2022-06-20',
			holidayDate: '2022-06-19',
			observed: true
		});
	});

	it.each([2013, 2101])('rejects year %i', (year) => {
		expect(() => holidaysInYear(year)).toThrow(RangeError);
	});
});
