/**
 * The public dashboard's query at coalition scale (seed-scale.ts: 100 000
 * requests, 1 000 000 events, 20 000 findings, half of them on published
 * requests): `public.public_disclosure_stats(...)` as anon, in the REST
 * layer's transaction shape (role anon, JWT claims), for the views /stats
 * offers — the whole coalition, one agency, one category, one legal process,
 * one quarter. p50/p95 per view, twice: as kept (the database keeps each view's
 * document until published data changes: what visitors get) and recomputed (the
 * generation moved on before every call: the first visitor after a change).
 * The app's own 30 s cache is not in the way: the function is called directly. BENCH_SCALE=0.1 runs a tenth of the
 * requests; the scale is printed.
 */
import { it } from 'vitest';
import { toColoradoLocalTime } from '../../src/lib/cora';
import { percentile, printFigure } from './figures';
import { scaleFromEnv } from './scale/seed-scale';
import { startScaleStack, type ScaleStack } from './scale/scale-stack';

const WARM_RUNS = 3;
const RUNS = 20;
const ANON_CLAIMS = JSON.stringify({ role: 'anon' });

interface View {
	name: string;
	agency: string | null;
	from: string | null;
	to: string | null;
	category: string | null;
	legal: string | null;
}

async function statsAsAnon(stack: ScaleStack, view: View): Promise<number> {
	const t0 = performance.now();
	await stack.sql.begin(async (tx) => {
		await tx`select set_config('role', 'anon', true), set_config('request.jwt.claims', ${ANON_CLAIMS}, true)`;
		await tx`select public.public_disclosure_stats(${view.agency}::uuid, ${view.from}::date, ${view.to}::date,
			${view.category}::public.data_category, ${view.legal}::public.legal_process)::text as doc`;
	});
	return performance.now() - t0;
}

it('prints the public statistics query at coalition scale', async () => {
	const scale = scaleFromEnv();
	const today = toColoradoLocalTime(new Date().toISOString()).date;
	const stack = await startScaleStack(scale, today);
	try {
		const { counts } = stack.seeded;
		const [published] = await stack.sql<{ requests: number; findings: number }[]>`
			select (select count(*)::int from public.records_requests where publish_state = 'published') as requests,
				(select count(*)::int from public.disclosure_findings as f join public.records_requests as r on r.id = f.request_id
					where r.publish_state = 'published') as findings`;
		const [agency] = await stack.sql<{ id: string }[]>`
			select f.agency_id as id from public.disclosure_findings as f group by f.agency_id order by count(*) desc, f.agency_id limit 1`;
		const label = `${scale.organisations} organisations, ${counts.requests} requests, ${counts.events} events, ${counts.findings} findings; ${published!.requests} requests and ${published!.findings} findings published`;
		printFigure(`coalition seed (${label}), through the schema's triggers and checks`, stack.seedMs / 1000, 's');

		const all: View = { name: 'whole coalition', agency: null, from: null, to: null, category: null, legal: null };
		const views: View[] = [
			all,
			{ ...all, name: 'one agency', agency: agency!.id },
			{ ...all, name: 'one category (address)', category: 'address' },
			{ ...all, name: 'one legal process (court order)', legal: 'court_order' },
			{ ...all, name: 'one quarter (2025-Q2)', from: '2025-04-01', to: '2025-06-30' }
		];
		for (const view of views) {
			for (let i = 0; i < WARM_RUNS; i++) await statsAsAnon(stack, view);
			const kept: number[] = [];
			for (let i = 0; i < RUNS; i++) kept.push(await statsAsAnon(stack, view));
			kept.sort((a, b) => a - b);
			printFigure(`public_disclosure_stats as anon, ${view.name}, ${published!.findings} published findings, kept, p50 (${RUNS} runs)`, percentile(kept, 50), 'ms');
			printFigure(`public_disclosure_stats as anon, ${view.name}, kept, p95 (target < 50 ms)`, percentile(kept, 95), 'ms');
			const recomputed: number[] = [];
			for (let i = 0; i < RUNS; i++) {
				await stack.sql`update private.stats_generation set generation = generation + 1`;
				recomputed.push(await statsAsAnon(stack, view));
			}
			recomputed.sort((a, b) => a - b);
			printFigure(`public_disclosure_stats as anon, ${view.name}, recomputed after a change, p50`, percentile(recomputed, 50), 'ms');
			printFigure(`public_disclosure_stats as anon, ${view.name}, recomputed after a change, p95`, percentile(recomputed, 95), 'ms');
		}
	} finally {
		await stack.close();
	}
});
