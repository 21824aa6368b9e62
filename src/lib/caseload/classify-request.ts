/**
 * Which caseload section a request belongs to, and what its due line says,
 * from the request row alone and today's Colorado date. Pure: working days
 * come from the CORA engine's calendar (weekends and Colorado holidays skipped).
 */
import { addDays, type IsoDate } from '$lib/cora/calendar/calendar-date';
import { isWorkingDay } from '$lib/cora/calendar/closure-calendars';
import { addWorkingDays, type PauseCause } from '$lib/cora/calendar/working-day-count';
import type { Enums } from '$lib/database.types';
import {
	CLOSED_STATUSES,
	DUE_SOON_WORKING_DAYS,
	ESCALATED_STATUSES,
	PAUSED_STATUSES,
	RUNNING_STATUSES,
	UNSENT_STATUSES,
	type CaseloadSection
} from './sections';

/** The columns of a records_requests row the classification reads. */
export interface CaseloadRow {
	status: Enums<'request_status'>;
	regime: Enums<'legal_regime'>;
	due_on: string | null;
	extended_due_on: string | null;
	closed_at: string | null;
}

/** What the due line says, before it is put into words (see due-words.ts). */
export type DueNote =
	| { kind: 'due_today'; date: IsoDate; extended: boolean }
	| { kind: 'due_in'; date: IsoDate; workingDays: number; extended: boolean }
	| { kind: 'overdue'; date: IsoDate; workingDays: number; extended: boolean }
	| { kind: 'follow_up'; date: IsoDate }
	| { kind: 'follow_up_unset' }
	| { kind: 'paused'; cause: PauseCause }
	| { kind: 'not_sent' }
	| { kind: 'escalated' }
	| { kind: 'no_due_date' }
	| { kind: 'closed' };

export interface CaseloadClassification {
	section: CaseloadSection;
	note: DueNote;
	/** The governing date (extended deadline, else the first; CCJRA: the follow-up date), for sorting and letters. */
	dueDate: IsoDate | null;
}

/** Longest span counted day by day (a request ten years late is still "overdue"). */
const MAX_SPAN_DAYS = 3660;

/** Answers already worked out: a list of 2 000 rows asks about the same few dozen dates again and again. */
const workingDayMemo = new Map<IsoDate, boolean>();

/** The engine's calendar covers 2014–2100; outside it (bad data), weekdays are the best guess. */
function countsAsWorkingDay(date: IsoDate): boolean {
	const known = workingDayMemo.get(date);
	if (known !== undefined) return known;
	let answer: boolean;
	try {
		answer = isWorkingDay(date);
	} catch {
		const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
		answer = weekday !== 0 && weekday !== 6;
	}
	if (workingDayMemo.size > 20_000) workingDayMemo.clear();
	workingDayMemo.set(date, answer);
	return answer;
}

/** Working days strictly after `from`, up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysAfter(from: IsoDate, to: IsoDate): number {
	let count = 0;
	let date = from;
	for (let step = 0; step < MAX_SPAN_DAYS && date < to; step++) {
		date = addDays(date, 1);
		if (countsAsWorkingDay(date)) count += 1;
	}
	return count;
}

/** The last date counted as "due soon" from `today`: the 3rd working day after it. */
export function dueSoonHorizon(today: IsoDate): IsoDate {
	return addWorkingDays(today, DUE_SOON_WORKING_DAYS);
}

function isoDateOrNull(value: string | null): IsoDate | null {
	return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

export function classifyRequest(row: CaseloadRow, today: IsoDate, horizon: IsoDate = dueSoonHorizon(today)): CaseloadClassification {
	const dueOn = isoDateOrNull(row.due_on);
	const extendedOn = isoDateOrNull(row.extended_due_on);
	if (row.closed_at !== null || CLOSED_STATUSES.includes(row.status)) return { section: 'closed', note: { kind: 'closed' }, dueDate: null };
	if (UNSENT_STATUSES.includes(row.status)) return { section: 'waiting_on_us', note: { kind: 'not_sent' }, dueDate: null };
	if (PAUSED_STATUSES.includes(row.status)) {
		return { section: 'waiting_on_us', note: { kind: 'paused', cause: row.status as PauseCause }, dueDate: null };
	}
	if (ESCALATED_STATUSES.includes(row.status) || !RUNNING_STATUSES.includes(row.status)) {
		return { section: 'waiting_on_agency', note: { kind: 'escalated' }, dueDate: null };
	}
	if (row.regime === 'CCJRA') {
		// No statutory count ("a reasonable time"): never overdue, but the user's follow-up date comes up as due soon.
		if (dueOn === null) return { section: 'waiting_on_agency', note: { kind: 'follow_up_unset' }, dueDate: null };
		return { section: dueOn <= horizon ? 'due_soon' : 'waiting_on_agency', note: { kind: 'follow_up', date: dueOn }, dueDate: dueOn };
	}
	const due = extendedOn ?? dueOn;
	const extended = extendedOn !== null;
	if (due === null) return { section: 'waiting_on_agency', note: { kind: 'no_due_date' }, dueDate: null };
	if (due < today) return { section: 'overdue', note: { kind: 'overdue', date: due, workingDays: workingDaysAfter(due, today), extended }, dueDate: due };
	const section: CaseloadSection = due <= horizon ? 'due_soon' : 'waiting_on_agency';
	if (due === today) return { section, note: { kind: 'due_today', date: due, extended }, dueDate: due };
	return { section, note: { kind: 'due_in', date: due, workingDays: workingDaysAfter(today, due), extended }, dueDate: due };
}
