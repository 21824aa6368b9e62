import { describe, expect, it } from 'vitest';
import { checkFeeEstimate, type FeeEstimateInput } from './fee-estimate-check';
import { formatCents } from './fee-issues';

const base: FeeEstimateInput = { estimatedOn: '2025-01-10', researchHours: 3 };

describe('allowed fees', () => {
	it.each<[string, Partial<FeeEstimateInput>, number, number]>([
		['3 h at the cap: first hour free', {}, 8274, 0],
		['1 h: all free', { researchHours: 1 }, 0, 0],
		['0.5 h: all free', { researchHours: 0.5 }, 0, 0],
		['1.5 h: 30 min, rounded up to the cent', { researchHours: 1.5 }, 2069, 0],
		['1.1 h: 6 min without float error', { researchHours: 1.1 }, 414, 0],
		['agency rate below the cap ($20, OIT)', { hourlyRateCents: 2000 }, 4000, 0],
		['100 paper pages', { paperPages: 100 }, 8274, 2500],
		['paper rate below $0.25', { paperPages: 10, paperPageRateCents: 10 }, 8274, 100],
		['2019 cap $33.58', { estimatedOn: '2020-03-01' }, 6716, 0],
		['2014 cap $30', { estimatedOn: '2016-03-01' }, 6000, 0]
	])('%s', (_name, input, research, paper) => {
		const result = checkFeeEstimate({ ...base, ...input });
		expect(result.allowed).toEqual({ researchCents: research, paperCopiesCents: paper, totalCents: research + paper });
	});
});

describe('flags estimates above what the law allows', () => {
	it.each<[string, Partial<FeeEstimateInput>, string[]]>([
		['hourly rate above the 2024 cap', { hourlyRateCents: 5000 }, ['hourly_rate_above_cap']],
		['2024 rate used before 2024-07-01', { estimatedOn: '2024-06-30', hourlyRateCents: 4137 }, ['hourly_rate_above_cap']],
		['first hour charged', { agencyResearchCents: 3 * 4137 }, ['research_charge_above_allowed', 'first_hour_charged']],
		['research charge above allowed', { agencyResearchCents: 9000 }, ['research_charge_above_allowed']],
		['paper pages at $0.30', { paperPages: 10, paperPageRateCents: 30 }, ['paper_page_rate_above_limit']],
		['per-page fee for digital records', { digitalPages: 500, digitalPageRateCents: 5 }, ['digital_per_page_fee']],
		['fee for emailing', { emailChargeCents: 500 }, ['email_fee']],
		['total above allowed', { agencyTotalCents: 8275 }, ['total_above_allowed']],
		['no published fee policy', { feePolicyPublished: false, agencyTotalCents: 1000 }, ['no_published_fee_policy', 'total_above_allowed']]
	])('%s', (_name, input, codes) => {
		const result = checkFeeEstimate({ ...base, ...input });
		expect(result.issues.map((i) => i.code)).toEqual(codes);
		expect(result.exceedsLegalLimit).toBe(true);
		for (const issue of result.issues) expect(issue.message).toMatch(/\S/);
	});

	it('caps the applied rate at the maximum when the agency asks for more', () => {
		const result = checkFeeEstimate({ ...base, hourlyRateCents: 5000 });
		expect(result.appliedHourlyRateCents).toBe(4137);
		expect(result.issues[0]?.message).toContain('$41.37');
	});

	it('allows nothing without a published fee policy', () => {
		expect(checkFeeEstimate({ ...base, feePolicyPublished: false }).allowed.totalCents).toBe(0);
	});
});

describe('accepts lawful estimates', () => {
	it.each<[string, Partial<FeeEstimateInput>]>([
		['exactly the allowed total', { agencyTotalCents: 8274 + 2500, paperPages: 100 }],
		['below the cap', { hourlyRateCents: 2000, agencyTotalCents: 4000 }],
		['digital records with no per-page fee', { digitalPages: 500 }],
		['a published fee policy', { feePolicyPublished: true, agencyTotalCents: 8274 }]
	])('%s', (_name, input) => {
		const result = checkFeeEstimate({ ...base, ...input });
		expect(result.issues).toEqual([]);
		expect(result.exceedsLegalLimit).toBe(false);
	});

	it('only cautions when the cap may have been adjusted since', () => {
		const result = checkFeeEstimate({ ...base, estimatedOn: '2029-07-01' });
		expect(result.issues.map((i) => [i.code, i.severity])).toEqual([['cap_may_be_outdated', 'caution']]);
		expect(result.exceedsLegalLimit).toBe(false);
	});
});

describe('rejects malformed input', () => {
	it.each<[string, Partial<FeeEstimateInput>]>([
		['negative hours', { researchHours: -1 }],
		['NaN hours', { researchHours: Number.NaN }],
		['fractional cents', { hourlyRateCents: 41.37 }],
		['fractional pages', { paperPages: 1.5 }],
		['bad date', { estimatedOn: '2025-02-30' }],
		['date before any cap', { estimatedOn: '2014-06-30' }]
	])('%s', (_name, input) => {
		expect(() => checkFeeEstimate({ ...base, ...input })).toThrow(RangeError);
	});
});

describe('formatCents', () => {
	it.each([
		[0, '$0.00'],
		[4137, '$41.37'],
		[123456, '$1,234.56'],
		[-5, '-$0.05']
	])('%i → %s', (cents, text) => {
		expect(formatCents(cents)).toBe(text);
	});
});
