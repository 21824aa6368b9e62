/**
 * The embedded default: when no Supabase URL is configured, the app's own
 * Node process starts PostgreSQL in `.data/`, applies our migrations and seeds,
 * and serves the Supabase-compatible API on the app's own origin.
 * One instance per process (kept on globalThis so Vite's module reloads in
 * `npm run dev` reuse it).
 */
import postgres, { type Sql } from 'postgres';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startCluster, type Cluster } from './postgres/cluster';
import { migrate } from './postgres/migrate';
import { loadOrCreateKeys } from './keys';
import { createEmbeddedStack, type EmbeddedStack } from './stack';
import { secureDemoAccount } from '../demo';
import { DEV_AIDS_VARIABLE, devAidsEnabled } from '../dev-aids';

export const DATABASE_NAME = 'disclose';

export interface EmbeddedRuntime {
	stack: EmbeddedStack;
	cluster: Cluster;
	dataDir: string;
	databaseUrl: string;
	/** Record the app's public origin for `npm run status`. */
	noteOrigin(origin: string): void;
	stop(): Promise<void>;
}

export function dataDirectory(): string {
	return resolve(process.env.DISCLOSE_DATA_DIR ?? '.data');
}

async function ensureDatabase(cluster: Cluster): Promise<void> {
	const admin = postgres(cluster.url('postgres'), { max: 1, onnotice: () => {} });
	try {
		const exists = await admin`select 1 from pg_database where datname = ${DATABASE_NAME}`;
		if (exists.length === 0) await admin.unsafe(`create database ${DATABASE_NAME}`);
	} finally {
		await admin.end();
	}
}

/** Demo organisation and account: embedded default only, once, on a new database. */
async function seedDemo(sql: Sql, supabaseDir: string): Promise<void> {
	const file = join(supabaseDir, 'seed-demo.sql');
	if (existsSync(file)) await sql.unsafe(await readFile(file, 'utf8'));
}

async function start(): Promise<EmbeddedRuntime> {
	const started = performance.now();
	const dataDir = dataDirectory();
	const supabaseDir = resolve(process.env.DISCLOSE_SUPABASE_DIR ?? 'supabase');
	await mkdir(dataDir, { recursive: true, mode: 0o755 });
	const cluster = await startCluster({ dir: join(dataDir, 'postgres') });
	await ensureDatabase(cluster);
	const databaseUrl = cluster.url(DATABASE_NAME);
	const sql = postgres(databaseUrl, { max: 20, onnotice: () => {} });
	const report = await migrate(sql, supabaseDir);
	if (report.seeded) await seedDemo(sql, supabaseDir);
	const demoPassword = await secureDemoAccount(sql);
	const keys = await loadOrCreateKeys(dataDir);
	const stack = await createEmbeddedStack({ sql, keys, storageDir: join(dataDir, 'storage') });
	const statusFile = join(dataDir, 'status.json');
	const status = {
		apiUrl: null as string | null,
		anonKey: keys.anonKey,
		serviceRoleKey: keys.serviceRoleKey,
		databaseUrl,
		demoPassword,
		devAids: devAidsEnabled(),
		pid: process.pid
	};
	await writeFile(statusFile, JSON.stringify(status, null, 2), { mode: 0o600 });
	const applied = report.applied.length ? ` applied ${report.applied.length} migration(s);` : '';
	if (devAidsEnabled() && process.env[DEV_AIDS_VARIABLE] === '1') {
		console.warn(`[disclose] UNSAFE: ${DEV_AIDS_VARIABLE}=1 serves the dev mailbox and the demo password to anyone who reaches this server. Never use it outside a test run on loopback.`);
	}
	console.log(`[disclose] embedded Supabase stack ready in ${Math.round(performance.now() - started)} ms;${applied} data in ${dataDir}`);

	let stopping: Promise<void> | null = null;
	return {
		stack,
		cluster,
		dataDir,
		databaseUrl,
		noteOrigin(origin) {
			if (status.apiUrl === origin) return;
			status.apiUrl = origin;
			void writeFile(statusFile, JSON.stringify(status, null, 2), { mode: 0o600 }).catch(() => {});
		},
		stop() {
			stopping ??= (async () => {
				await sql.end({ timeout: 5 });
				await cluster.stop();
			})();
			return stopping;
		}
	};
}

const globalKey = Symbol.for('disclose.embedded-runtime');
type Holder = { [globalKey]?: Promise<EmbeddedRuntime> };

export function embeddedRuntime(): Promise<EmbeddedRuntime> {
	const holder = globalThis as Holder;
	holder[globalKey] ??= start().then((runtime) => {
		const shutdown = () => void runtime.stop();
		process.once('sveltekit:shutdown' as 'exit', shutdown);
		return runtime;
	});
	return holder[globalKey];
}
