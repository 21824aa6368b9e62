import { assertIsoDate, type IsoDate } from '../calendar/calendar-date';
import { HOURLY_FEE_CAPS, hourlyFeeCapOn, type HourlyFeeCap } from './hourly-fee-caps';

/** The cap in cents on `onDate` (C.R.S. 24-72-205); throws RangeError before the first known cap. */
export function maxHourlyFeeCents(onDate: IsoDate, schedule: readonly HourlyFeeCap[] = HOURLY_FEE_CAPS): number {
	assertIsoDate(onDate, 'onDate');
	const cap = hourlyFeeCapOn(onDate, schedule);
	if (!cap) throw new RangeError(`no statutory hourly fee cap is recorded for ${onDate}`);
	return cap.cents;
}

/** The cap in dollars on `onDate`, e.g. 41.37 from 2024-07-01. */
export function maxHourlyFee(onDate: IsoDate, schedule: readonly HourlyFeeCap[] = HOURLY_FEE_CAPS): number {
	return maxHourlyFeeCents(onDate, schedule) / 100;
}
