/**
 * An outsider working out hidden cells of one published view: a test oracle
 * written apart from the database's rule. It knows the rule: a "fewer" cell
 * holds 1 to K-1, a "hidden" one K or more (unless every non-zero cell is
 * hidden: the measure is withheld and a hidden cell is any positive count),
 * and the cells of each group add up to the total. For one shared total and
 * one sum per group, propagating integer bounds gives each unknown's exact
 * range; a cell left with a single possible value is exposed.
 */
export type CellState = 'shown' | 'fewer' | 'hidden';

const INF = Number.MAX_SAFE_INTEGER / 4;

export function exposedCells(values: number[], groups: number[], states: CellState[], k: number): number[] {
	const withheld = values.every((v, i) => v === 0 || states[i] === 'hidden');
	const lo = states.map((s, i) => (s === 'shown' ? values[i]! : s === 'fewer' ? 1 : withheld ? 1 : k));
	const hi = states.map((s, i) => (s === 'shown' ? values[i]! : s === 'fewer' ? k - 1 : INF));
	const groupIds = [...new Set(groups.slice(1))];
	const members = (g: number) => groups.flatMap((gg, i) => (i > 0 && gg === g ? [i] : []));
	const sum = (cells: number[], bound: number[]) => cells.reduce((acc, i) => Math.min(INF, acc + bound[i]!), 0);

	let tLo = lo[0]!;
	let tHi = hi[0]!;
	for (const g of groupIds) {
		tLo = Math.max(tLo, sum(members(g), lo));
		tHi = Math.min(tHi, sum(members(g), hi));
	}
	const exposed: number[] = [];
	if (states[0] !== 'shown' && tLo === tHi) exposed.push(0);
	for (const g of groupIds) {
		const cells = members(g);
		for (const i of cells) {
			if (states[i] === 'shown') continue;
			const others = cells.filter((j) => j !== i);
			const cLo = Math.max(lo[i]!, tLo - sum(others, hi));
			const cHi = Math.min(hi[i]!, tHi - sum(others, lo));
			if (cLo >= cHi) exposed.push(i);
		}
	}
	return exposed;
}
