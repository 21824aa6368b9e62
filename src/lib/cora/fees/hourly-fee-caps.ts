/**
 * Maximum hourly research-and-retrieval fee (C.R.S. 24-72-205), as data.
 *
 * Set by HB14-1193 at $30 and adjusted every five years by the
 * Denver-Aurora-Lakewood CPI: $33.58 from 2019, $41.37 from 2024-07-01
 * (colabnews.co); next adjustment due 2029-07-01 (SOURCES.md §"Fees").
 * The start days of the first two entries are inferred, not stated by a source
 * (see `verified`), so callers may pass their own schedule.
 */
import { compareDates, type IsoDate } from '../calendar/calendar-date';

export interface HourlyFeeCap {
	/** First day the cap applies. */
	from: IsoDate;
	cents: number;
	source: string;
	/** False when the start day is inferred rather than stated by the source. */
	verified: boolean;
}

export const HOURLY_FEE_CAPS: readonly HourlyFeeCap[] = [
	{
		from: '2014-07-01',
		cents: 3000,
		source: 'HB14-1193 sets $30 (CORA.md); the 2014-07-01 start day comes from issue 4, not from a cited source',
		verified: false
	},
	{
		from: '2019-07-01',
		cents: 3358,
		source: 'CORA.md: "$33.58 from 2019", five-yearly CPI adjustment; the July 1 day is inferred from the 2024-07-01 cycle',
		verified: false
	},
	{ from: '2024-07-01', cents: 4137, source: 'colabnews.co article on the 2024 increase', verified: true }
];

/** After this day the newest cap above may have been replaced by a CPI adjustment not yet recorded here. */
export const NEXT_FEE_CAP_ADJUSTMENT: IsoDate = '2029-07-01';

export interface HourlyFeeCapOnDate extends HourlyFeeCap {
	/** True on or after NEXT_FEE_CAP_ADJUSTMENT: check whether a newer cap applies. */
	mayBeOutdated: boolean;
}

/** The cap in force on `onDate`, or null before the first known cap. */
export function hourlyFeeCapOn(
	onDate: IsoDate,
	schedule: readonly HourlyFeeCap[] = HOURLY_FEE_CAPS,
	nextAdjustment: IsoDate = NEXT_FEE_CAP_ADJUSTMENT
): HourlyFeeCapOnDate | null {
	const inForce = [...schedule]
		.sort((a, b) => compareDates(a.from, b.from))
		.filter((cap) => compareDates(cap.from, onDate) <= 0)
		.at(-1);
	if (!inForce) return null;
	return { ...inForce, mayBeOutdated: compareDates(onDate, nextAdjustment) >= 0 };
}
