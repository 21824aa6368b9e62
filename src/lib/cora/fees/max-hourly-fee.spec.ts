import { describe, expect, it } from 'vitest';
import { hourlyFeeCapOn } from './hourly-fee-caps';
import { maxHourlyFee, maxHourlyFeeCents } from './max-hourly-fee';

describe('maxHourlyFee (C.R.S. 24-72-205)', () => {
	it.each([
		['2014-07-01', 30],
		['2019-06-30', 30],
		['2019-07-01', 33.58],
		['2024-06-30', 33.58],
		['2024-07-01', 41.37],
		['2026-05-01', 41.37],
		['2030-01-01', 41.37]
	])('on %s is $%s', (date, dollars) => {
		expect(maxHourlyFee(date)).toBe(dollars);
		expect(maxHourlyFeeCents(date)).toBe(Math.round(dollars * 100));
	});

	it.each(['2014-06-30', '2010-01-01'])('has no recorded cap on %s', (date) => {
		expect(() => maxHourlyFee(date)).toThrow(RangeError);
	});

	it('rejects a malformed date', () => {
		expect(() => maxHourlyFee('2024-7-1')).toThrow(RangeError);
	});

	it('accepts a caller-supplied schedule', () => {
		const schedule = [{ from: '2029-07-01', cents: 4500, source: 'test', verified: false }];
		expect(maxHourlyFee('2029-07-01', schedule)).toBe(45);
		expect(() => maxHourlyFee('2029-06-30', schedule)).toThrow(RangeError);
	});
});

describe('hourlyFeeCapOn', () => {
	it('marks inferred start days as unverified and the 2024 cap as verified', () => {
		expect(hourlyFeeCapOn('2015-01-01')?.verified).toBe(false);
		expect(hourlyFeeCapOn('2024-07-01')?.verified).toBe(true);
	});

	it('warns that the cap may be outdated from the next five-yearly adjustment', () => {
		expect(hourlyFeeCapOn('2029-06-30')?.mayBeOutdated).toBe(false);
		expect(hourlyFeeCapOn('2029-07-01')?.mayBeOutdated).toBe(true);
	});

	it('returns null before the first cap', () => {
		expect(hourlyFeeCapOn('2014-06-30')).toBeNull();
	});
});
