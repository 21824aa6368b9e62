/**
 * The database's working-day calendar (private.state_office_closures, private.working_days_between,
 * used by the public statistics' median) is the CORA engine's (src/lib/cora): this fails when they differ.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, countWorkingDays, nonWorkingReason, type IsoDate } from '../../../src/lib/cora';
import { startTestStack, type TestStack } from '../../support/stack';

let t: TestStack;
beforeAll(async () => {
	t = await startTestStack();
});
afterAll(async () => t?.close());

describe('the working-day calendar in the database', () => {
	it('has exactly the weekday closures of the engine for 2014-2100', async () => {
		const expected: string[] = [];
		for (let day = '2014-01-01' as IsoDate; day <= '2100-12-31'; day = addDays(day, 1)) {
			const reason = nonWorkingReason(day);
			if (reason && reason.kind !== 'weekend') expected.push(day);
		}
		const rows = await t.sql`select to_char(day, 'YYYY-MM-DD') as day from private.state_office_closures order by day`;
		expect(rows.map((r) => r.day)).toEqual(expected);
	});

	it('counts working days between two dates as the engine does', async () => {
		// Deterministic spread of pairs: around holidays, year ends, long gaps and the same day.
		const pairs: Array<[IsoDate, number]> = [];
		let seed = 7;
		for (let i = 0; i < 400; i++) {
			seed = (seed * 48271) % 2147483647;
			const start = addDays('2014-01-01' as IsoDate, seed % 31000);
			pairs.push([start, (seed >> 8) % 60]);
		}
		for (const [start, span] of pairs) {
			const end = addDays(start, span);
			let expected = 0;
			for (let day = addDays(start, 1); day <= end; day = addDays(day, 1)) if (!nonWorkingReason(day)) expected++;
			const [row] = await t.sql`select private.working_days_between(${start}::date, ${end}::date) as n`;
			expect({ start, end, n: row!.n }).toEqual({ start, end, n: expected });
		}
		// And the engine's own counter agrees on a deadline: 3 working days after the day zero.
		const due = countWorkingDays('2026-11-25' as IsoDate, 3).dueDate!;
		const [row] = await t.sql`select private.working_days_between('2026-11-25', ${due}::date) as n`;
		expect(row!.n).toBe(3);
	});

	it('gives null for a response dated before the request', async () => {
		const [row] = await t.sql`select private.working_days_between('2026-05-10', '2026-05-01') as n`;
		expect(row!.n).toBeNull();
	});
});
