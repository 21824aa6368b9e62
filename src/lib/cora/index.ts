/**
 * Disclose's legal rules for Colorado open-records requests: calendars,
 * working-day deadlines, fees, request status, and letters. Pure, offline,
 * dependency-free. Every rule is traced to SOURCES.md.
 */

// Dates and calendars
export {
	addDays,
	compareDates,
	daysBetween,
	isIsoDate,
	SUPPORTED_YEARS,
	weekdayOf,
	WEEKDAYS,
	type IsoDate,
	type Weekday
} from './calendar/calendar-date';
export { HOLIDAY_RULES, statutoryHolidaysOf, type HolidayKey, type StatutoryHoliday } from './calendar/statutory-holidays';
export {
	findClosureListProblems,
	PROCLAIMED_STATE_OFFICE_CLOSURES,
	type ClosureDay,
	type ClosureListProblem,
	type ProclaimedClosure
} from './calendar/closure-days';
export {
	DEFAULT_CALENDAR,
	holidaysInYear,
	isWorkingDay,
	nonWorkingReason,
	type CalendarKind,
	type CalendarOptions,
	type HolidayObservance,
	type NonWorkingReason
} from './calendar/closure-calendars';
export { COLORADO_TIME_ZONE, isInstant, toColoradoLocalTime, type ColoradoLocalTime } from './calendar/colorado-time';
export {
	addWorkingDays,
	countWorkingDays,
	nextWorkingDay,
	type ClockPause,
	type DaySkipReason,
	type ExplainedDay,
	type PauseCause,
	type WorkingDayCount
} from './calendar/working-day-count';
export {
	effectiveReceiptDate,
	explainReceipt,
	type ClosedDayReceipt,
	type ReceiptExplanation,
	type ReceiptOptions
} from './calendar/receipt';

// Deadlines
export { isRegime, REGIME_RULES, REGIMES, type Regime, type RegimeRule } from './deadlines/regimes';
export type { DeadlineExplanation, DueBasis } from './deadlines/deadline-explanation';
export {
	explainDeadlineFromReceipt,
	explainPaymentDeadline,
	explainResponseDeadline,
	paymentDeadline,
	responseDeadline,
	responseWorkingDays,
	type CountedRegime,
	type ReceiptDeadlineOptions,
	type ResponseDeadlineOptions
} from './deadlines/response-deadline';
export {
	CCJRA_FOLLOW_UP_NOTE,
	deadlineForRequest,
	type RequestDeadline,
	type RequestDeadlineInput
} from './deadlines/request-deadline';
export {
	earliestCourtFilingDate,
	EXPEDITED_NOTICE_WORKING_DAYS,
	NOTICE_OF_INTENT_CALENDAR_DAYS,
	type CourtNoticeOptions
} from './deadlines/court-notice';

// Explanations and labels
export { LOCALES, type Locale, type LocalizedText } from './explanation/localized-text';
export {
	HOLIDAY_LABELS,
	holidayLabel,
	OBSERVED_SUFFIX,
	PAUSE_CAUSE_LABELS,
	skipReasonLabel,
	WEEKDAY_LABELS
} from './explanation/day-labels';
export { BASIS_LABELS, dayWithWeekday, renderExplanation } from './explanation/render-explanation';

// Fees
export {
	HOURLY_FEE_CAPS,
	hourlyFeeCapOn,
	NEXT_FEE_CAP_ADJUSTMENT,
	type HourlyFeeCap,
	type HourlyFeeCapOnDate
} from './fees/hourly-fee-caps';
export { maxHourlyFee, maxHourlyFeeCents } from './fees/max-hourly-fee';
export {
	checkFeeEstimate,
	FREE_RESEARCH_MINUTES,
	PAPER_PAGE_MAX_CENTS,
	type AllowedFees,
	type FeeCheck,
	type FeeEstimateInput
} from './fees/fee-estimate-check';
export { formatCents, type FeeIssue, type FeeIssueCode } from './fees/fee-issues';

// Request status
export {
	allowedEventTypes,
	ANNOTATION_EVENT_TYPES,
	canApplyEvent,
	CLOCK_PAUSING_STATUSES,
	CLOCK_RUNNING_STATUSES,
	FINAL_STATUSES,
	isClockPausingStatus,
	isFinalStatus,
	isRequestEventType,
	isRequestStatus,
	REQUEST_EVENT_TYPES,
	REQUEST_STATUSES,
	TRANSITIONS,
	type RequestEventType,
	type RequestStatus,
	type TransitionTarget
} from './requests/request-status';
export { EVENT_TYPE_LABELS, STATUS_LABELS } from './requests/request-labels';
export type { RequestEvent, StateWarning, StateWarningCode } from './requests/request-events';
export {
	deriveRequestState,
	isOverdue,
	type ClockState,
	type DeriveStateOptions,
	type RequestState
} from './requests/derive-request-state';

// Letters
export { LETTER_TEMPLATE_IDS, LETTER_TEMPLATES, isLetterTemplateId } from './letters/letter-templates';
export { renderLetter } from './letters/render-letter';
export { REQUEST_TEMPLATE_INFO, type RequestTemplateId } from './letters/request-template-info';
export type {
	FieldKind,
	FieldValue,
	LetterContext,
	LetterErrorCode,
	LetterField,
	LetterFieldError,
	LetterFieldValues,
	LetterTemplate,
	LetterTemplateInfo,
	LetterTemplateId,
	RenderLetterResult
} from './letters/letter-types';
