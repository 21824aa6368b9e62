/**
 * The embedded default across restarts: the same data folder keeps users and
 * rows, a new migration file is applied on the next start (and only it), and
 * the seed runs once, on a new database.
 */
import { afterAll, expect, it } from 'vitest';
import postgres from 'postgres';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { freePort, loadEmbeddedPostgres, startCluster, type Cluster } from '../../../src/lib/server/embedded/postgres/cluster';
import { migrate, parseMigrationFileName } from '../../../src/lib/server/embedded/postgres/migrate';

const root = join(tmpdir(), `disclose-restart-${randomBytes(4).toString('hex')}`);
afterAll(() => rm(root, { recursive: true, force: true }));

async function withStartedCluster<T>(work: (sql: postgres.Sql, cluster: Cluster) => Promise<T>): Promise<T> {
	const cluster = await startCluster({ dir: join(root, 'data'), ephemeral: true });
	const sql = postgres(cluster.url('postgres'), { max: 2, onnotice: () => {} });
	try {
		return await work(sql, cluster);
	} finally {
		await sql.end();
		await cluster.stop();
	}
}

it('parses Supabase CLI migration file names and rejects others', () => {
	expect(parseMigrationFileName('20250101000000_organisations.sql')).toEqual({ version: '20250101000000', name: 'organisations' });
	expect(parseMigrationFileName('organisations.sql')).toBeNull();
});

it('keeps data across restarts, applies only new migrations, and seeds once', async () => {
	await mkdir(join(root, 'supabase', 'migrations'), { recursive: true });
	await chmod(root, 0o755);
	const migrations = join(root, 'supabase', 'migrations');
	await writeFile(join(migrations, '20250101000000_notes.sql'), 'create table public.notes (id serial primary key, body text not null);');
	await writeFile(join(root, 'supabase', 'seed.sql'), "insert into public.notes (body) values ('seeded');");

	const first = await withStartedCluster(async (sql, cluster) => {
		const report = await migrate(sql, join(root, 'supabase'), { migratorUrl: cluster.migratorUrl('postgres') });
		await sql`insert into auth.users (id, aud, role, created_at, email) values (gen_random_uuid(), 'authenticated', 'authenticated', now(), 'kept@example.org')`;
		await sql`insert into public.notes (body) values ('typed by a user')`;
		return report;
	});
	expect(first).toEqual({ applied: ['20250101000000_notes.sql'], seeded: true });

	await writeFile(join(migrations, '20250102000000_tags.sql'), 'alter table public.notes add column tag text;');
	const second = await withStartedCluster(async (sql, cluster) => {
		const report = await migrate(sql, join(root, 'supabase'), { migratorUrl: cluster.migratorUrl('postgres') });
		const notes = await sql`select body, tag from public.notes order by id`;
		const users = await sql`select email from auth.users`;
		const history = await sql`select version, name from supabase_migrations.schema_migrations order by version`;
		return { report, notes, users, history };
	});
	expect(second.report).toEqual({ applied: ['20250102000000_tags.sql'], seeded: false });
	expect(second.notes.map((n) => n.body)).toEqual(['seeded', 'typed by a user']);
	expect(second.users.map((u) => u.email)).toEqual(['kept@example.org']);
	expect(second.history).toEqual([
		{ version: '20250101000000', name: 'notes' },
		{ version: '20250102000000', name: 'tags' }
	]);
});

it('stops at a failing migration without recording it, naming the file', async () => {
	const dir = join(root, 'bad');
	await mkdir(join(dir, 'migrations'), { recursive: true });
	await writeFile(join(dir, 'migrations', '20250103000000_broken.sql'), 'create table public.broken (id int); select nonsense_function();');
	await withStartedCluster(async (sql, cluster) => {
		await expect(migrate(sql, dir, { migratorUrl: cluster.migratorUrl('postgres') })).rejects.toThrow(/Migration 20250103000000_broken\.sql failed/);
		expect((await sql`select to_regclass('public.broken') as t`)[0]!.t).toBeNull();
		expect(await sql`select 1 from supabase_migrations.schema_migrations where version = '20250103000000'`).toHaveLength(0);
	});
});

it('keeps working on a data folder from before the Supabase role model, and says so', async () => {
	const dir = join(root, 'legacy');
	await mkdir(join(dir, 'supabase', 'migrations'), { recursive: true });
	await chmod(root, 0o755);
	await writeFile(join(dir, 'supabase', 'migrations', '20250101000000_notes.sql'), 'create table public.notes (id serial primary key);');
	// What earlier versions created: a cluster whose bootstrap superuser is `postgres`.
	const EmbeddedPostgres = await loadEmbeddedPostgres();
	const password = 'legacy-password';
	await mkdir(join(dir, 'data'), { recursive: true });
	await writeFile(join(dir, 'data', 'superuser-password'), password + '\n');
	const old = new EmbeddedPostgres({
		databaseDir: join(dir, 'data', 'pgdata'), port: await freePort(), user: 'postgres', password, authMethod: 'scram-sha-256',
		persistent: true, createPostgresUser: process.getuid?.() === 0, initdbFlags: ['--encoding=UTF8', '--no-locale'], onLog: () => {}
	});
	await old.initialise();

	const lines: string[] = [];
	const cluster = await startCluster({ dir: join(dir, 'data'), ephemeral: true, log: (line) => lines.push(line) });
	const sql = postgres(cluster.url('postgres'), { max: 2, onnotice: () => {} });
	try {
		expect(cluster.legacy).toBe(true);
		expect(lines.join('\n')).toMatch(/predates the Supabase role model/);
		const report = await migrate(sql, join(dir, 'supabase'), { migratorUrl: cluster.migratorUrl('postgres') });
		expect(report.applied).toEqual(['20250101000000_notes.sql']);
		const [owner] = await sql`select pg_get_userbyid(relowner) as owner from pg_class where oid = 'auth.users'::regclass`;
		expect(owner!.owner).toBe('supabase_auth_admin');
	} finally {
		await sql.end();
		await cluster.stop();
	}
});
