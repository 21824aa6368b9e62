/** "Tuesday, November 25, 2025 (in 3 days)" in the user's language, from an ISO date and today's Colorado date. */
import { daysBetween, type IsoDate } from '$lib/cora';

export function longDate(date: IsoDate, locale: string): string {
	// Noon UTC on that date, shown in UTC: the calendar date never shifts with the viewer's zone.
	return new Intl.DateTimeFormat(locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
		new Date(`${date}T12:00:00Z`)
	);
}

/** Calendar days from today, as words: "today", "in 3 days", "2 days ago". */
export function relativeDays(date: IsoDate, today: IsoDate, locale: string): string {
	return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(daysBetween(today, date), 'day');
}

export function dueInWords(date: IsoDate, today: IsoDate, locale: string): string {
	return `${longDate(date, locale)} (${relativeDays(date, today, locale)})`;
}
