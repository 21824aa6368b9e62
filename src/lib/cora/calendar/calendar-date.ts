/**
 * Plain calendar dates as `YYYY-MM-DD` strings.
 *
 * All arithmetic runs on UTC-midnight day numbers, so the result never depends
 * on the time zone of the machine or browser running it.
 */

export type IsoDate = string;

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

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface DateParts {
	year: number;
	month: number;
	day: number;
}

/** Parses `YYYY-MM-DD`; returns null for malformed or impossible dates (e.g. 2023-02-29). */
export function parseIsoDate(value: string): DateParts | null {
	const match = ISO_DATE_PATTERN.exec(value);
	if (!match) return null;
	const year = Number(match[1]);
	const month = Number(match[2]);
	const day = Number(match[3]);
	const check = new Date(Date.UTC(year, month - 1, day));
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
		return null;
	}
	return { year, month, day };
}

export function isIsoDate(value: unknown): value is IsoDate {
	return typeof value === 'string' && parseIsoDate(value) !== null;
}

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
