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
import { authConfigFromEnv } from './auth/config-from-env';
import { DEFAULT_AUTH_BODY_LIMIT } from './auth/handler';
import { DEFAULT_REST_BODY_LIMIT } from './rest/handler';
import { byteSizeFromEnv } from './http/body-limit';
import { checkServerBodyLimit } from './storage/server-body-limit';
import { dev } from '$app/environment';
import { devMailboxEnabled } from '../dev-mailbox';
import { DEMO_ACCOUNT } from '../demo';

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

/** Demo organisation and account: embedded default in development (or the unsafe dev mailbox) only, once, on a new database. */
async function seedDemo(sql: Sql, supabaseDir: string): Promise<void> {
	const file = join(supabaseDir, 'seed-demo.sql');
	if (existsSync(file)) await sql.unsafe(await readFile(file, 'utf8'));
}

/** A database first started in development keeps its demo account; in production its published password stops working. */
async function lockDemoAccount(sql: Sql): Promise<void> {
	const locked = await sql`update auth.users set encrypted_password = null
		where email = ${DEMO_ACCOUNT.email} and encrypted_password = extensions.crypt(${DEMO_ACCOUNT.password}, encrypted_password)
		returning id`;
	if (locked.length) console.warn(`[disclose] the demo account ${DEMO_ACCOUNT.email} no longer signs in with its published password (production mode)`);
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
	const report = await migrate(sql, supabaseDir, { migratorUrl: cluster.migratorUrl(DATABASE_NAME) });
	const devMailbox = devMailboxEnabled();
	if (report.seeded && devMailbox) await seedDemo(sql, supabaseDir);
	if (!devMailbox) await lockDemoAccount(sql);
	const keys = await loadOrCreateKeys(dataDir);
	const auth = authConfigFromEnv({ env: process.env, dev, devMailbox, sql });
	for (const warning of auth.warnings) console.warn(`[disclose] WARNING: ${warning}`);
	const bodyLimits = {
		rest: byteSizeFromEnv(process.env, 'DISCLOSE_REST_BODY_LIMIT', DEFAULT_REST_BODY_LIMIT),
		auth: byteSizeFromEnv(process.env, 'DISCLOSE_AUTH_BODY_LIMIT', DEFAULT_AUTH_BODY_LIMIT)
	};
	// `vite dev` has no body limit; under `node build` adapter-node's BODY_SIZE_LIMIT applies to uploads too.
	const uploadWarning = dev ? null : await checkServerBodyLimit(sql, process.env.BODY_SIZE_LIMIT);
	if (uploadWarning) console.warn(`[disclose] WARNING: ${uploadWarning}`);
	const stack = await createEmbeddedStack({ sql, keys, storageDir: join(dataDir, 'storage'), auth: auth.config, bodyLimits });
	const statusFile = join(dataDir, 'status.json');
	const status = {
		apiUrl: null as string | null,
		anonKey: keys.anonKey,
		serviceRoleKey: keys.serviceRoleKey,
		databaseUrl,
		pid: process.pid
	};
	await writeFile(statusFile, JSON.stringify(status, null, 2), { mode: 0o600 });
	const applied = report.applied.length ? ` applied ${report.applied.length} migration(s);` : '';
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
