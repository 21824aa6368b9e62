/**
 * Earliest date to apply to the district court after a notice of intent.
 *
 * "At least 14 days' written notice of intent must be given to the custodian
 * first (3 business days where expedited access is needed, stating why)"
 * (SOURCES.md §"Format, denial, not-held, appeal"; C.R.S. 24-72-204(5) as cited in issue 4;
 * HB17-1177). The 14 days are calendar days counted from the day after the
 * notice (C.R.S. 2-4-108: the first day is excluded), so the earliest filing
 * day is the notice date + 14.
 */
import { addDays, assertSupportedDate, type IsoDate } from '../calendar/calendar-date';
import type { CalendarOptions } from '../calendar/closure-calendars';
import { addWorkingDays } from '../calendar/working-day-count';

export const NOTICE_OF_INTENT_CALENDAR_DAYS = 14;
export const EXPEDITED_NOTICE_WORKING_DAYS = 3;

export interface CourtNoticeOptions extends CalendarOptions {
	/** Expedited access needed (reason stated in the notice): 3 business days instead of 14 days. */
	expedited?: boolean;
}

export function earliestCourtFilingDate(noticeGivenOn: IsoDate, options: CourtNoticeOptions = {}): IsoDate {
	assertSupportedDate(noticeGivenOn, 'noticeGivenOn');
	if (options.expedited) return addWorkingDays(noticeGivenOn, EXPEDITED_NOTICE_WORKING_DAYS, options);
	return addDays(noticeGivenOn, NOTICE_OF_INTENT_CALENDAR_DAYS);
}
