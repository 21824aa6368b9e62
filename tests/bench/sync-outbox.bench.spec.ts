/**
 * Syncing 500 queued events (follow-up notes on one request) from the device
 * outbox (fake-indexeddb in Node) through `drain` and `supabaseTransport`
 * with a real supabase-js client against the embedded stack. Target: < 5 s.
 */
import 'fake-indexeddb/auto';
import { it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { drain, enqueue, pendingCount } from '../../src/lib/offline/outbox';
import { supabaseTransport } from '../../src/lib/offline/transport';
import { agencyIds, seedRequests } from '../integration/caseload/seed-caseload';
import { startBenchStack } from '../integration/caseload/bench-stack';
import { printFigure } from './figures';

const EVENTS = 500;

it('prints the time to sync 500 queued events', async () => {
	const bench = await startBenchStack();
	try {
		const { CDOR } = await agencyIds(bench.sql, ['CDOR']);
		const [requestId] = await seedRequests(bench.sql, bench.organisationId, [{ title: 'Sync bench request', agencyId: CDOR!, dueOn: '2025-11-19', sentAt: '2025-11-14T17:00:00Z' }]);
		const t0 = performance.now();
		for (let i = 0; i < EVENTS; i++) {
			const id = randomUUID();
			await enqueue({ id, table: 'request_events', operation: 'upsert', payload: { id, request_id: requestId, organisation_id: bench.organisationId, type: 'note', note: `Follow-up ${i} sent.` } });
		}
		printFigure(`enqueue ${EVENTS} events (fake-indexeddb)`, performance.now() - t0, 'ms');
		const t1 = performance.now();
		const result = await drain(supabaseTransport(bench.client as unknown as SupabaseClient));
		const total = performance.now() - t1;
		const [counted] = await bench.sql<{ count: number }[]>`select count(*)::int as count from public.request_events where request_id = ${requestId!}`;
		const count = counted?.count ?? 0;
		printFigure(`sync ${EVENTS} queued events: total (target < 5000 ms)`, total, 'ms');
		printFigure(`sync ${EVENTS} queued events: per event`, total / EVENTS, 'ms');
		printFigure(`sync outcome`, `${result.outcome}, sent ${result.sent}, left ${await pendingCount()}, on server ${count}`);
	} finally {
		await bench.close();
	}
});
