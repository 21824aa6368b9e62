/**
 * Writes an iCalendar (RFC 5545) calendar of all-day events, for calendar
 * apps that subscribe to a URL. Pure: the caller supplies the words, the
 * stamp and the links. No VTIMEZONE: all-day events use DATE values, which
 * float in every time zone.
 */
import { CRLF, escapeText, foldLine, formatDate, formatUtcDateTime, nextDay } from './icalendar-text';

export interface AllDayEvent {
	/** Globally unique and stable across fetches, so calendar apps update the event instead of duplicating it. */
	uid: string;
	/** The day, as an ISO date (YYYY-MM-DD). */
	date: string;
	summary: string;
	description?: string;
	url?: string;
}

export interface CalendarSpec {
	/** Product identifier (PRODID), e.g. `-//Disclose//Calendar feed//EN`. */
	productId: string;
	/** The name calendar apps show for the subscription (X-WR-CALNAME, NAME). */
	name: string;
	/** When this copy was generated (DTSTAMP of every event). */
	stamp: Date;
	/** How often subscribers should fetch again, in minutes (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
	refreshMinutes?: number;
	events: readonly AllDayEvent[];
}

/** The whole calendar as iCalendar text: CRLF line ends, folded at 75 octets. */
export function writeCalendar(calendar: CalendarSpec): string {
	const lines: string[] = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${escapeText(calendar.productId)}`,
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`NAME:${escapeText(calendar.name)}`,
		`X-WR-CALNAME:${escapeText(calendar.name)}`
	];
	if (calendar.refreshMinutes) {
		lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${calendar.refreshMinutes}M`, `X-PUBLISHED-TTL:PT${calendar.refreshMinutes}M`);
	}
	const stamp = formatUtcDateTime(calendar.stamp);
	for (const event of calendar.events) {
		lines.push(
			'BEGIN:VEVENT',
			`UID:${escapeText(event.uid)}`,
			`DTSTAMP:${stamp}`,
			`DTSTART;VALUE=DATE:${formatDate(event.date)}`,
			`DTEND;VALUE=DATE:${formatDate(nextDay(event.date))}`,
			`SUMMARY:${escapeText(event.summary)}`
		);
		if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
		// URL is a URI value, not TEXT: no escaping (RFC 5545 §3.8.4.6).
		if (event.url) lines.push(`URL;VALUE=URI:${event.url}`);
		lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join(CRLF) + CRLF;
}
