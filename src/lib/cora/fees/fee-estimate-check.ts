/**
 * What an agency may charge for a request, and whether its estimate exceeds it
 * (C.R.S. 24-72-205; SOURCES.md §"Fees"):
 * - first hour of research and retrieval free; later hours at no more than the
 *   cap in force on the estimate's date (agencies may charge less);
 * - paper copies at most $0.25 per standard page;
 * - no per-page fee for digital records (2023 amendment, coloradofoic.org);
 *   emailing records is not chargeable;
 * - fees only under a fee policy published beforehand.
 * All money is integer cents.
 */
import { assertIsoDate, type IsoDate } from '../calendar/calendar-date';
import { HOURLY_FEE_CAPS, hourlyFeeCapOn, type HourlyFeeCap, type HourlyFeeCapOnDate } from './hourly-fee-caps';
import { describeFeeIssue, type FeeIssue, type FeeIssueCode } from './fee-issues';

export const PAPER_PAGE_MAX_CENTS = 25;
export const FREE_RESEARCH_MINUTES = 60;

export interface FeeEstimateInput {
	estimatedOn: IsoDate;
	/** Estimated hours of research and retrieval, the free first hour included. */
	researchHours: number;
	/** The agency's hourly rate in cents; the cap is assumed when absent. */
	hourlyRateCents?: number;
	/** What the agency charges for research in total, in cents, if itemised. */
	agencyResearchCents?: number;
	paperPages?: number;
	/** The agency's charge per paper page in cents. */
	paperPageRateCents?: number;
	/** Any per-page charge for digital records, in cents. */
	digitalPageRateCents?: number;
	digitalPages?: number;
	/** Any charge for emailing the records, in cents. */
	emailChargeCents?: number;
	/** The total the agency quoted, in cents. */
	agencyTotalCents?: number;
	/** Whether the agency published a fee policy beforehand; undefined = not known. */
	feePolicyPublished?: boolean;
	capSchedule?: readonly HourlyFeeCap[];
}

export interface AllowedFees {
	researchCents: number;
	paperCopiesCents: number;
	totalCents: number;
}

export interface FeeCheck {
	cap: HourlyFeeCapOnDate;
	/** The lower of the agency's rate and the cap. */
	appliedHourlyRateCents: number;
	chargeableMinutes: number;
	allowed: AllowedFees;
	/** True when any issue shows the estimate asks for more than the law allows. */
	exceedsLegalLimit: boolean;
	issues: FeeIssue[];
}

function requireAmount(value: number | undefined, name: string): number {
	if (value === undefined) return 0;
	if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a number ≥ 0, got ${value}`);
	return value;
}

function requireWholeNumber(value: number | undefined, name: string): number {
	const amount = requireAmount(value, name);
	if (!Number.isInteger(amount)) throw new RangeError(`${name} must be a whole number, got ${value}`);
	return amount;
}

export function checkFeeEstimate(input: FeeEstimateInput): FeeCheck {
	assertIsoDate(input.estimatedOn, 'estimatedOn');
	const cap = hourlyFeeCapOn(input.estimatedOn, input.capSchedule ?? HOURLY_FEE_CAPS);
	if (!cap) throw new RangeError(`no statutory hourly fee cap is recorded for ${input.estimatedOn}`);
	const hours = requireAmount(input.researchHours, 'researchHours');
	const rate = requireWholeNumber(input.hourlyRateCents ?? cap.cents, 'hourlyRateCents');
	const paperPages = requireWholeNumber(input.paperPages, 'paperPages');
	const paperRate = requireWholeNumber(input.paperPageRateCents ?? PAPER_PAGE_MAX_CENTS, 'paperPageRateCents');
	const digitalRate = requireWholeNumber(input.digitalPageRateCents, 'digitalPageRateCents');
	const digitalPages = requireWholeNumber(input.digitalPages, 'digitalPages');
	const emailCharge = requireWholeNumber(input.emailChargeCents, 'emailChargeCents');
	const agencyResearch = input.agencyResearchCents === undefined ? null : requireWholeNumber(input.agencyResearchCents, 'agencyResearchCents');
	const agencyTotal = input.agencyTotalCents === undefined ? null : requireWholeNumber(input.agencyTotalCents, 'agencyTotalCents');

	const appliedRate = Math.min(rate, cap.cents);
	const totalMinutes = Math.round(hours * 60);
	const chargeableMinutes = Math.max(0, totalMinutes - FREE_RESEARCH_MINUTES);
	// Round up: a cent of rounding is never flagged against the agency.
	const researchCents = Math.ceil((appliedRate * chargeableMinutes) / 60);
	const paperCopiesCents = paperPages * Math.min(paperRate, PAPER_PAGE_MAX_CENTS);
	const policyMissing = input.feePolicyPublished === false;
	const allowed: AllowedFees = policyMissing
		? { researchCents: 0, paperCopiesCents: 0, totalCents: 0 }
		: { researchCents, paperCopiesCents, totalCents: researchCents + paperCopiesCents };

	const codes: FeeIssueCode[] = [];
	if (rate > cap.cents) codes.push('hourly_rate_above_cap');
	if (agencyResearch !== null && agencyResearch > researchCents) {
		codes.push('research_charge_above_allowed');
		if (totalMinutes > 0 && agencyResearch >= Math.floor((rate * totalMinutes) / 60)) codes.push('first_hour_charged');
	}
	if (paperPages > 0 && paperRate > PAPER_PAGE_MAX_CENTS) codes.push('paper_page_rate_above_limit');
	if (digitalRate > 0 && (digitalPages > 0 || input.digitalPages === undefined)) codes.push('digital_per_page_fee');
	if (emailCharge > 0) codes.push('email_fee');
	const anyCharge = (agencyTotal ?? 0) > 0 || researchCents + paperCopiesCents > 0;
	if (policyMissing && anyCharge) codes.push('no_published_fee_policy');
	if (agencyTotal !== null && agencyTotal > allowed.totalCents) codes.push('total_above_allowed');
	if (cap.mayBeOutdated) codes.push('cap_may_be_outdated');

	const issues = codes.map((code) => describeFeeIssue(code, { cap, rate, paperRate, agencyTotal, allowed }));
	return {
		cap,
		appliedHourlyRateCents: appliedRate,
		chargeableMinutes,
		allowed,
		exceedsLegalLimit: issues.some((issue) => issue.severity === 'exceeds_law'),
		issues
	};
}
