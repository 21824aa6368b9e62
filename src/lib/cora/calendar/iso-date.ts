/**
 * Reading `YYYY-MM-DD` strings: the smallest part of the calendar, in a module of
 * its own so forms can check dates without loading the rest of the engine.
 */
export type IsoDate = string;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

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
