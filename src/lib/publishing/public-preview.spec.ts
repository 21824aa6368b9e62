import { describe, expect, it } from 'vitest';
import { publicPreview, type PreviewFinding } from './public-preview';

const finding = (over: Partial<PreviewFinding> = {}): PreviewFinding => ({
	agencyName: 'Department of Revenue',
	dataCategories: ['address'],
	peopleCount: 10,
	recordsCount: 12,
	legalProcess: 'administrative_subpoena',
	recipient: 'ice',
	periodStart: null,
	periodEnd: null,
	...over
});

describe('what publishing a request makes public', () => {
	it('is nothing but a published request when it has no findings', () => {
		const preview = publicPreview([]);
		expect(preview.total).toEqual({ key: 'all', findings: 0, people: 0, records: 0, unknownPeople: 0, unknownRecords: 0 });
		expect(preview.byAgency).toEqual([]);
		expect(preview.periodStart).toBeNull();
	});

	it('sums people and records per agency, legal process and recipient', () => {
		const preview = publicPreview([finding(), finding({ peopleCount: 5, recordsCount: 5, recipient: 'cbp' })]);
		expect(preview.total).toMatchObject({ findings: 2, people: 15, records: 17 });
		expect(preview.byAgency).toEqual([{ key: 'Department of Revenue', findings: 2, people: 15, records: 17, unknownPeople: 0, unknownRecords: 0 }]);
		expect(preview.byLegalProcess).toMatchObject([{ key: 'administrative_subpoena', findings: 2 }]);
		expect(preview.byRecipient.map((r) => [r.key, r.people])).toEqual([
			['cbp', 5],
			['ice', 10]
		]);
	});

	it('counts a finding in each data category it names, as the public counts do (so categories need not add up)', () => {
		const preview = publicPreview([finding({ dataCategories: ['address', 'employer'] }), finding({ dataCategories: ['employer'] })]);
		expect(preview.byCategory.map((c) => [c.key, c.findings, c.people])).toEqual([
			['employer', 2, 20],
			['address', 1, 10]
		]);
		expect(preview.total.findings).toBe(2);
	});

	it('says how many findings left a count unknown instead of counting them as zero', () => {
		const preview = publicPreview([finding({ peopleCount: null }), finding({ recordsCount: null })]);
		expect(preview.total).toMatchObject({ people: 10, unknownPeople: 1, records: 12, unknownRecords: 1 });
	});

	it('covers the period from the earliest start to the latest end any finding gives', () => {
		const preview = publicPreview([
			finding({ periodStart: '2025-02-01', periodEnd: '2025-03-31' }),
			finding({ periodStart: '2024-11-15', periodEnd: null }),
			finding({ periodStart: null, periodEnd: '2025-06-30' })
		]);
		expect([preview.periodStart, preview.periodEnd]).toEqual(['2024-11-15', '2025-06-30']);
	});
});
