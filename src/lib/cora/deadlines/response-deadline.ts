/**
 * Response due dates for regimes with a fixed day count (CORA, P.A.I.R.R. 2).
 *
 * CORA: 3 working days, or 3 + 7 when the custodian claims the extension
 * (C.R.S. 24-72-201 to -206; colorado.gov/governor/CORA). Day zero is the day of
 * receipt and counting starts on the next working day (C.R.S. 2-4-108; coag.gov
 * CORA policy). Default calendar: state offices.
 */
import { countWorkingDays, type ClockPause } from '../calendar/working-day-count';
import type { CalendarOptions } from '../calendar/closure-calendars';
import type { IsoDate } from '../calendar/calendar-date';
import { explainReceipt, type ReceiptOptions } from '../calendar/receipt';
import type { DeadlineExplanation, DueBasis } from './deadline-explanation';
import { REGIME_RULES, type Regime } from './regimes';

export type CountedRegime = Exclude<Regime, 'ccjra'>;

export interface ResponseDeadlineOptions extends CalendarOptions {
	/** The custodian claimed the extension of up to 7 more working days. */
	extended?: boolean;
	regime?: CountedRegime;
	/** Periods while the requester owed a payment or clarification. */
	pauses?: readonly ClockPause[];
}

/** Working days the regime allows from receipt (3, or 3 + 7 when extended). */
export function responseWorkingDays(regime: CountedRegime, extended: boolean): number {
	const rule = REGIME_RULES[regime];
	const initial = rule.initialWorkingDays ?? 0;
	return extended ? initial + (rule.extensionWorkingDays ?? 0) : initial;
}

export function explainResponseDeadline(receivedOn: IsoDate, options: ResponseDeadlineOptions = {}): DeadlineExplanation {
	const regime = options.regime ?? 'cora';
	const extended = options.extended ?? false;
	const count = countWorkingDays(receivedOn, responseWorkingDays(regime, extended), options);
	const basis: DueBasis = extended ? 'extended' : 'initial';
	return {
		regime,
		basis,
		citation: REGIME_RULES[regime].citation,
		startDate: receivedOn,
		startsFrom: 'receipt',
		receipt: null,
		...countFields(count)
	};
}

/**
 * The response due date when the request counts as received on `receivedOn`
 * (day zero): the 3rd working day after it, or the 10th when extended.
 */
export function responseDeadline(receivedOn: IsoDate, options: ResponseDeadlineOptions = {}): IsoDate {
	const { dueDate } = explainResponseDeadline(receivedOn, { ...options, pauses: [] });
	return dueDate ?? receivedOn;
}

export interface ReceiptDeadlineOptions extends ResponseDeadlineOptions, ReceiptOptions {}

/** Due date for a request received at an ISO instant, applying the agency cut-off (see receipt.ts). */
export function explainDeadlineFromReceipt(receivedAt: string, options: ReceiptDeadlineOptions = {}): DeadlineExplanation {
	const receipt = explainReceipt(receivedAt, options);
	return { ...explainResponseDeadline(receipt.effectiveDate, options), receipt };
}

/**
 * Records are due within 3 business days of payment (C.R.S. 24-72-205, via
 * lexace.ai). Day zero is the payment date.
 */
export function explainPaymentDeadline(paidOn: IsoDate, options: CalendarOptions & { pauses?: readonly ClockPause[] } = {}): DeadlineExplanation {
	const rule = REGIME_RULES.cora;
	const count = countWorkingDays(paidOn, rule.afterPaymentWorkingDays ?? 0, options);
	return {
		regime: 'cora',
		basis: 'after_payment',
		citation: 'C.R.S. 24-72-205',
		startDate: paidOn,
		startsFrom: 'payment',
		receipt: null,
		...countFields(count)
	};
}

export function paymentDeadline(paidOn: IsoDate, options: CalendarOptions = {}): IsoDate {
	return explainPaymentDeadline(paidOn, options).dueDate ?? paidOn;
}

function countFields(count: ReturnType<typeof countWorkingDays>) {
	return {
		workingDaysRequired: count.workingDaysRequired,
		days: count.days,
		dueDate: count.dueDate,
		pausedBy: count.pausedBy,
		remainingWorkingDays: count.remainingWorkingDays
	};
}
