/**
 * Due dates for a request from its timeline facts:
 * - initial: 3 working days after day zero (CORA / P.A.I.R.R. 2);
 * - extended: 3 + 7, when the extension was claimed within the first 3 days
 *   (CORA: "told to the requester in writing within the first 3 days",
 *   colorado.gov/governor/CORA);
 * - after payment (CORA only): 3 business days after payment (C.R.S. 24-72-205);
 * with days while the requester owed a payment or clarification not counted.
 */
import type { CalendarOptions } from '../calendar/closure-calendars';
import { explainReceipt, type ReceiptExplanation, type ReceiptOptions } from '../calendar/receipt';
import { countWorkingDays, type WorkingDayCount } from '../calendar/working-day-count';
import type { DeadlineExplanation, DueBasis } from '../deadlines/deadline-explanation';
import { REGIME_RULES } from '../deadlines/regimes';
import type { CountedRegime } from '../deadlines/response-deadline';
import { warning, type StateWarning } from './request-events';
import type { TimelineFacts } from './timeline-walk';

export interface RequestClock {
	receipt: ReceiptExplanation;
	initial: WorkingDayCount;
	extended: WorkingDayCount | null;
	afterPayment: WorkingDayCount | null;
	active: WorkingDayCount;
	basis: DueBasis;
	explanation: DeadlineExplanation;
	warnings: StateWarning[];
}

export function computeRequestClock(
	facts: TimelineFacts & { sentAt: string },
	regime: CountedRegime,
	options: ReceiptOptions & CalendarOptions
): RequestClock {
	const rule = REGIME_RULES[regime];
	const warnings: StateWarning[] = [];
	const receipt = explainReceipt(facts.sentAt, options);
	const paymentRuleApplies = facts.paidOn !== null && rule.afterPaymentWorkingDays !== null;
	const receiptPauses = paymentRuleApplies ? facts.pauses.filter((p) => !p.afterPayment) : facts.pauses;
	const count = (days: number, start = receipt.effectiveDate, pauses = receiptPauses) =>
		countWorkingDays(start, days, { ...options, pauses });

	const initialDays = rule.initialWorkingDays ?? 0;
	const initial = count(initialDays);
	let extended: WorkingDayCount | null = null;
	if (facts.extensionClaimedOn !== null) {
		const inTime = initial.dueDate === null || facts.extensionClaimedOn <= initial.dueDate;
		if (inTime) {
			extended = count(initialDays + (rule.extensionWorkingDays ?? 0));
		} else {
			warnings.push(
				warning(
					'extension_after_deadline',
					facts.extensionEventId,
					`The extension was claimed on ${facts.extensionClaimedOn}, after the initial deadline ${initial.dueDate}; CORA requires notice within the first 3 working days, so the initial deadline stands.`
				)
			);
		}
	}
	let afterPayment: WorkingDayCount | null = null;
	if (paymentRuleApplies && facts.paidOn !== null) {
		const later = facts.pauses.filter((p) => p.afterPayment);
		afterPayment = count(rule.afterPaymentWorkingDays ?? 0, facts.paidOn, later);
	}

	const active = afterPayment ?? extended ?? initial;
	const basis: DueBasis = afterPayment ? 'after_payment' : extended ? 'extended' : 'initial';
	const explanation: DeadlineExplanation = {
		regime,
		basis,
		citation: basis === 'after_payment' ? 'C.R.S. 24-72-205' : rule.citation,
		startDate: active.startDate,
		startsFrom: afterPayment ? 'payment' : 'receipt',
		receipt: afterPayment ? null : receipt,
		workingDaysRequired: active.workingDaysRequired,
		days: active.days,
		dueDate: active.dueDate,
		pausedBy: active.pausedBy,
		remainingWorkingDays: active.remainingWorkingDays
	};
	return { receipt, initial, extended, afterPayment, active, basis, explanation, warnings };
}
