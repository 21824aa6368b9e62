/** Plain-text formatting helpers for letters (English). */
import { assertIsoDate, type IsoDate } from '../calendar/calendar-date';

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** `2025-11-27` → "November 27, 2025" (no time zone involved). */
export function formatLongDate(date: IsoDate): string {
	const { year, month, day } = assertIsoDate(date);
	return `${MONTHS[month - 1]} ${day}, ${year}`;
}

/** `5000` → "$50.00". */
export function formatMoney(cents: number): string {
	const dollars = Math.floor(cents / 100).toLocaleString('en-US');
	return `$${dollars}.${String(cents % 100).padStart(2, '0')}`;
}

export function bulletList(items: readonly string[]): string {
	return items.map((item) => `- ${item}`).join('\n');
}

export function numberedList(items: readonly string[]): string {
	return items.map((item, index) => `${index + 1}. ${item}`).join('\n');
}

/** Joins the non-empty blocks with a blank line between them. */
export function paragraphs(...blocks: Array<string | false | null | undefined>): string {
	return blocks.filter((block): block is string => typeof block === 'string' && block.trim() !== '').join('\n\n');
}
