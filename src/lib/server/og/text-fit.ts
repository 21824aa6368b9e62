/**
 * Fitting a line of card text between the card's margins. The card is rendered without a text-layout engine,
 * so widths are estimated from DejaVu Sans's average advance per character (measured on the rendered cards:
 * about 0.57 em regular, 0.63 em bold for Latin text with accents); the estimate errs wide.
 */
export const MARGIN = 60;
export const LINE_WIDTH = 1200 - 2 * MARGIN;

export type Weight = 'regular' | 'bold';
const EM_PER_CHAR: Record<Weight, number> = { regular: 0.57, bold: 0.63 };

export function estimatedWidth(text: string, size: number, weight: Weight = 'regular'): number {
	return [...text].length * size * EM_PER_CHAR[weight];
}

/** The largest font size from `size` down to `min` at which the text fits in `width` (`min` when none does). */
export function fittingSize(text: string, size: number, min: number, weight: Weight = 'regular', width = LINE_WIDTH): number {
	let fit = size;
	while (fit > min && estimatedWidth(text, fit, weight) > width) fit--;
	return fit;
}

/** Separators a cut line must not end on ("… · …" would read as a filter left out). */
const TRAILING = /[\s·,;:–—-]+$/u;

/** The text if it fits in `width` at `size`, else cut at a word with "…" (inside a word only when one word is too long). */
export function clipToLine(text: string, size: number, weight: Weight = 'regular', width = LINE_WIDTH): string {
	if (estimatedWidth(text, size, weight) <= width) return text;
	const chars = [...text];
	let cut = chars.length;
	while (cut > 0 && estimatedWidth(chars.slice(0, cut).join('') + '…', size, weight) > width) cut--;
	let kept = chars.slice(0, cut).join('');
	const atWord = kept.slice(0, kept.search(/\s\S*$/u));
	if (chars[cut] !== ' ' && /\s/u.test(kept) && atWord.replace(TRAILING, '')) kept = atWord;
	return `${kept.replace(TRAILING, '')}…`;
}
