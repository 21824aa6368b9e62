/**
 * A whole embedded stack (temp folder) loaded with coalition-scale data
 * (seed-scale.ts), served over HTTP, with a supabase-js client signed in as
 * the owner of the first organisation. For `npm run bench` only.
 */
import postgres, { type Sql } from 'postgres';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import { startCluster } from '../../../src/lib/server/embedded/postgres/cluster';
import { migrate } from '../../../src/lib/server/embedded/postgres/migrate';
import { loadOrCreateKeys } from '../../../src/lib/server/embedded/keys';
import { createEmbeddedStack } from '../../../src/lib/server/embedded/stack';
import { serve } from '../../../src/lib/server/embedded/http/node-server';
import type { Database } from '../../../src/lib/database.types';
import { seedScale, type ScaleOptions, type SeededScale } from './seed-scale';

export interface ScaleStack {
	sql: Sql;
	url: string;
	anonKey: string;
	client: SupabaseClient<Database>;
	accessToken: string;
	/** The embedded stack's own request handler (no HTTP): what one API request costs in this process. */
	handle(request: Request): Promise<Response | null>;
	seeded: SeededScale;
	seedMs: number;
	close(): Promise<void>;
}

export async function startScaleStack(options: ScaleOptions, today: string): Promise<ScaleStack> {
	const dir = join(tmpdir(), `disclose-bench-scale-${randomBytes(4).toString('hex')}`);
	await mkdir(dir, { recursive: true });
	await chmod(dir, 0o755);
	const cluster = await startCluster({ dir: join(dir, 'postgres') });
	try {
		const admin = postgres(cluster.url('postgres'), { max: 1, onnotice: () => {} });
		await admin.unsafe('create database bench');
		await admin.end();
		const sql = postgres(cluster.url('bench'), { max: 20, onnotice: () => {} });
		await migrate(sql, resolve('supabase'), { migratorUrl: cluster.migratorUrl('bench') });
		const started = performance.now();
		const seeded = await seedScale(sql, options, today);
		const seedMs = performance.now() - started;
		const keys = await loadOrCreateKeys(dir);
		const stack = await createEmbeddedStack({ sql, keys, storageDir: join(dir, 'storage') });
		const server = await serve(stack.handle);
		const client = createClient<Database>(server.url, keys.anonKey, {
			auth: { persistSession: false, autoRefreshToken: false },
			realtime: { transport: ws as unknown as typeof WebSocket }
		});
		const signIn = await client.auth.signInWithPassword({ email: seeded.ownerEmail, password: 'bench-password' });
		if (signIn.error) throw signIn.error;
		return {
			sql,
			url: server.url,
			anonKey: keys.anonKey,
			client,
			accessToken: signIn.data.session!.access_token,
			handle: (request) => stack.handle(request),
			seeded,
			seedMs,
			async close() {
				await server.close();
				await sql.end();
				await cluster.stop();
				await rm(dir, { recursive: true, force: true });
			}
		};
	} catch (error) {
		await cluster.stop();
		await rm(dir, { recursive: true, force: true });
		throw error;
	}
}
