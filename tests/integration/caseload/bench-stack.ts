/**
 * A whole embedded stack in a temp folder for the caseload and sync benches
 * (`npm run bench`): cluster, migrations + seed, HTTP surface, one signed-in
 * owner of one organisation. Not used by the integration specs (they clone a template).
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

export interface BenchStack {
	sql: Sql;
	client: SupabaseClient<Database>;
	organisationId: string;
	close(): Promise<void>;
}

export async function startBenchStack(): Promise<BenchStack> {
	const dir = join(tmpdir(), `disclose-bench-caseload-${randomBytes(4).toString('hex')}`);
	await mkdir(dir, { recursive: true });
	await chmod(dir, 0o755);
	const cluster = await startCluster({ dir: join(dir, 'postgres') });
	const admin = postgres(cluster.url('postgres'), { max: 1, onnotice: () => {} });
	await admin.unsafe('create database bench');
	await admin.end();
	const sql = postgres(cluster.url('bench'), { max: 20, onnotice: () => {} });
	await migrate(sql, resolve('supabase'), { migratorUrl: cluster.migratorUrl('bench') });
	const keys = await loadOrCreateKeys(dir);
	const stack = await createEmbeddedStack({ sql, keys, storageDir: join(dir, 'storage') });
	const server = await serve(stack.handle);
	const email = 'bench-owner@example.org';
	await sql`insert into auth.users (id, aud, role, created_at, email, encrypted_password, email_confirmed_at)
		values (gen_random_uuid(), 'authenticated', 'authenticated', now(), ${email}, extensions.crypt('bench-password', extensions.gen_salt('bf', 4)), now())`;
	const client = createClient<Database>(server.url, keys.anonKey, {
		auth: { persistSession: false, autoRefreshToken: false },
		realtime: { transport: ws as unknown as typeof WebSocket }
	});
	const signIn = await client.auth.signInWithPassword({ email, password: 'bench-password' });
	if (signIn.error) throw signIn.error;
	const org = await client.rpc('create_organisation', { name: 'Bench Advocacy' }).single();
	if (org.error) throw org.error;
	return {
		sql,
		client,
		organisationId: (org.data as { id: string }).id,
		async close() {
			await server.close();
			await sql.end();
			await cluster.stop();
			await rm(dir, { recursive: true, force: true });
		}
	};
}
