/**
 * Embedded stack figures: cold start (initdb + migrations + seed) to the first
 * request served, warm restart, and p50/p95 latency of a select through
 * /rest/v1 with 50 concurrent supabase-js clients, each signed in (RLS on).
 */
import { it } from 'vitest';
import postgres from 'postgres';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import { startCluster } from '../../src/lib/server/embedded/postgres/cluster';
import { migrate } from '../../src/lib/server/embedded/postgres/migrate';
import { loadOrCreateKeys } from '../../src/lib/server/embedded/keys';
import { createEmbeddedStack } from '../../src/lib/server/embedded/stack';
import { serve } from '../../src/lib/server/embedded/http/node-server';
import { percentile, printFigure } from './figures';

const CLIENTS = 50;
const REQUESTS_PER_CLIENT = 20;

async function bootStack(dir: string) {
	const t0 = performance.now();
	const cluster = await startCluster({ dir: join(dir, 'postgres') });
	const admin = postgres(cluster.url('postgres'), { max: 1, onnotice: () => {} });
	if ((await admin`select 1 from pg_database where datname = 'bench'`).length === 0) await admin.unsafe('create database bench');
	await admin.end();
	const sql = postgres(cluster.url('bench'), { max: 20, onnotice: () => {} });
	await migrate(sql, resolve('supabase'), { migratorUrl: cluster.migratorUrl('bench') });
	const keys = await loadOrCreateKeys(dir);
	const stack = await createEmbeddedStack({ sql, keys, storageDir: join(dir, 'storage') });
	const server = await serve(stack.handle);
	const response = await fetch(`${server.url}/auth/v1/settings`, { headers: { apikey: keys.anonKey } });
	await response.arrayBuffer();
	const ms = performance.now() - t0;
	return { ms, cluster, sql, keys, stack, server };
}

it('prints cold start, warm restart and concurrent select latency', async () => {
	const dir = join(tmpdir(), `disclose-bench-${randomBytes(4).toString('hex')}`);
	await mkdir(dir, { recursive: true });
	await chmod(dir, 0o755);
	try {
		const cold = await bootStack(dir);
		printFigure('embedded cold start (initdb, migrations, seed) to first request served', cold.ms, 'ms');
		await cold.server.close();
		await cold.sql.end();
		await cold.cluster.stop();

		const warm = await bootStack(dir);
		printFigure('embedded warm restart to first request served', warm.ms, 'ms');
		const { sql, keys, server, stack } = warm;
		await sql.unsafe(`
			create table public.bench_items (id serial primary key, title text not null, owner uuid);
			alter table public.bench_items enable row level security;
			create policy "Bench items are readable by signed-in users" on public.bench_items for select to authenticated using (true);
			insert into public.bench_items (title) select 'item ' || g from generate_series(1, 200) g;`);
		await stack.reloadSchema();
		const clients = await Promise.all(
			Array.from({ length: CLIENTS }, async (_, i) => {
				const email = `bench-${i}@example.org`;
				await sql`insert into auth.users (id, aud, role, created_at, email, encrypted_password, email_confirmed_at)
					values (gen_random_uuid(), 'authenticated', 'authenticated', now(), ${email}, extensions.crypt('bench-password', extensions.gen_salt('bf', 4)), now())`;
				const client = createClient(server.url, keys.anonKey, {
					auth: { persistSession: false, autoRefreshToken: false },
					realtime: { transport: ws as unknown as typeof WebSocket }
				});
				const { error } = await client.auth.signInWithPassword({ email, password: 'bench-password' });
				if (error) throw error;
				return client;
			})
		);
		const latencies: number[] = [];
		const t0 = performance.now();
		await Promise.all(
			clients.map(async (client) => {
				for (let i = 0; i < REQUESTS_PER_CLIENT; i++) {
					const start = performance.now();
					const { data, error } = await client.from('bench_items').select('id, title').order('id').limit(25);
					if (error || data?.length !== 25) throw new Error(`select failed: ${error?.message}`);
					latencies.push(performance.now() - start);
				}
			})
		);
		const total = performance.now() - t0;
		latencies.sort((a, b) => a - b);
		printFigure(`rest select p50 (${CLIENTS} concurrent clients × ${REQUESTS_PER_CLIENT})`, percentile(latencies, 50), 'ms');
		printFigure(`rest select p95 (${CLIENTS} concurrent clients × ${REQUESTS_PER_CLIENT})`, percentile(latencies, 95), 'ms');
		printFigure('rest select throughput', (latencies.length / total) * 1000, 'requests/s');
		await server.close();
		await sql.end();
		await warm.cluster.stop();
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
});
