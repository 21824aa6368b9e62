import { describe, expect, it } from 'vitest';
import { statsCsv } from './csv';
import type { StatsDocument } from './document';

const row = (key: string, findings: number, people: number | string, records: number | string) => ({ key, findings, people, records, findings_with_unknown_people: 0, findings_with_unknown_records: 1 });

const doc: StatsDocument = {
	suppression_threshold: 11,
	min_requests_to_compare: 5,
	filters: { agency: null, from: null, to: null, category: null, legal_process: null },
	headline: { findings: 3, people: 43, records: '<11', findings_with_unknown_people: 1, findings_with_unknown_records: 0, agencies: 1, requests_with_findings: 1, published_requests: 2, period_start: null, period_end: null, latest_response_on: null },
	warrant: { court_authorised: { findings: 1, people: 31, records: 31 }, not_court_authorised: { findings: 2, people: 'hidden', records: 'hidden' } },
	by_agency: [{ agency_id: 'a1', name: '=HYPERLINK("http://evil")', abbreviation: null, findings: 3, people: 43, records: '<11', legal_process: {}, cora: { requests: 1, comparable: false } }],
	by_category: [row('address', 2, '<11', 'hidden')],
	by_legal_process: [],
	by_recipient: [],
	by_quarter: [row('2025-Q1', 3, 43, 12)]
};

describe('statsCsv', () => {
	const lines = statsCsv(doc).trimEnd().split('\r\n');

	it('writes one row per published cell with suppressed counts as the page shows them', () => {
		expect(lines[0]).toBe('section,key,label,findings,people,records,findings_with_unknown_people,findings_with_unknown_records');
		expect(lines[1]).toBe('headline,total,All published findings,3,43,<11,1,0');
		expect(lines).toContain('warrant,not_court_authorised,not_court_authorised,2,hidden,hidden,,');
		expect(lines).toContain('category,address,address,2,<11,hidden,0,1');
		expect(lines).toContain('quarter,2025-Q1,2025-Q1,3,43,12,0,1');
	});

	it('never lets an agency name run as a spreadsheet formula', () => {
		expect(lines).toContain(`agency,a1,"'=HYPERLINK(""http://evil"")",3,43,<11,,`);
	});
});
