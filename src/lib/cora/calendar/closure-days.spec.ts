import { describe, expect, it } from 'vitest';
import { isIsoDate } from './calendar-date';
import { findClosureListProblems, PROCLAIMED_STATE_OFFICE_CLOSURES } from './closure-days';

describe('governor-added state-office closures (data file)', () => {
	it('starts with 2023-07-03 and 2024-07-05', () => {
		const dates = PROCLAIMED_STATE_OFFICE_CLOSURES.map((c) => c.date);
		expect(dates).toEqual(expect.arrayContaining(['2023-07-03', '2024-07-05']));
	});

	it('gives every entry a real date, a name and a source', () => {
		for (const closure of PROCLAIMED_STATE_OFFICE_CLOSURES) {
			expect(isIsoDate(closure.date)).toBe(true);
			expect(closure.name.trim()).not.toBe('');
			expect(closure.source.trim()).not.toBe('');
		}
	});
});

describe('findClosureListProblems', () => {
	it('accepts a well-formed list', () => {
		expect(findClosureListProblems([{ date: '2025-12-26', name: 'Proclaimed day', source: 'x' }], true)).toEqual([]);
	});

	it.each<[unknown, string]>([
		[{ date: '2025-13-01', name: 'x', source: 's' }, 'date'],
		[{ date: '2025-12-26', name: '', source: 's' }, 'name'],
		[{ date: '2025-12-26', name: 'x' }, 'source'],
		[null, 'not an object']
	])('reports %j (%s)', (entry, word) => {
		const problems = findClosureListProblems([entry], true);
		expect(problems).toHaveLength(1);
		expect(problems[0]?.index).toBe(0);
		expect(problems[0]?.message).toContain(word);
	});

	it('does not require a source for admin-configured lists by default', () => {
		expect(findClosureListProblems([{ date: '2025-12-26', name: 'Office move' }])).toEqual([]);
	});
});
