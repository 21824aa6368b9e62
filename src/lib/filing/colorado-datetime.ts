/**
 * The "date and time sent" field is Colorado wall-clock time (America/Denver),
 * on the phone and on the server alike, so a form posted without JavaScript
 * means the same instant as one recorded offline. DST is handled with the
 * platform's time-zone data through the CORA engine's converter.
 */
import { toColoradoLocalTime } from '$lib/cora';

/** What `<input type="datetime-local">` gives: `2026-11-25T14:30` (seconds optional). */
const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `2026-11-25T21:30:00.000Z` → `2026-11-25T14:30` (Colorado time, minutes). */
export function coloradoLocalInput(instant: string): string {
	const local = toColoradoLocalTime(instant);
	return `${local.date}T${local.time.slice(0, 5)}`;
}

/**
 * `2026-11-25T14:30` in Colorado → the ISO instant (UTC). `invalid` for a
 * malformed value; `nonexistent` for a time skipped when clocks spring forward.
 * In the repeated autumn hour the earlier (daylight-time) instant is taken.
 */
export function coloradoLocalToInstant(value: string): { ok: true; instant: string } | { ok: false; reason: 'invalid' | 'nonexistent' } {
	const match = LOCAL_PATTERN.exec(value.trim());
	if (!match) return { ok: false, reason: 'invalid' };
	const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
	const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
	const probe = new Date(wallClock);
	if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
		return { ok: false, reason: 'invalid' };
	}
	const wanted = `${match[1]}-${match[2]}-${match[3]} ${match[4]}:${match[5]}:${String(second).padStart(2, '0')}`;
	// Mountain Daylight Time (UTC−6) first, then Mountain Standard Time (UTC−7).
	for (const offsetHours of [6, 7]) {
		const instant = new Date(wallClock + offsetHours * 3_600_000).toISOString();
		const local = toColoradoLocalTime(instant);
		if (`${local.date} ${local.time}` === wanted) return { ok: true, instant };
	}
	return { ok: false, reason: 'nonexistent' };
}
