/**
 * /stats.csv: exactly the numbers the page shows, suppression applied, one
 * row per cell: section, key, label, findings, people, records (a count, "<K"
 * or "hidden"), findings with unknown people / records. Written by the
 * project's CSV writer (RFC 4180, formula injection neutralised).
 */
import { writeCsv, type CsvColumn } from '$lib/export/csv';
import type { StatsDocument, SuppressedCount } from './document';

interface CsvRow {
	section: string;
	key: string;
	label: string;
	findings: number;
	people: SuppressedCount;
	records: SuppressedCount;
	unknownPeople?: number;
	unknownRecords?: number;
}

const COLUMNS: CsvColumn<CsvRow>[] = [
	{ header: 'section', value: (r) => r.section },
	{ header: 'key', value: (r) => r.key },
	{ header: 'label', value: (r) => r.label },
	{ header: 'findings', value: (r) => r.findings },
	{ header: 'people', value: (r) => r.people },
	{ header: 'records', value: (r) => r.records },
	{ header: 'findings_with_unknown_people', value: (r) => r.unknownPeople },
	{ header: 'findings_with_unknown_records', value: (r) => r.unknownRecords }
];

export function statsCsv(doc: StatsDocument): string {
	const h = doc.headline;
	const rows: CsvRow[] = [
		{ section: 'headline', key: 'total', label: 'All published findings', ...h, unknownPeople: h.findings_with_unknown_people, unknownRecords: h.findings_with_unknown_records }
	];
	for (const [key, g] of Object.entries(doc.warrant)) rows.push({ section: 'warrant', key, label: key, ...g });
	for (const a of doc.by_agency) rows.push({ section: 'agency', key: a.agency_id, label: a.name, findings: a.findings, people: a.people, records: a.records });
	const sections = [['category', doc.by_category], ['legal_process', doc.by_legal_process], ['recipient', doc.by_recipient], ['quarter', doc.by_quarter]] as const;
	for (const [section, list] of sections) {
		for (const r of list) rows.push({ section, label: r.key, ...r, unknownPeople: r.findings_with_unknown_people, unknownRecords: r.findings_with_unknown_records });
	}
	return writeCsv(COLUMNS, rows);
}
