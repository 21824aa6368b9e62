import { describe, expect, it } from 'vitest';
import { SUPPORTED_YEARS, weekdayOf } from './calendar-date';
import { lastWeekdayOfMonth, nthWeekdayOfMonth, statutoryHolidaysOf, type HolidayKey } from './statutory-holidays';

function dateOf(key: HolidayKey, year: number): string | undefined {
	return statutoryHolidaysOf(year).find((h) => h.key === key)?.date;
}

const YEARS = Array.from({ length: SUPPORTED_YEARS.last - SUPPORTED_YEARS.first + 1 }, (_, i) => SUPPORTED_YEARS.first + i);

describe('known real holiday dates (C.R.S. 24-11-101)', () => {
	it.each<[HolidayKey, string[]]>([
		['martin_luther_king_jr_day', ['2014-01-20', '2019-01-21', '2021-01-18', '2024-01-15', '2025-01-20', '2026-01-19']],
		['washington_lincoln_day', ['2014-02-17', '2017-02-20', '2022-02-21', '2024-02-19', '2025-02-17', '2026-02-16']],
		['memorial_day', ['2014-05-26', '2016-05-30', '2021-05-31', '2024-05-27', '2025-05-26', '2026-05-25']],
		['labor_day', ['2014-09-01', '2015-09-07', '2020-09-07', '2024-09-02', '2025-09-01', '2026-09-07']],
		['columbus_day', ['2014-10-13', '2016-10-10', '2018-10-08', '2019-10-14']],
		['frances_xavier_cabrini_day', ['2020-10-05', '2021-10-04', '2023-10-02', '2024-10-07', '2025-10-06', '2026-10-05']],
		['thanksgiving_day', ['2014-11-27', '2018-11-22', '2019-11-28', '2023-11-23', '2024-11-28', '2025-11-27']],
		['new_years_day', ['2014-01-01', '2022-01-01', '2100-01-01']],
		['independence_day', ['2014-07-04', '2021-07-04', '2100-07-04']],
		['veterans_day', ['2014-11-11', '2023-11-11', '2100-11-11']],
		['christmas_day', ['2014-12-25', '2021-12-25', '2100-12-25']],
		['juneteenth', ['2022-06-19', '2023-06-19', '2025-06-19', '2100-06-19']]
	])('%s falls on %j', (key, dates) => {
		for (const date of dates) expect(dateOf(key, Number(date.slice(0, 4)))).toBe(date);
	});
});

describe('floating holidays keep their weekday and week in every year 2014–2100', () => {
	it.each<[HolidayKey, string, number, number, number]>([
		['martin_luther_king_jr_day', 'monday', 1, 15, 21],
		['washington_lincoln_day', 'monday', 2, 15, 21],
		['memorial_day', 'monday', 5, 25, 31],
		['labor_day', 'monday', 9, 1, 7],
		['frances_xavier_cabrini_day', 'monday', 10, 1, 7],
		['columbus_day', 'monday', 10, 8, 14],
		['thanksgiving_day', 'thursday', 11, 22, 28]
	])('%s is a %s in month %i between day %i and %i', (key, weekday, month, first, last) => {
		for (const year of YEARS) {
			const date = dateOf(key, year);
			if (date === undefined) continue;
			expect(weekdayOf(date)).toBe(weekday);
			expect(Number(date.slice(5, 7))).toBe(month);
			const day = Number(date.slice(8, 10));
			expect(day).toBeGreaterThanOrEqual(first);
			expect(day).toBeLessThanOrEqual(last);
		}
	});
});

describe('holidays that start or stop in a given year', () => {
	it.each(YEARS.map((year) => [year]))('%i has the right October holiday and Juneteenth', (year) => {
		const keys = statutoryHolidaysOf(year).map((h) => h.key);
		// HB20-1031: Cabrini Day replaces Columbus Day from 2020.
		expect(keys.includes('columbus_day')).toBe(year < 2020);
		expect(keys.includes('frances_xavier_cabrini_day')).toBe(year >= 2020);
		// SB22-139: Juneteenth from 2022.
		expect(keys.includes('juneteenth')).toBe(year >= 2022);
		expect(keys).toHaveLength(year >= 2022 ? 11 : 10);
	});

	it('has no Juneteenth in 2021', () => {
		expect(dateOf('juneteenth', 2021)).toBeUndefined();
	});

	it('has no Columbus Day in 2020 and no Cabrini Day in 2019', () => {
		expect(dateOf('columbus_day', 2020)).toBeUndefined();
		expect(dateOf('frances_xavier_cabrini_day', 2019)).toBeUndefined();
	});

	it('does not include Cesar Chavez Day or the day after Thanksgiving', () => {
		const dates = statutoryHolidaysOf(2025).map((h) => h.date);
		expect(dates).not.toContain('2025-03-31');
		expect(dates).not.toContain('2025-11-28');
	});
});

describe('weekday-of-month helpers', () => {
	it.each([
		[2025, 3, 1, 1, '2025-03-03'],
		[2025, 6, 0, 1, '2025-06-01'],
		[2026, 1, 1, 3, '2026-01-19']
	])('nthWeekdayOfMonth(%i, %i, %i, %i) = %s', (y, m, wd, n, expected) => {
		expect(nthWeekdayOfMonth(y, m, wd, n)).toBe(expected);
	});

	it.each([
		[2025, 5, 1, '2025-05-26'],
		[2021, 5, 1, '2021-05-31'],
		[2024, 2, 4, '2024-02-29']
	])('lastWeekdayOfMonth(%i, %i, %i) = %s', (y, m, wd, expected) => {
		expect(lastWeekdayOfMonth(y, m, wd)).toBe(expected);
	});
});
