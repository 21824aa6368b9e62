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
import { startCluster } from '../../../src/lib/server/embedded/postgres/cluster';
import { migrate, parseMigrationFileName } from '../../../src/lib/server/embedded/postgres/migrate';

const root = join(tmpdir(), `disclose-restart-${randomBytes(4).toString('hex')}`);
afterAll(() => rm(root, { recursive: true, force: true }));

async function withStartedCluster<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
	const cluster = await startCluster({ dir: join(root, 'data'), ephemeral: true });
	const sql = postgres(cluster.url('postgres'), { max: 2, onnotice: () => {} });
	try {
		return await work(sql);
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

	const first = await withStartedCluster(async (sql) => {
		const report = await migrate(sql, join(root, 'supabase'));
		await sql`insert into auth.users (email) values ('kept@example.org')`;
		await sql`insert into public.notes (body) values ('typed by a user')`;
		return report;
	});
	expect(first).toEqual({ applied: ['20250101000000_notes.sql'], seeded: true });

	await writeFile(join(migrations, '20250102000000_tags.sql'), 'alter table public.notes add column tag text;');
	const second = await withStartedCluster(async (sql) => {
		const report = await migrate(sql, join(root, 'supabase'));
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
	await withStartedCluster(async (sql) => {
		await expect(migrate(sql, dir)).rejects.toThrow(/Migration 20250103000000_broken\.sql failed/);
		expect((await sql`select to_regclass('public.broken') as t`)[0]!.t).toBeNull();
		expect(await sql`select 1 from supabase_migrations.schema_migrations where version = '20250103000000'`).toHaveLength(0);
	});
});
