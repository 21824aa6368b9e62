import { describe, expect, it } from 'vitest';
import { statsDataPackage } from './datapackage';
import { statsCsv } from './csv';
import type { StatsDocument } from './document';

const doc = {
	suppression_threshold: 11,
	min_requests_to_compare: 5,
	filters: { agency: null, from: null, to: null, category: null, legal_process: null },
	headline: { findings: 3, people: '<11', records: 40, findings_with_unknown_people: 0, findings_with_unknown_records: 1, agencies: 1, requests_with_findings: 1, published_requests: 2, period_start: null, period_end: null, latest_response_on: null },
	warrant: { court_authorised: { findings: 0, people: 0, records: 0 }, not_court_authorised: { findings: 3, people: '<11', records: 40 } },
	by_agency: [],
	by_category: [{ key: 'address', findings: 3, people: 'hidden', records: 40, findings_with_unknown_people: 0, findings_with_unknown_records: 1 }],
	by_legal_process: [],
	by_recipient: [],
	by_quarter: []
} satisfies StatsDocument;

describe('the data package', () => {
	it('describes exactly the columns /stats.csv has, in order, and every cell fits its field', () => {
		const pkg = statsDataPackage('https://disclose.example.org');
		const fields = pkg.resources[0]!.schema!.fields;
		const [header, ...rows] = statsCsv(doc).trim().split('\r\n').map((line) => line.split(','));
		expect(fields.map((f) => f.name)).toEqual(header);
		for (const row of rows) {
			row.forEach((cell, i) => {
				const field = fields[i]!;
				if (cell === '') return;
				if (field.type === 'integer') expect(cell).toMatch(/^\d+$/);
				if ('constraints' in field && field.constraints && 'pattern' in field.constraints) expect(cell).toMatch(new RegExp(field.constraints.pattern));
			});
		}
		expect(pkg.resources.map((r) => r.path)).toEqual(['https://disclose.example.org/stats.csv', 'https://disclose.example.org/stats.json']);
		expect(pkg.licenses[0]!.name).toBe('CC-BY-4.0');
	});
});
