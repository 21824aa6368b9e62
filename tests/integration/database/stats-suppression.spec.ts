/**
 * Small-count suppression of the public statistics, property-tested against
 * the database's own private.suppress_counts over random tables: every people
 * or records count from 1 to K-1 is hidden, zero stays zero, and no hidden
 * cell can be worked out from what a view publishes (its total and the cells
 * of each breakdown that adds up to it), by an outsider who knows the rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/stack';
import { exposedCells, type CellState } from './suppression-attacker';

/** A small deterministic generator, so a failure names the seed that reproduces it. */
function generator(seed: number) {
	let s = seed >>> 0;
	return (max: number) => {
		s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
		return s % max;
	};
}

/** A random total split into 1–4 groups of 1–6 cells each, leaning towards small counts. */
function randomTable(seed: number) {
	const next = generator(seed);
	const total = [0, 1, 3, 12, 25, 60, 200][next(7)]! + next(15);
	const values = [total];
	const groups = [0];
	const groupCount = 1 + next(4);
	for (let g = 1; g <= groupCount; g++) {
		const cells = 1 + next(6);
		let left = total;
		for (let c = 0; c < cells; c++) {
			const part = c === cells - 1 ? left : Math.min(left, next(3) === 0 ? next(4) : next(left + 1));
			values.push(part);
			groups.push(g);
			left -= part;
		}
	}
	return { values, groups };
}

describe('small-count suppression (private.suppress_counts)', () => {
	let t: TestStack;
	beforeAll(async () => {
		t = await startTestStack();
	});
	afterAll(() => t.close());

	async function suppress(values: number[], groups: number[], k: number, totalHidden = false): Promise<CellState[]> {
		const [row] = await t.sql`select private.suppress_counts(${values}::bigint[], ${groups}::int[], ${k}, ${totalHidden}) as states`;
		return row!.states as CellState[];
	}

	it('hides 1 to K-1, shows zero and K or more when nothing else needs hiding', async () => {
		expect(await suppress([30, 0, 10, 20], [0, 1, 1, 1], 11)).toEqual(['shown', 'shown', 'fewer', 'hidden']);
		expect(await suppress([40, 0, 20, 20], [0, 1, 1, 1], 11)).toEqual(['shown', 'shown', 'shown', 'shown']);
		expect(await suppress([5, 5], [0, 1], 11)).toEqual(['fewer', 'fewer']);
	});

	it('hides a second cell when one hidden cell would be the total minus the others', async () => {
		const states = await suppress([100, 3, 40, 57], [0, 1, 1, 1], 11);
		expect(states[1]).toBe('fewer');
		expect(states[2]).toBe('hidden');
		expect(states[3]).toBe('shown');
	});

	it('hides the total when the remaining cell alone would give the hidden one away', async () => {
		// 12 = 1 + 11: with 11 hidden (so at least 11), the 1 would follow from a visible 12.
		expect(await suppress([12, 1, 11], [0, 1, 1], 11)).toEqual(['hidden', 'fewer', 'hidden']);
	});

	it('hides the total of a narrowed view when told to, and keeps its partitions consistent', async () => {
		const states = await suppress([50, 20, 30], [0, 1, 1], 11, true);
		expect(states[0]).toBe('hidden');
		expect(exposedCells([50, 20, 30], [0, 1, 1], states, 11)).toEqual([]);
	});

	for (const k of [3, 11, 20]) {
		it(`leaves no hidden cell recoverable in 300 random tables (K = ${k})`, async () => {
			for (let seed = 1; seed <= 300; seed++) {
				const { values, groups } = randomTable(seed * 7919 + k);
				const totalHidden = seed % 5 === 0;
				const states = await suppress(values, groups, k, totalHidden);
				const context = `seed ${seed}: values ${values.join(',')} groups ${groups.join(',')} states ${states.join(',')}`;
				values.forEach((value, i) => {
					if (value >= 1 && value < k) expect(states[i], context).not.toBe('shown');
					if (value === 0) expect(states[i], context).toBe('shown');
				});
				expect(exposedCells(values, groups, states, k), context).toEqual([]);
			}
		});
	}
});
