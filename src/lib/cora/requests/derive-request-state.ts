/**
 * The current state of a request, derived purely from its event timeline.
 * Never throws on a bad timeline: problems come back as `warnings`.
 */
import type { IsoDate } from '../calendar/calendar-date';
import type { CalendarKind } from '../calendar/closure-calendars';
import type { ClosureDay } from '../calendar/closure-days';
import type { ClosedDayReceipt, ReceiptExplanation } from '../calendar/receipt';
import type { PauseCause } from '../calendar/working-day-count';
import { earliestCourtFilingDate } from '../deadlines/court-notice';
import type { DeadlineExplanation, DueBasis } from '../deadlines/deadline-explanation';
import type { Regime } from '../deadlines/regimes';
import { applyCorrections } from './event-corrections';
import { computeRequestClock } from './request-clock';
import { sortChronologically, validateEvents, warning, type RequestEvent, type StateWarning } from './request-events';
import { CLOCK_RUNNING_STATUSES, isClockPausingStatus, type RequestStatus } from './request-status';
import { walkTimeline, type TimelineFacts } from './timeline-walk';

export interface DeriveStateOptions {
	regime: Regime;
	/** Agency cut-off, `HH:MM` Colorado time; none by default. */
	receivedCutoff?: string | null;
	calendar?: CalendarKind;
	extraClosures?: readonly ClosureDay[];
	closedDayReceipt?: ClosedDayReceipt;
	/** CCJRA: the follow-up date the user picked. */
	followUpOn?: IsoDate | null;
}

export type ClockState = 'not_started' | 'running' | 'paused' | 'stopped' | 'not_applicable';

export interface RequestState {
	status: RequestStatus;
	regime: Regime;
	clock: ClockState;
	/** Day zero, after the cut-off and closed-day rules. */
	receivedOn: IsoDate | null;
	receipt: ReceiptExplanation | null;
	/** The due date that governs now (null while paused, before sending, or for CCJRA). */
	dueDate: IsoDate | null;
	dueBasis: DueBasis | null;
	initialDueDate: IsoDate | null;
	extendedDueDate: IsoDate | null;
	afterPaymentDueDate: IsoDate | null;
	paused: boolean;
	pauseCause: PauseCause | null;
	/** Working days left when the clock resumes; null unless paused. */
	remainingWorkingDays: number | null;
	/** CCJRA: the user's follow-up date instead of a computed deadline. */
	followUpDate: IsoDate | null;
	noticeOfIntentOn: IsoDate | null;
	earliestCourtFilingDate: IsoDate | null;
	explanation: DeadlineExplanation | null;
	appliedEventIds: string[];
	warnings: StateWarning[];
}

function clockState(status: RequestStatus, paused: boolean): ClockState {
	if (status === 'draft') return 'not_started';
	if (paused) return 'paused';
	if (CLOCK_RUNNING_STATUSES.includes(status) || isClockPausingStatus(status)) return 'running';
	return 'stopped';
}

function courtFields(facts: TimelineFacts, options: DeriveStateOptions, warnings: StateWarning[]) {
	if (facts.noticeOfIntentOn === null) return { noticeOfIntentOn: null, earliestCourtFilingDate: null };
	let earliest: IsoDate;
	try {
		earliest = earliestCourtFilingDate(facts.noticeOfIntentOn, { ...options, expedited: facts.noticeExpedited });
	} catch (error) {
		warnings.push(warning('clock_not_computable', null, error instanceof Error ? error.message : String(error)));
		return { noticeOfIntentOn: facts.noticeOfIntentOn, earliestCourtFilingDate: null };
	}
	if (facts.litigationOn !== null && facts.litigationOn < earliest) {
		warnings.push(
			warning('litigation_before_notice_period', facts.litigationEventId, `Court application on ${facts.litigationOn}, before the notice period ended on ${earliest}.`)
		);
	}
	return { noticeOfIntentOn: facts.noticeOfIntentOn, earliestCourtFilingDate: earliest };
}

export function deriveRequestState(events: readonly RequestEvent[], options: DeriveStateOptions): RequestState {
	const validated = validateEvents(events);
	const corrected = applyCorrections(validated.events);
	const facts = walkTimeline(sortChronologically(corrected.events));
	const warnings = [...validated.warnings, ...corrected.warnings, ...facts.warnings];
	const court = courtFields(facts, options, warnings);
	const base: RequestState = {
		status: facts.status,
		regime: options.regime,
		clock: facts.status === 'draft' ? 'not_started' : options.regime === 'ccjra' ? 'not_applicable' : 'stopped',
		receivedOn: null,
		receipt: null,
		dueDate: null,
		dueBasis: null,
		initialDueDate: null,
		extendedDueDate: null,
		afterPaymentDueDate: null,
		paused: false,
		pauseCause: null,
		remainingWorkingDays: null,
		followUpDate: options.regime === 'ccjra' ? (options.followUpOn ?? null) : null,
		...court,
		explanation: null,
		appliedEventIds: [...facts.appliedEventIds, ...corrected.appliedCorrectionIds],
		warnings
	};
	if (options.regime === 'ccjra' || facts.sentAt === null) return base;

	const clockOptions = { ...options, cutoff: options.receivedCutoff ?? null };
	let clock;
	try {
		clock = computeRequestClock({ ...facts, sentAt: facts.sentAt }, options.regime, clockOptions);
	} catch (error) {
		// Dates outside 2014–2100 or a malformed cut-off: report, keep the status.
		warnings.push(warning('clock_not_computable', null, error instanceof Error ? error.message : String(error)));
		return base;
	}
	warnings.push(...clock.warnings);
	const paused = clock.active.pausedBy !== null;
	return {
		...base,
		clock: clockState(facts.status, paused),
		receivedOn: clock.receipt.effectiveDate,
		receipt: clock.receipt,
		dueDate: clock.active.dueDate,
		dueBasis: clock.basis,
		initialDueDate: clock.initial.dueDate,
		extendedDueDate: clock.extended?.dueDate ?? null,
		afterPaymentDueDate: clock.afterPayment?.dueDate ?? null,
		paused,
		pauseCause: clock.active.pausedBy,
		remainingWorkingDays: paused ? clock.active.remainingWorkingDays : null,
		explanation: clock.explanation
	};
}

/** True when the clock is running and `today` is after the due date. */
export function isOverdue(state: RequestState, today: IsoDate): boolean {
	return state.clock === 'running' && state.dueDate !== null && today > state.dueDate;
}
