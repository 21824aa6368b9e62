/**
 * When a request counts as received (day zero).
 *
 * - After the agency's cut-off time (Colorado time), it counts as received the
 *   next working day: 3:00 p.m. at the Department of Revenue
 *   (cdor.colorado.gov/cora), 4:30 p.m. at the Department of Education (CDE CORA
 *   policy). The cut-off is a per-agency setting; default none (SOURCES.md
 *   §"Counting days").
 * - On a day that is not a working day: by default it also counts as received
 *   the next working day. This is a product rule taken from agency practice, not
 *   a statute; `closedDayReceipt: 'same-day'` instead keeps the closed day as day
 *   zero (C.R.S. 2-4-108 / coag.gov reading). See SOURCES.md §"Counting days".
 */
import { addDays, assertSupportedDate, type IsoDate } from './calendar-date';
import { nonWorkingReason, type CalendarOptions } from './closure-calendars';
import { parseCutoff, toColoradoLocalTime } from './colorado-time';
import { nextWorkingDay, type ExplainedDay } from './working-day-count';

export type ClosedDayReceipt = 'next-working-day' | 'same-day';

export interface ReceiptOptions extends CalendarOptions {
	/** Agency cut-off as `HH:MM` Colorado time; a request received after it counts from the next working day. */
	cutoff?: string | null;
	closedDayReceipt?: ClosedDayReceipt;
}

export interface ReceiptExplanation {
	receivedAt: string;
	/** Colorado date and time of receipt. */
	localDate: IsoDate;
	localTime: string;
	cutoff: string | null;
	/** Why day zero moved past the local date, if it did. */
	shift: 'after_cutoff' | 'non_working_day' | null;
	/** Day zero: the day the request counts as received. */
	effectiveDate: IsoDate;
	/** The days passed over to reach `effectiveDate`, with reasons (empty when not shifted). */
	skipped: ExplainedDay[];
}

function skippedDays(from: IsoDate, to: IsoDate, cutoff: string | null, options: CalendarOptions): ExplainedDay[] {
	const skipped: ExplainedDay[] = [];
	let date = from;
	while (date < to) {
		const reason = nonWorkingReason(date, options) ?? { kind: 'after_cutoff' as const, cutoff: cutoff ?? '' };
		skipped.push({ date, counted: false, reason });
		date = addDays(date, 1);
	}
	return skipped;
}

/** Works out day zero for a request received at `receivedAt` (an ISO instant). */
export function explainReceipt(receivedAt: string, options: ReceiptOptions = {}): ReceiptExplanation {
	const local = toColoradoLocalTime(receivedAt);
	assertSupportedDate(local.date, 'receivedAt');
	const cutoff = options.cutoff ?? null;
	const cutoffSeconds = cutoff === null ? null : parseCutoff(cutoff);
	if (cutoff !== null && cutoffSeconds === null) {
		throw new RangeError(`cutoff must be HH:MM on a 24-hour clock, got "${cutoff}"`);
	}
	const base = { receivedAt, localDate: local.date, localTime: local.time, cutoff };
	const working = nonWorkingReason(local.date, options) === null;

	// Strictly after the cut-off: at 15:00:00 exactly the request is still on time.
	let shift: ReceiptExplanation['shift'] = null;
	if (working && cutoffSeconds !== null && local.secondsOfDay > cutoffSeconds) shift = 'after_cutoff';
	if (!working && (options.closedDayReceipt ?? 'next-working-day') === 'next-working-day') shift = 'non_working_day';
	if (shift === null) return { ...base, shift, effectiveDate: local.date, skipped: [] };

	const effectiveDate = nextWorkingDay(local.date, options);
	return { ...base, shift, effectiveDate, skipped: skippedDays(local.date, effectiveDate, cutoff, options) };
}

export function effectiveReceiptDate(receivedAt: string, options: ReceiptOptions = {}): IsoDate {
	return explainReceipt(receivedAt, options).effectiveDate;
}
