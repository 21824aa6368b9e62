import { describe, expect, it } from 'vitest';
import { clipToLine, estimatedWidth, fittingSize, LINE_WIDTH } from './text-fit';

describe('fitting card text between the margins', () => {
	it('keeps the size a short line has, and shrinks a long one only as far as it must', () => {
		expect(fittingSize('Disclosures', 48, 34, 'bold')).toBe(48);
		const long = 'Datos entregados a las autoridades de inmigración';
		const size = fittingSize(long, 48, 34, 'bold');
		expect(size).toBeLessThan(48);
		expect(estimatedWidth(long, size, 'bold')).toBeLessThanOrEqual(LINE_WIDTH);
		expect(estimatedWidth(long, size + 1, 'bold')).toBeGreaterThan(LINE_WIDTH);
	});

	it('stops at the smallest size even when the text still does not fit', () => {
		expect(fittingSize('x'.repeat(500), 30, 24)).toBe(24);
	});

	it('cuts a line that does not fit at a word, with an ellipsis, never after a separator', () => {
		const text = 'Colorado Department of Labor and Employment · 2025-Q1 – 2025-Q4 · Kind of data: Address · Legal process: Administrative subpoena';
		const clipped = clipToLine(text, 30);
		expect(clipped.endsWith('…')).toBe(true);
		expect(estimatedWidth(clipped, 30)).toBeLessThanOrEqual(LINE_WIDTH);
		const kept = clipped.slice(0, -1);
		expect(text.startsWith(kept)).toBe(true);
		expect(text[kept.length]).toMatch(/[\s·]/u);
		expect(kept).not.toMatch(/[\s·,;:–—-]$/u);
	});

	it('cuts inside a word only when a single word is too long, and leaves a fitting line alone', () => {
		const word = 'a'.repeat(200);
		const clipped = clipToLine(word, 30);
		expect(clipped).toMatch(/^a+…$/u);
		expect(estimatedWidth(clipped, 30)).toBeLessThanOrEqual(LINE_WIDTH);
		expect(clipToLine('All agencies · all periods', 30)).toBe('All agencies · all periods');
	});

	it('measures a narrower width when given one', () => {
		expect(fittingSize('fewer than 11', 64, 44, 'bold', 520)).toBeLessThan(64);
		expect(clipToLine('fewer than 11', 64, 'bold', 520)).not.toBe('fewer than 11');
	});
});
