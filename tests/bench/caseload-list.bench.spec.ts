/**
 * The request list with 2 000 requests in one organisation, on the embedded
 * stack with RLS on and the real supabase-js: the server's work for one page
 * (the list query with six counts, classification, and rendering the rows
 * with Svelte's server `render`), and for contrast the whole 2 000 unpaged.
 * The browser's part (cold load to the 50 rows shown and hydrated, and
 * navigation within the list) is `chromium/caseload-list.desktop.bench.ts`.
 */
import { it } from 'vitest';
import { render } from 'svelte/server';
import { toColoradoLocalTime } from '../../src/lib/cora';
import { shownRows } from '../../src/lib/caseload/caseload-rows';
import { dueSoonHorizon } from '../../src/lib/caseload/classify-request';
import { PAGE_SIZE } from '../../src/lib/caseload/list-params';
import type { CaseloadFilter } from '../../src/lib/caseload/sections';
import { listCaseload } from '../../src/lib/data/requests';
import CaseloadRow from '../../src/lib/components/caseload/CaseloadRow.svelte';
import { agencyIds, seedRequests, type SeedRequest } from '../integration/caseload/seed-caseload';
import { startBenchStack } from '../integration/caseload/bench-stack';
import { percentile, printFigure } from './figures';

const REQUESTS = 2000;
const RUNS = 15;
const STATUSES = ['sent', 'acknowledged', 'extended', 'awaiting_payment', 'awaiting_clarification', 'partially_released', 'released', 'denied', 'closed'] as const;

function shift(date: string, days: number): string {
	const d = new Date(`${date}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

it('prints list query, classification and render times for 2 000 requests', async () => {
	const bench = await startBenchStack();
	try {
		const today = toColoradoLocalTime(new Date().toISOString()).date;
		const horizon = dueSoonHorizon(today);
		const agencies = Object.values(await agencyIds(bench.sql, ['CDOR', 'CDLE', 'CDPHE', 'CDHS', 'CDPS']));
		const seed: SeedRequest[] = Array.from({ length: REQUESTS }, (_, i) => {
			const offset = (i % 61) - 30;
			return {
				title: `Request ${i} about data sharing with ICE`,
				agencyId: agencies[i % agencies.length]!,
				status: STATUSES[i % STATUSES.length]!,
				regime: i % 17 === 0 ? 'CCJRA' : 'CORA',
				dueOn: shift(today, offset),
				sentAt: `${shift(today, -60)}T17:00:00Z`,
				trackingNumber: i % 3 === 0 ? `R-${i}` : null,
				tags: i % 5 === 0 ? ['dmv'] : []
			};
		});
		await seedRequests(bench.sql, bench.organisationId, seed);
		await bench.sql`analyze public.records_requests`;

		const timings = { query: [] as number[], classify: [] as number[], render: [] as number[], total: [] as number[] };
		const serverPage = async (filter: CaseloadFilter, search: string, pageSize: number) => {
			const t0 = performance.now();
			const page = await listCaseload(bench.client, { filter, search, organisationIds: [bench.organisationId], page: 1, pageSize, today, horizon });
			const t1 = performance.now();
			const rows = shownRows(page.rows, today, horizon, 'en');
			const t2 = performance.now();
			const html = rows.map((row) => render(CaseloadRow, { props: row }).body).join('');
			const t3 = performance.now();
			return { query: t1 - t0, classify: t2 - t1, render: t3 - t2, total: t3 - t0, rows: rows.length, bytes: html.length };
		};
		await serverPage('open', '', PAGE_SIZE); // warm-up
		for (let run = 0; run < RUNS; run++) {
			const result = await serverPage(run % 3 === 0 ? 'overdue' : 'open', run % 2 === 0 ? '' : 'Revenue', PAGE_SIZE);
			for (const key of ['query', 'classify', 'render', 'total'] as const) timings[key].push(result[key]);
		}
		for (const [key, values] of Object.entries(timings)) {
			values.sort((a, b) => a - b);
			printFigure(`caseload page of ${PAGE_SIZE} from ${REQUESTS} requests: ${key} p50`, percentile(values, 50), 'ms');
			printFigure(`caseload page of ${PAGE_SIZE} from ${REQUESTS} requests: ${key} p95`, percentile(values, 95), 'ms');
		}
		const whole = await serverPage('open', '', REQUESTS);
		printFigure(`caseload unpaged (${whole.rows} open rows): query`, whole.query, 'ms');
		printFigure(`caseload unpaged (${whole.rows} open rows): classification`, whole.classify, 'ms');
		printFigure(`caseload unpaged (${whole.rows} open rows): svelte server render`, whole.render, 'ms');
		printFigure(`caseload unpaged (${whole.rows} open rows): html size`, whole.bytes / 1024, 'KiB');
	} finally {
		await bench.close();
	}
});
