/**
 * Cached /stats and /stats.json throughput on loopback against the production
 * build (the 30 s per-view cache warm, so this is the page render or the JSON
 * serialisation, not the query): 50 keep-alive connections for a few seconds
 * each, from this Node process (http-load.ts). Beside each, a bare Node HTTP
 * server in its own process returning a fixed body of the same size, measured
 * in the same run: the ceiling of this machine and this load generator.
 * Target ≥ 1 000 req/s.
 */
import { test } from '@playwright/test';
import { printFigure } from '../figures';
import { loadFor, probe, startBareServer } from './http-load';

const CONNECTIONS = 50;
const DURATION_MS = 4000;
const WARM_MS = 500;

test('cached /stats and /stats.json throughput beside a bare Node server', async ({ baseURL }) => {
	for (const path of ['/stats', '/stats.json']) {
		const url = new URL(path, baseURL).href;
		const { bytes, contentType } = await probe(url);
		await loadFor(url, CONNECTIONS, WARM_MS);
		const app = await loadFor(url, CONNECTIONS, DURATION_MS);
		const bare = await startBareServer(bytes, contentType);
		try {
			const answered = await probe(bare.url);
			if (answered.bytes !== bytes) throw new Error(`the bare server answered ${answered.bytes} bytes, not ${bytes}`);
			await loadFor(bare.url, CONNECTIONS, WARM_MS);
			const ceiling = await loadFor(bare.url, CONNECTIONS, DURATION_MS);
			const size = `${(bytes / 1024).toFixed(1)} KB body`;
			printFigure(`${path} cached, ${CONNECTIONS} connections, ${size}, p50 ${app.p50Ms.toFixed(1)} ms, p95 ${app.p95Ms.toFixed(1)} ms, ${app.errors} errors (target ≥ 1 000)`, app.perSecond, 'req/s');
			printFigure(`bare Node server, same ${size}, ${CONNECTIONS} connections, p50 ${ceiling.p50Ms.toFixed(1)} ms, p95 ${ceiling.p95Ms.toFixed(1)} ms, ${ceiling.errors} errors (this machine's ceiling)`, ceiling.perSecond, 'req/s');
			printFigure(`${path} ÷ bare server`, (app.perSecond / ceiling.perSecond).toFixed(2));
		} finally {
			await bare.close();
		}
	}
});
