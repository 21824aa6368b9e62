/**
 * The 1200×630 social card of a /stats view as SVG: title, the view's filters in words and the
 * headline figures, counts exactly as the page shows them (suppression applied by the database).
 * Pure: no I/O, so it is tested directly; /stats/card.png renders it to PNG.
 */
import { countInWords, type StatsDocument } from '$lib/stats/document';
import type { StatsFilters } from '$lib/stats/filters';
import { fillWords, statsWords, type StatsWords } from '$lib/stats/strings';
import { clipToLine, fittingSize, LINE_WIDTH, MARGIN, type Weight } from './text-fit';

/** Two figures side by side: each has the width of its column, less a gap. */
const COLUMN = 560;
const FIGURE_WIDTH = COLUMN - 40;

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
			const x = MARGIN + (i % 2) * COLUMN;
			const y = 250 + Math.floor(i / 2) * 160;
			const big = line(value, 64, 44, 'bold', FIGURE_WIDTH);
			const small = line(label, 30, 22, 'regular', FIGURE_WIDTH);
			return `<text x="${x}" y="${y + 70}" font-weight="bold" font-size="${big.size}" fill="#111">${escapeXml(big.text)}</text><text x="${x}" y="${y + 115}" font-size="${small.size}" fill="#333">${escapeXml(small.text)}</text>`;
		})
		.join('');
	// Each line stays between the margins in every language: smaller first, then cut at a word.
	const title = line(w.title, 48, 34, 'bold');
	const filterLine = line(filtersInWords(doc, filters, w), 30, 24);
	const footer = line(fillWords(w.cardFooter, { k1: doc.suppression_threshold - 1 }), 24, 18);
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="DejaVu Sans">
<rect width="100%" height="100%" fill="#fff"/><rect width="100%" height="14" fill="#1d4ed8"/>
<text x="${MARGIN}" y="110" font-weight="bold" font-size="${title.size}" fill="#111">${escapeXml(title.text)}</text>
<text x="${MARGIN}" y="175" font-size="${filterLine.size}" fill="#333">${escapeXml(filterLine.text)}</text>
${boxes}
<text x="${MARGIN}" y="600" font-size="${footer.size}" fill="#555">${escapeXml(footer.text)}</text>
</svg>`;
}

/** One line of the card: the largest size from `size` to `min` that fits in `width`, the text cut at a word if even `min` does not. */
function line(text: string, size: number, min: number, weight: Weight = 'regular', width = LINE_WIDTH): { text: string; size: number } {
	const fit = fittingSize(text, size, min, weight, width);
	return { text: clipToLine(text, fit, weight, width), size: fit };
}
