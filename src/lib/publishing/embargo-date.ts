/**
 * Whether an embargo date can be set: a real calendar date (YYYY-MM-DD) after
 * today in Colorado (America/Denver), as the database also insists
 * (private.check_embargo_date). Pure: today is passed in.
 */
import { isIsoDate } from '$lib/cora/calendar/iso-date';

export type EmbargoDateError = 'publishing.embargo.error.missing' | 'publishing.embargo.error.notADate' | 'publishing.embargo.error.notFuture';

export type EmbargoDateCheck = { ok: true; date: string } | { ok: false; error: EmbargoDateError };

/** `coloradoToday` is today's date in America/Denver (toColoradoLocalTime(now).date). */
export function checkEmbargoDate(value: string | null | undefined, coloradoToday: string): EmbargoDateCheck {
	const date = (value ?? '').trim();
	if (date === '') return { ok: false, error: 'publishing.embargo.error.missing' };
	if (!isIsoDate(date)) return { ok: false, error: 'publishing.embargo.error.notADate' };
	// ISO dates compare as text.
	if (date <= coloradoToday) return { ok: false, error: 'publishing.embargo.error.notFuture' };
	return { ok: true, date };
}
