/**
 * Checks a fee estimate as typed against C.R.S. 24-72-205 with the CORA
 * engine's checkFeeEstimate (the hourly cap in force on the estimate's date,
 * the free first hour, $0.25 per paper page). Only what the form gives is
 * checked: without the hours, the total cannot be judged.
 */
import { checkFeeEstimate, type FeeCheck, type IsoDate } from '$lib/cora';
import { parseMoney } from './event-forms';

export interface FeeFormValues {
	amount?: string;
	hours?: string;
	hourly_rate?: string;
}

const cents = (dollars: number) => Math.round(dollars * 100);

/** Null when nothing can be checked yet (no rate and no hours) or the date is outside the engine's calendar. */
export function checkFeeForm(values: FeeFormValues, estimatedOn: IsoDate): FeeCheck | null {
	const rate = values.hourly_rate ? parseMoney(values.hourly_rate) : null;
	const hoursText = (values.hours ?? '').trim().replace(',', '.');
	const hours = /^\d{1,5}(\.\d{1,2})?$/.test(hoursText) ? Number(hoursText) : null;
	const amount = values.amount ? parseMoney(values.amount) : null;
	if (rate === null && hours === null) return null;
	try {
		return checkFeeEstimate({
			estimatedOn,
			researchHours: hours ?? 0,
			...(rate !== null ? { hourlyRateCents: cents(rate) } : {}),
			// The quoted total can only be judged against the hours it pays for.
			...(hours !== null && amount !== null ? { agencyTotalCents: cents(amount) } : {})
		});
	} catch {
		return null;
	}
}
