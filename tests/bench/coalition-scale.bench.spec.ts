/**
 * Coalition scale (issue: 50 organisations × 2 000 requests, 1 000 000 events,
 * 20 000 findings, RLS on): what a signed-in member waits for. Prints
 *  - the request list page (one page + the section counts) p50/p95, server side;
 *  - REST select throughput (a page of one organisation's requests through
 *    /rest/v1 and supabase-js) beside the same statement run directly with
 *    `postgres` in the same transaction shape (role, JWT claims), 8 at a time,
 *    and the stack's handler called in this process (no HTTP), so the cost of
 *    each layer shows.
 * BENCH_SCALE=0.1 runs a tenth of the requests; the scale is printed.
 */
import { it } from 'vitest';
import { toColoradoLocalTime } from '../../src/lib/cora';
import { dueSoonHorizon } from '../../src/lib/caseload/classify-request';
import { PAGE_SIZE } from '../../src/lib/caseload/list-params';
import { listCaseload } from '../../src/lib/data/requests';
import { percentile, printFigure } from './figures';
import { loadFromChildProcess } from './chromium/http-load';
import { scaleFromEnv } from './scale/seed-scale';
import { startScaleStack, type ScaleStack } from './scale/scale-stack';

const LIST_RUNS = 40;
const CONCURRENCY = 8;
const THROUGHPUT_MS = 5000;

/** Mean milliseconds of `task` run one at a time for `THROUGHPUT_MS` (latency with no queueing). */
async function oneAtATime(task: () => Promise<void>): Promise<number> {
	let done = 0;
	const started = performance.now();
	while (performance.now() - started < THROUGHPUT_MS) {
		await task();
		done += 1;
	}
	return (performance.now() - started) / done;
}

/** Runs `task` from `CONCURRENCY` loops for `THROUGHPUT_MS`; returns completed calls per second. */
async function throughput(task: () => Promise<void>): Promise<number> {
	let done = 0;
	const until = performance.now() + THROUGHPUT_MS;
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (performance.now() < until) {
				await task();
				done += 1;
			}
		})
	);
	return done / (THROUGHPUT_MS / 1000);
}

async function directPage(stack: ScaleStack, organisationId: string, userId: string): Promise<void> {
	const claims = JSON.stringify({ sub: userId, role: 'authenticated', aud: 'authenticated' });
	await stack.sql.begin(async (tx) => {
		await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${claims}, true)`;
		await tx`select coalesce(json_agg(r), '[]')::text from (
			select id, title, status, due_on from public.records_requests
			where organisation_id = ${organisationId} order by due_on, id limit 50) as r`;
	});
}

it('prints the request list and REST figures at coalition scale', async () => {
	const scale = scaleFromEnv();
	const today = toColoradoLocalTime(new Date().toISOString()).date;
	const stack = await startScaleStack(scale, today);
	try {
		const { counts, organisationIds } = stack.seeded;
		const label = `${scale.organisations} organisations, ${counts.requests} requests, ${counts.events} events, ${counts.findings} findings`;
		printFigure(`coalition seed (${label}), through the schema's triggers and checks`, stack.seedMs / 1000, 's');
		const organisationId = organisationIds[0]!;
		const horizon = dueSoonHorizon(today);

		const list = async () => {
			const t0 = performance.now();
			await listCaseload(stack.client, { filter: 'open', search: '', organisationIds: [organisationId], page: 1, pageSize: PAGE_SIZE, today, horizon });
			return performance.now() - t0;
		};
		for (let i = 0; i < 5; i++) await list();
		const times: number[] = [];
		for (let i = 0; i < LIST_RUNS; i++) times.push(await list());
		times.sort((a, b) => a - b);
		printFigure(`request list page + section counts at ${counts.requests} requests, p50 (target < 50 ms)`, percentile(times, 50), 'ms');
		printFigure(`request list page + section counts at ${counts.requests} requests, p95`, percentile(times, 95), 'ms');

		const [user] = await stack.sql<{ id: string }[]>`select id from auth.users where email = ${stack.seeded.ownerEmail}`;
		const rest = async () => {
			const { error } = await stack.client.from('records_requests').select('id, title, status, due_on').eq('organisation_id', organisationId).order('due_on').order('id').limit(50);
			if (error) throw new Error(error.message);
		};
		await rest();
		await directPage(stack, organisationId, user!.id);
		const viaRest = await throughput(rest);
		const direct = await throughput(() => directPage(stack, organisationId, user!.id));
		printFigure(`REST select of a 50-row page, ${CONCURRENCY} at a time`, viaRest, 'req/s');
		printFigure(`the same statement directly (postgres, same transaction shape), ${CONCURRENCY} at a time`, direct, 'req/s');
		printFigure('REST (supabase-js in this process) ÷ direct', (viaRest / direct).toFixed(2));
		// The same request from a client in its own process: what the server can serve when it
		// does not also run the client (the direct figure runs no HTTP client either).
		const query = 'select=id,title,status,due_on&organisation_id=eq.' + organisationId + '&order=due_on.asc,id.asc&limit=50';
		const served = await loadFromChildProcess(
			`${stack.url}/rest/v1/records_requests?${query}`,
			{ apikey: stack.anonKey, authorization: `Bearer ${stack.accessToken}`, accept: 'application/json' },
			CONCURRENCY,
			THROUGHPUT_MS
		);
		if (served.errors) throw new Error(`${served.errors} of ${served.requests} REST requests failed`);
		// Where the time goes: the stack's handler called in this process (no HTTP, no client), alone and 8 at a time.
		const headers = { apikey: stack.anonKey, authorization: `Bearer ${stack.accessToken}`, accept: 'application/json' };
		const handled = async () => {
			const response = await stack.handle(new Request(`${stack.url}/rest/v1/records_requests?${query}`, { headers }));
			if (response?.status !== 200) throw new Error(`REST handler answered ${response?.status}`);
			await response.text();
		};
		const handledLatency = await oneAtATime(handled);
		const directLatency = await oneAtATime(() => directPage(stack, organisationId, user!.id));
		printFigure('REST handler in this process (no HTTP), one request at a time', handledLatency.toFixed(2), 'ms');
		printFigure('the same statement directly, one at a time', directLatency.toFixed(2), 'ms');
		const handledRate = await throughput(handled);
		printFigure(`REST handler in this process (no HTTP), ${CONCURRENCY} at a time`, handledRate, 'req/s');
		printFigure('REST handler (no HTTP) ÷ direct', (handledRate / direct).toFixed(2));
		printFigure(`REST select of a 50-row page from a separate client process, ${CONCURRENCY} at a time`, served.perSecond, 'req/s');
		printFigure('REST (separate client process) ÷ direct (target ≥ 0.8)', (served.perSecond / direct).toFixed(2));
		// The ceiling of this HTTP layer: the same server and client answering a request that reads no database.
		// REST cannot beat it, so ceiling ÷ direct bounds what REST ÷ direct can reach on this machine.
		const ceiling = await loadFromChildProcess(`${stack.url}/auth/v1/health`, { apikey: stack.anonKey }, CONCURRENCY, THROUGHPUT_MS);
		if (ceiling.errors) throw new Error(`${ceiling.errors} of ${ceiling.requests} health requests failed`);
		printFigure(`the same server answering /auth/v1/health (no database) from a separate client process, ${CONCURRENCY} at a time`, ceiling.perSecond, 'req/s');
		printFigure('that HTTP ceiling ÷ direct (the most REST ÷ direct could reach here)', (ceiling.perSecond / direct).toFixed(2));
	} finally {
		await stack.close();
	}
});
