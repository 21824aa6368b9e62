/**
 * Counting working days forward from a day zero, with every day explained.
 *
 * Day zero is excluded and counting starts on the next working day (C.R.S.
 * 2-4-108; Department of Law CORA policy, coag.gov: "The three working-day
 * response time begins the first working day following receipt"). Days while
 * the requester owes a payment or a clarification are not counted and the
 * remaining days resume afterwards (peer practice: MuckRock keeps
 * `days_until_due` while in "fix"/"payment"; SOURCES.md §"Counting days").
 */
import { addDays, assertSupportedDate, type IsoDate } from './calendar-date';
import { nonWorkingReason, type CalendarOptions, type NonWorkingReason } from './closure-calendars';

export type PauseCause = 'awaiting_payment' | 'awaiting_clarification';

/** Days strictly after `from` up to and including `until` are paused; `until: null` = still paused. */
export interface ClockPause {
	from: IsoDate;
	until: IsoDate | null;
	cause: PauseCause;
}

export type DaySkipReason =
	| NonWorkingReason
	| { kind: 'clock_paused'; cause: PauseCause }
	| { kind: 'after_cutoff'; cutoff: string };

export interface ExplainedDay {
	date: IsoDate;
	counted: boolean;
	/** 1-based position among counted working days, when counted. */
	workingDay?: number;
	/** Why the day was not counted, when it was not. */
	reason?: DaySkipReason;
}

export interface WorkingDayCount {
	startDate: IsoDate;
	workingDaysRequired: number;
	days: ExplainedDay[];
	/** Null while the clock is paused with days still to count. */
	dueDate: IsoDate | null;
	pausedBy: PauseCause | null;
	remainingWorkingDays: number;
}

export interface CountOptions extends CalendarOptions {
	pauses?: readonly ClockPause[];
}

function pauseCovering(date: IsoDate, pauses: readonly ClockPause[]): ClockPause | undefined {
	return pauses.find((p) => date > p.from && (p.until === null || date <= p.until));
}

/** Counts `workingDays` working days after `startDate` (day zero), explaining each day. */
export function countWorkingDays(startDate: IsoDate, workingDays: number, options: CountOptions = {}): WorkingDayCount {
	assertSupportedDate(startDate, 'startDate');
	if (!Number.isInteger(workingDays) || workingDays < 0) {
		throw new RangeError(`workingDays must be a whole number ≥ 0, got ${workingDays}`);
	}
	const pauses = options.pauses ?? [];
	const days: ExplainedDay[] = [];
	let counted = 0;
	let date = startDate;
	while (counted < workingDays) {
		date = addDays(date, 1);
		const pause = pauseCovering(date, pauses);
		if (pause && pause.until === null) {
			return { startDate, workingDaysRequired: workingDays, days, dueDate: null, pausedBy: pause.cause, remainingWorkingDays: workingDays - counted };
		}
		if (pause) {
			days.push({ date, counted: false, reason: { kind: 'clock_paused', cause: pause.cause } });
			continue;
		}
		const reason = nonWorkingReason(date, options);
		if (reason) {
			days.push({ date, counted: false, reason });
		} else {
			counted += 1;
			days.push({ date, counted: true, workingDay: counted });
		}
	}
	return { startDate, workingDaysRequired: workingDays, days, dueDate: date, pausedBy: null, remainingWorkingDays: 0 };
}

/** The `workingDays`th working day after `startDate`. */
export function addWorkingDays(startDate: IsoDate, workingDays: number, options: CalendarOptions = {}): IsoDate {
	const result = countWorkingDays(startDate, workingDays, options);
	return result.dueDate ?? startDate;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, options: CalendarOptions = {}): IsoDate {
	return addWorkingDays(date, 1, options);
}
