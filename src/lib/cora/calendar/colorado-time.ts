/**
 * Converting ISO instants to Colorado wall-clock time (America/Denver), DST
 * included, with the platform's Intl time-zone data, so it works offline in the
 * browser and never depends on the machine's own time zone.
 */
import { formatIsoDate, type IsoDate } from './calendar-date';

export const COLORADO_TIME_ZONE = 'America/Denver';

/** An ISO 8601 instant with an explicit zone: `2025-11-28T22:05:00Z` or `…-07:00`. */
const ISO_INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
const CUTOFF_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface ColoradoLocalTime {
	date: IsoDate;
	/** `HH:MM:SS`, 24-hour clock. */
	time: string;
	secondsOfDay: number;
}

/** Parses an ISO instant carrying a zone designator; null when malformed or impossible. */
export function parseInstant(value: string): Date | null {
	if (typeof value !== 'string' || !ISO_INSTANT_PATTERN.test(value)) return null;
	const parsed = new Date(value);
	if (Number.isNaN(parsed.getTime())) return null;
	// Reject impossible calendar parts such as 2025-02-30T…, which Date would roll over.
	const [datePart] = value.split('T');
	const [y, m, d] = (datePart ?? '').split('-').map(Number);
	const probe = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 0));
	if (probe.getUTCMonth() !== (m ?? 1) - 1 || probe.getUTCDate() !== d) return null;
	return parsed;
}

export function isInstant(value: unknown): value is string {
	return typeof value === 'string' && parseInstant(value) !== null;
}

const formatter = new Intl.DateTimeFormat('en-US', {
	timeZone: COLORADO_TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

/** Colorado calendar date and wall-clock time of an instant; throws RangeError on a malformed instant. */
export function toColoradoLocalTime(instant: string): ColoradoLocalTime {
	const parsed = parseInstant(instant);
	if (!parsed) throw new RangeError(`expected an ISO instant with a time zone (e.g. 2025-11-28T22:05:00Z), got "${instant}"`);
	const parts = Object.fromEntries(formatter.formatToParts(parsed).map((p) => [p.type, p.value]));
	const hour = Number(parts.hour) % 24;
	const minute = Number(parts.minute);
	const second = Number(parts.second);
	const pad = (n: number) => String(n).padStart(2, '0');
	return {
		date: formatIsoDate(Number(parts.year), Number(parts.month), Number(parts.day)),
		time: `${pad(hour)}:${pad(minute)}:${pad(second)}`,
		secondsOfDay: hour * 3600 + minute * 60 + second
	};
}

/** Seconds after midnight for an `HH:MM` cut-off; null when malformed. */
export function parseCutoff(value: string): number | null {
	const match = CUTOFF_PATTERN.exec(value);
	if (!match) return null;
	return Number(match[1]) * 3600 + Number(match[2]) * 60;
}
