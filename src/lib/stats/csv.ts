/**
 * /stats.csv: exactly the numbers the page shows, suppression applied, one
 * row per cell: section, key, label, findings, people, records (a count, "<K"
 * or "hidden"), findings with unknown people / records.
 */
import type { StatsDocument, SuppressedCount } from './document';

const HEADER = ['section', 'key', 'label', 'findings', 'people', 'records', 'findings_with_unknown_people', 'findings_with_unknown_records'];

function cell(value: string | number | null | undefined): string {
	const text = value === null || value === undefined ? '' : String(value);
	return /[",\n\r]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function statsCsv(doc: StatsDocument): string {
	const rows: (string | number | SuppressedCount | null)[][] = [HEADER];
	const h = doc.headline;
	rows.push(['headline', 'total', 'All published findings', h.findings, h.people, h.records, h.findings_with_unknown_people, h.findings_with_unknown_records]);
	for (const [key, g] of Object.entries(doc.warrant)) rows.push(['warrant', key, key, g.findings, g.people, g.records, null, null]);
	for (const a of doc.by_agency) rows.push(['agency', a.agency_id, a.name, a.findings, a.people, a.records, null, null]);
	const sections = [['category', doc.by_category], ['legal_process', doc.by_legal_process], ['recipient', doc.by_recipient], ['quarter', doc.by_quarter]] as const;
	for (const [section, list] of sections) {
		for (const r of list) rows.push([section, r.key, r.key, r.findings, r.people, r.records, r.findings_with_unknown_people, r.findings_with_unknown_records]);
	}
	return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
