/**
 * The two working-day calendars.
 *
 * - 'statute': Saturdays, Sundays and the legal holidays of C.R.S. 24-11-101; a
 *   holiday falling on Sunday is observed on Monday (same statute). A Saturday
 *   holiday is not moved.
 * - 'state-offices': the statute calendar, plus a Saturday holiday observed the
 *   Friday before, plus days the governor adds (Division of Human Resources
 *   schedules, dhr.colorado.gov/state-employees/time-off-leave). Cesar Chavez Day
 *   (March 31) is not a closure (same source), so it is absent.
 *
 * Extra closures passed at run time apply to whichever calendar is chosen.
 * A "working day" excludes Saturdays, Sundays and legal holidays (SOURCES.md
 * §"Counting days").
 */
import { addDays, assertSupportedDate, weekdayOf, yearOf, type IsoDate } from './calendar-date';
import { PROCLAIMED_STATE_OFFICE_CLOSURES, type ClosureDay } from './closure-days';
import { statutoryHolidaysOf, type HolidayKey } from './statutory-holidays';

export type CalendarKind = 'statute' | 'state-offices';

export const DEFAULT_CALENDAR: CalendarKind = 'state-offices';

export interface CalendarOptions {
	calendar?: CalendarKind;
	/** Organisation- or admin-configured closure days, added to the chosen calendar. */
	extraClosures?: readonly ClosureDay[];
}

export interface HolidayObservance {
	key: HolidayKey;
	/** The day offices are closed for it. */
	date: IsoDate;
	/** The holiday's own date. */
	holidayDate: IsoDate;
	/** True when `date` differs from `holidayDate` (a weekend holiday moved to a weekday). */
	observed: boolean;
	source: string;
}

export type NonWorkingReason =
	| { kind: 'weekend'; weekday: 'saturday' | 'sunday' }
	| { kind: 'holiday'; holiday: HolidayKey; observed: boolean; holidayDate: IsoDate }
	| { kind: 'proclaimed_closure'; name: string; nameEs?: string; source: string }
	| { kind: 'extra_closure'; name: string; nameEs?: string; source?: string };

function observedDate(holidayDate: IsoDate, calendar: CalendarKind): IsoDate {
	const weekday = weekdayOf(holidayDate);
	// C.R.S. 24-11-101: a holiday falling on Sunday is observed on Monday.
	if (weekday === 'sunday') return addDays(holidayDate, 1);
	// State-office practice (dhr.colorado.gov): a Saturday holiday is observed the Friday before.
	if (weekday === 'saturday' && calendar === 'state-offices') return addDays(holidayDate, -1);
	return holidayDate;
}

const observanceCache = new Map<string, readonly HolidayObservance[]>();

function observancesFor(year: number, calendar: CalendarKind): readonly HolidayObservance[] {
	const cacheKey = `${calendar}:${year}`;
	const cached = observanceCache.get(cacheKey);
	if (cached) return cached;
	// A holiday of the neighbouring year can be observed in this one (New Year's Day on a Saturday).
	const observances = [year - 1, year, year + 1]
		.flatMap((y) => statutoryHolidaysOf(y))
		.map((holiday) => {
			const date = observedDate(holiday.date, calendar);
			return { key: holiday.key, date, holidayDate: holiday.date, observed: date !== holiday.date, source: holiday.source };
		})
		.filter((observance) => yearOf(observance.date) === year)
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
	observanceCache.set(cacheKey, observances);
	return observances;
}

/** Legal holidays as closed on the given calendar in `year` (2014–2100), sorted by date. */
export function holidaysInYear(year: number, calendar: CalendarKind = DEFAULT_CALENDAR): HolidayObservance[] {
	assertSupportedDate(`${String(year).padStart(4, '0')}-01-01`, 'year');
	return [...observancesFor(year, calendar)];
}

/** Why `date` is not a working day on the chosen calendar, or null when it is one. */
export function nonWorkingReason(date: IsoDate, options: CalendarOptions = {}): NonWorkingReason | null {
	assertSupportedDate(date);
	const calendar = options.calendar ?? DEFAULT_CALENDAR;
	const weekday = weekdayOf(date);
	if (weekday === 'saturday' || weekday === 'sunday') return { kind: 'weekend', weekday };

	const holiday = observancesFor(yearOf(date), calendar).find((o) => o.date === date);
	if (holiday) {
		return { kind: 'holiday', holiday: holiday.key, observed: holiday.observed, holidayDate: holiday.holidayDate };
	}
	if (calendar === 'state-offices') {
		const proclaimed = PROCLAIMED_STATE_OFFICE_CLOSURES.find((c) => c.date === date);
		if (proclaimed) {
			return { kind: 'proclaimed_closure', name: proclaimed.name, nameEs: proclaimed.nameEs, source: proclaimed.source };
		}
	}
	const extra = options.extraClosures?.find((c) => c.date === date);
	if (extra) return { kind: 'extra_closure', name: extra.name, nameEs: extra.nameEs, source: extra.source };
	return null;
}

export function isWorkingDay(date: IsoDate, options: CalendarOptions = {}): boolean {
	return nonWorkingReason(date, options) === null;
}
