/**
 * Colorado legal holidays generated from their rules.
 *
 * Rule source for every entry: C.R.S. 24-11-101 (casetext text current through
 * 2024), as summarised in SOURCES.md §"Colorado legal holidays". Dates here are
 * the holidays' own dates; which weekday a closure is observed on is decided in
 * closure-calendars.ts.
 */
import { formatIsoDate, weekdayIndexOf, type IsoDate } from './calendar-date';

export type HolidayKey =
	| 'new_years_day'
	| 'martin_luther_king_jr_day'
	| 'washington_lincoln_day'
	| 'memorial_day'
	| 'juneteenth'
	| 'independence_day'
	| 'labor_day'
	| 'frances_xavier_cabrini_day'
	| 'columbus_day'
	| 'veterans_day'
	| 'thanksgiving_day'
	| 'christmas_day';

export interface HolidayRule {
	key: HolidayKey;
	/** First year the rule applies (inclusive); absent = applies to every supported year. */
	fromYear?: number;
	/** Last year the rule applies (inclusive). */
	untilYear?: number;
	dateIn(year: number): IsoDate;
	source: string;
}

export interface StatutoryHoliday {
	key: HolidayKey;
	date: IsoDate;
	source: string;
}

const MONDAY = 1;
const THURSDAY = 4;

/** The `n`th given weekday (0 = Sunday) of a month; month is 1-based. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): IsoDate {
	const first = formatIsoDate(year, month, 1);
	const offset = (weekday - weekdayIndexOf(first) + 7) % 7;
	return formatIsoDate(year, month, 1 + offset + 7 * (n - 1));
}

/** The last given weekday (0 = Sunday) of a month; month is 1-based. */
export function lastWeekdayOfMonth(year: number, month: number, weekday: number): IsoDate {
	const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const last = formatIsoDate(year, month, lastDay);
	const offset = (weekdayIndexOf(last) - weekday + 7) % 7;
	return formatIsoDate(year, month, lastDay - offset);
}

const STATUTE = 'C.R.S. 24-11-101';

export const HOLIDAY_RULES: readonly HolidayRule[] = [
	{ key: 'new_years_day', dateIn: (y) => formatIsoDate(y, 1, 1), source: STATUTE },
	{
		key: 'martin_luther_king_jr_day',
		dateIn: (y) => nthWeekdayOfMonth(y, 1, MONDAY, 3),
		source: `${STATUTE} (3rd Monday in January)`
	},
	{
		key: 'washington_lincoln_day',
		dateIn: (y) => nthWeekdayOfMonth(y, 2, MONDAY, 3),
		source: `${STATUTE} (3rd Monday in February)`
	},
	{
		key: 'memorial_day',
		dateIn: (y) => lastWeekdayOfMonth(y, 5, MONDAY),
		source: `${STATUTE} (last Monday in May)`
	},
	{
		key: 'juneteenth',
		fromYear: 2022,
		dateIn: (y) => formatIsoDate(y, 6, 19),
		source: `${STATUTE}; SB22-139, signed April 2022 (colorado.gov governor's news release)`
	},
	{ key: 'independence_day', dateIn: (y) => formatIsoDate(y, 7, 4), source: STATUTE },
	{
		key: 'labor_day',
		dateIn: (y) => nthWeekdayOfMonth(y, 9, MONDAY, 1),
		source: `${STATUTE} (1st Monday in September)`
	},
	{
		key: 'columbus_day',
		untilYear: 2019,
		dateIn: (y) => nthWeekdayOfMonth(y, 10, MONDAY, 2),
		source: `${STATUTE} before HB20-1031 (2nd Monday in October)`
	},
	{
		key: 'frances_xavier_cabrini_day',
		fromYear: 2020,
		dateIn: (y) => nthWeekdayOfMonth(y, 10, MONDAY, 1),
		source: `${STATUTE}; HB20-1031, signed 2020-03-20 (puc.colorado.gov/Frances_Cabrini_Day)`
	},
	{ key: 'veterans_day', dateIn: (y) => formatIsoDate(y, 11, 11), source: STATUTE },
	{
		key: 'thanksgiving_day',
		dateIn: (y) => nthWeekdayOfMonth(y, 11, THURSDAY, 4),
		source: `${STATUTE} (4th Thursday in November)`
	},
	{ key: 'christmas_day', dateIn: (y) => formatIsoDate(y, 12, 25), source: STATUTE }
];

function ruleApplies(rule: HolidayRule, year: number): boolean {
	return (rule.fromYear === undefined || year >= rule.fromYear) && (rule.untilYear === undefined || year <= rule.untilYear);
}

/** The legal holidays of `year` on their own dates (before any observed-day shift). */
export function statutoryHolidaysOf(year: number): StatutoryHoliday[] {
	return HOLIDAY_RULES.filter((rule) => ruleApplies(rule, year)).map((rule) => ({
		key: rule.key,
		date: rule.dateIn(year),
		source: rule.source
	}));
}
