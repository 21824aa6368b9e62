/**
 * Whether an embargo date can be set: a real calendar date (YYYY-MM-DD) after
 * today in Colorado (America/Denver), as the database also insists
 * (private.check_embargo_date). Pure: today is passed in.
 */
export type EmbargoDateError = 'publishing.embargo.error.missing' | 'publishing.embargo.error.notADate' | 'publishing.embargo.error.notFuture';

export type EmbargoDateCheck = { ok: true; date: string } | { ok: false; error: EmbargoDateError };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for an existing calendar date written as YYYY-MM-DD (no 31 February). */
export function isRealDate(value: string): boolean {
	const match = ISO_DATE.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `coloradoToday` is today's date in America/Denver (toColoradoLocalTime(now).date). */
export function checkEmbargoDate(value: string | null | undefined, coloradoToday: string): EmbargoDateCheck {
	const date = (value ?? '').trim();
	if (date === '') return { ok: false, error: 'publishing.embargo.error.missing' };
	if (!isRealDate(date)) return { ok: false, error: 'publishing.embargo.error.notADate' };
	// ISO dates compare as text.
	if (date <= coloradoToday) return { ok: false, error: 'publishing.embargo.error.notFuture' };
	return { ok: true, date };
}
