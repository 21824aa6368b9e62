import { describe, expect, it } from 'vitest';
import { dueInWords, longDate } from './due-in-words';

describe('dueInWords', () => {
	it('names the day and how far it is, in English and Spanish', () => {
		expect(dueInWords('2025-11-25', '2025-11-20', 'en')).toBe('Tuesday, November 25, 2025 (in 5 days)');
		expect(dueInWords('2025-11-25', '2025-11-25', 'en')).toBe('Tuesday, November 25, 2025 (today)');
		expect(dueInWords('2025-11-25', '2025-11-27', 'es')).toBe('martes, 25 de noviembre de 2025 (anteayer)');
	});
	it('never shifts the date with the time zone', () => {
		expect(longDate('2026-01-01', 'en')).toBe('Thursday, January 1, 2026');
	});
});
