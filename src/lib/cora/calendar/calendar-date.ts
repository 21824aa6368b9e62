/**
 * Plain calendar dates as `YYYY-MM-DD` strings.
 *
 * All arithmetic runs on UTC-midnight day numbers, so the result never depends
 * on the time zone of the machine or browser running it.
 */

import { parseIsoDate, type DateParts, type IsoDate } from './iso-date';

export { isIsoDate, parseIsoDate, type DateParts, type IsoDate } from './iso-date';

export type Weekday = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

/** Index 0 is Sunday, matching `Date.prototype.getUTCDay`. */
export const WEEKDAYS: readonly Weekday[] = [
	'sunday',
	'monday',
	'tuesday',
	'wednesday',
	'thursday',
	'friday',
	'saturday'
];

/** Years for which the holiday rules in SOURCES.md are known to apply. */
export const SUPPORTED_YEARS = { first: 2014, last: 2100 } as const;

const MS_PER_DAY = 86_400_000;

/** Throws a RangeError naming the argument when `value` is not a real `YYYY-MM-DD` date. */
export function assertIsoDate(value: string, argumentName = 'date'): DateParts {
	const parts = parseIsoDate(value);
	if (!parts) throw new RangeError(`${argumentName} must be a real date written YYYY-MM-DD, got "${value}"`);
	return parts;
}

/** Like assertIsoDate, and also requires the year to be inside SUPPORTED_YEARS. */
export function assertSupportedDate(value: string, argumentName = 'date'): DateParts {
	const parts = assertIsoDate(value, argumentName);
	if (parts.year < SUPPORTED_YEARS.first || parts.year > SUPPORTED_YEARS.last) {
		throw new RangeError(
			`${argumentName} ${value} is outside the supported years ${SUPPORTED_YEARS.first}–${SUPPORTED_YEARS.last}`
		);
	}
	return parts;
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toDayNumber(date: IsoDate): number {
	const { year, month, day } = assertIsoDate(date);
	return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromDayNumber(dayNumber: number): IsoDate {
	const d = new Date(dayNumber * MS_PER_DAY);
	return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
	return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
	return toDayNumber(to) - toDayNumber(from);
}

export function weekdayOf(date: IsoDate): Weekday {
	const index = new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay();
	return WEEKDAYS[index] ?? 'sunday';
}

export function weekdayIndexOf(date: IsoDate): number {
	return new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay();
}

export function yearOf(date: IsoDate): number {
	return assertIsoDate(date).year;
}

/** String comparison is correct for well-formed `YYYY-MM-DD` values. */
export function compareDates(a: IsoDate, b: IsoDate): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
