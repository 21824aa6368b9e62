/**
 * The 1200×630 social card of a /stats view as SVG: title, the view's filters in words and the
 * headline figures, counts exactly as the page shows them (suppression applied by the database).
 * Pure: no I/O, so it is tested directly; /stats/card.png renders it to PNG.
 */
import { countInWords, type StatsDocument } from '$lib/stats/document';
import type { StatsFilters } from '$lib/stats/filters';
import { fillWords, statsWords, type StatsWords } from '$lib/stats/strings';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The view's filters in words ("All agencies · all periods" when none). */
export function filtersInWords(doc: StatsDocument, filters: StatsFilters, w: StatsWords): string {
	const parts: string[] = [];
	if (filters.agency) parts.push(doc.by_agency.find((a) => a.agency_id === filters.agency)?.name ?? w.agency);
	if (filters.from || filters.to) parts.push(`${filters.from ?? '…'} – ${filters.to ?? '…'}`);
	if (filters.category) parts.push(`${w.category}: ${w.categories[filters.category]}`);
	if (filters.legal) parts.push(`${w.legal}: ${w.processes[filters.legal]}`);
	return parts.length ? parts.join(' · ') : w.cardAllView;
}

export function cardSvg(doc: StatsDocument, filters: StatsFilters, locale: string): string {
	const w = statsWords(locale);
	const count = (c: number | string) => countInWords(c, { fewerThan: w.fewerThan, hidden: w.hidden }, locale);
	const h = doc.headline;
	const figures: [string, string][] = [
		[w.findings, count(h.findings)],
		[w.agencies, count(h.agencies)],
		[w.people, count(h.people)],
		[w.records, count(h.records)]
	];
	const boxes = figures
		.map(([label, value], i) => {
			const x = 60 + (i % 2) * 560;
			const y = 250 + Math.floor(i / 2) * 160;
			return `<text x="${x}" y="${y + 70}" font-weight="bold" font-size="64" fill="#111">${escapeXml(value)}</text><text x="${x}" y="${y + 115}" font-size="30" fill="#333">${escapeXml(label)}</text>`;
		})
		.join('');
	const filterLine = filtersInWords(doc, filters, w);
	const clipped = filterLine.length > 70 ? `${filterLine.slice(0, 69)}…` : filterLine;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="DejaVu Sans">
<rect width="100%" height="100%" fill="#fff"/><rect width="100%" height="14" fill="#1d4ed8"/>
<text x="60" y="110" font-weight="bold" font-size="48" fill="#111">${escapeXml(w.title)}</text>
<text x="60" y="175" font-size="30" fill="#333">${escapeXml(clipped)}</text>
${boxes}
<text x="60" y="600" font-size="24" fill="#555">${escapeXml(fillWords(w.cardFooter, { k1: doc.suppression_threshold - 1 }))}</text>
</svg>`;
}
