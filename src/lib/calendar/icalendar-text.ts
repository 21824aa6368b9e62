/**
 * The low-level rules of iCalendar (RFC 5545) text: escaping TEXT values
 * (§3.3.11), folding content lines at 75 octets (§3.1), DATE and UTC
 * DATE-TIME values (§3.3.4, §3.3.5). Pure, no I/O.
 */

/** Lines end in CRLF (RFC 5545 §3.1). */
export const CRLF = '\r\n';

/** The most octets a content line may hold before folding, not counting the CRLF. */
export const MAX_LINE_OCTETS = 75;

const encoder = new TextEncoder();

/**
 * A TEXT value: backslash, semicolon and comma escaped, every line break
 * (CRLF, CR or LF) written as `\n`, other control characters dropped.
 */
export function escapeText(value: string): string {
	return value
		.replace(/\r\n?/g, '\n')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\n/g, '\\n');
}

/**
 * One content line, folded so that no physical line exceeds 75 octets of
 * UTF-8: each continuation starts with a space, and a multi-byte character is
 * never split. The result has no trailing CRLF.
 */
export function foldLine(line: string): string {
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const character of line) {
		const size = encoder.encode(character).length;
		// The first physical line holds 75 octets; a continuation holds its leading space plus 74.
		const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += character;
		octets += size;
	}
	parts.push(current);
	return parts.join(`${CRLF} `);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A DATE value (`YYYYMMDD`) from an ISO date (`YYYY-MM-DD`). */
export function formatDate(isoDate: string): string {
	const match = ISO_DATE.exec(isoDate);
	if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${isoDate}`);
	return `${match[1]}${match[2]}${match[3]}`;
}

/** The ISO date the day after `isoDate`: the exclusive DTEND of an all-day event. */
export function nextDay(isoDate: string): string {
	const match = ISO_DATE.exec(isoDate);
	if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${isoDate}`);
	const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1));
	return day.toISOString().slice(0, 10);
}

/** A UTC DATE-TIME value (`YYYYMMDDTHHMMSSZ`), as DTSTAMP needs. */
export function formatUtcDateTime(instant: Date): string {
	return instant.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}
