import { describe, expect, it } from 'vitest';
import { CRLF, escapeText, foldLine, formatDate, formatUtcDateTime, nextDay } from './icalendar-text';

const octets = (text: string) => new TextEncoder().encode(text).length;

describe('escaping TEXT values', () => {
	it('escapes backslash, semicolon and comma', () => {
		expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
	});
	it('writes every kind of line break as \\n', () => {
		expect(escapeText('one\r\ntwo\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour');
	});
	it('escapes a backslash before adding the escapes of its own', () => {
		expect(escapeText('C:\\new,')).toBe('C:\\\\new\\,');
	});
	it('drops control characters that have no place in a content line', () => {
		expect(escapeText('bell\u0007 tab\tnull\u0000')).toBe('bell tab\tnull');
	});
	it('leaves colons, quotes and non-ASCII letters alone', () => {
		expect(escapeText('Due: “Departamento” — año')).toBe('Due: “Departamento” — año');
	});
});

describe('folding content lines', () => {
	it('leaves a line of 75 octets as it is', () => {
		const line = 'X'.repeat(75);
		expect(foldLine(line)).toBe(line);
	});
	it('folds a longer line with CRLF and a space, no physical line over 75 octets', () => {
		const line = `SUMMARY:${'a'.repeat(200)}`;
		const folded = foldLine(line);
		const physical = folded.split(CRLF);
		expect(physical.length).toBe(3);
		for (const part of physical) expect(octets(part)).toBeLessThanOrEqual(75);
		expect(physical.slice(1).every((part) => part.startsWith(' '))).toBe(true);
		expect(folded.replace(/\r\n /g, '')).toBe(line);
	});
	it('counts octets, not characters, and never splits a multi-byte character', () => {
		const line = `SUMMARY:${'ñ'.repeat(60)}${'😀'.repeat(20)}—`;
		const folded = foldLine(line);
		const physical = folded.split(CRLF);
		for (const part of physical) {
			expect(octets(part)).toBeLessThanOrEqual(75);
			expect(part).not.toContain('\uFFFD');
			// A lone surrogate would mean an emoji was cut in half.
			expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(part)).toBe(false);
		}
		expect(octets(physical[0]!)).toBeGreaterThan(72);
		expect(folded.replace(/\r\n /g, '')).toBe(line);
	});
	it('keeps an empty line empty', () => {
		expect(foldLine('')).toBe('');
	});
});

describe('dates', () => {
	it('writes an ISO date as a DATE value', () => {
		expect(formatDate('2025-03-06')).toBe('20250306');
	});
	it('refuses anything that is not an ISO date', () => {
		expect(() => formatDate('06/03/2025')).toThrow(RangeError);
		expect(() => nextDay('2025-3-6')).toThrow(RangeError);
	});
	it('finds the next day across month, year and leap-day boundaries', () => {
		expect(nextDay('2025-03-06')).toBe('2025-03-07');
		expect(nextDay('2025-12-31')).toBe('2026-01-01');
		expect(nextDay('2024-02-28')).toBe('2024-02-29');
		expect(nextDay('2025-02-28')).toBe('2025-03-01');
	});
	it('writes a UTC DATE-TIME without separators or milliseconds', () => {
		expect(formatUtcDateTime(new Date('2025-03-06T17:05:09.123Z'))).toBe('20250306T170509Z');
	});
});
