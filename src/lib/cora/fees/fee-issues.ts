/** Codes and English messages for problems found in an agency's fee estimate. */
import type { HourlyFeeCapOnDate } from './hourly-fee-caps';

export type FeeIssueCode =
	| 'hourly_rate_above_cap'
	| 'research_charge_above_allowed'
	| 'first_hour_charged'
	| 'paper_page_rate_above_limit'
	| 'digital_per_page_fee'
	| 'email_fee'
	| 'no_published_fee_policy'
	| 'total_above_allowed'
	| 'cap_may_be_outdated';

export interface FeeIssue {
	code: FeeIssueCode;
	/** 'exceeds_law': the agency asks for more than C.R.S. 24-72-205 allows; 'caution': check by hand. */
	severity: 'exceeds_law' | 'caution';
	message: string;
}

export interface FeeIssueContext {
	cap: HourlyFeeCapOnDate;
	rate: number;
	paperRate: number;
	agencyTotal: number | null;
	allowed: { totalCents: number };
}

/** `1234` → "$12.34". */
export function formatCents(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	return `${sign}$${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

export function describeFeeIssue(code: FeeIssueCode, c: FeeIssueContext): FeeIssue {
	const exceeds = (message: string): FeeIssue => ({ code, severity: 'exceeds_law', message });
	switch (code) {
		case 'hourly_rate_above_cap':
			return exceeds(
				`The hourly rate ${formatCents(c.rate)} is above the maximum of ${formatCents(c.cap.cents)} in force since ${c.cap.from} (C.R.S. 24-72-205).`
			);
		case 'research_charge_above_allowed':
			return exceeds('The research and retrieval charge is more than the hours after the first, at the allowed rate (C.R.S. 24-72-205).');
		case 'first_hour_charged':
			return exceeds('The first hour of research and retrieval must be free (C.R.S. 24-72-205).');
		case 'paper_page_rate_above_limit':
			return exceeds(`Paper copies are charged at ${formatCents(c.paperRate)} per page; the maximum is $0.25 per standard page (C.R.S. 24-72-205).`);
		case 'digital_per_page_fee':
			return exceeds('A per-page fee is charged for digital records; the 2023 amendment to C.R.S. 24-72-205 allows none.');
		case 'email_fee':
			return exceeds('Emailing records is not chargeable (C.R.S. 24-72-205).');
		case 'no_published_fee_policy':
			return exceeds('An agency may charge fees only under a fee policy published beforehand (C.R.S. 24-72-205).');
		case 'total_above_allowed':
			return exceeds(
				`The estimate of ${formatCents(c.agencyTotal ?? 0)} is above the ${formatCents(c.allowed.totalCents)} the law allows for this work.`
			);
		case 'cap_may_be_outdated':
			return {
				code,
				severity: 'caution',
				message: `The hourly cap is adjusted every five years; check whether a cap newer than ${formatCents(c.cap.cents)} applies on this date.`
			};
	}
}
