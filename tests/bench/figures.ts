/** Printing benchmark figures in one recognisable format. */
export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
	return sorted[Math.max(0, index)]!;
}

export function printFigure(name: string, value: number | string, unit = ''): void {
	const shown = typeof value === 'number' ? value.toFixed(1) : value;
	console.log(`BENCH ${name}: ${shown}${unit ? ' ' + unit : ''}`);
}
