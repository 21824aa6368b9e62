/**
 * Applies what Supabase provides (bootstrap.sql, as the superuser), then every
 * file of supabase/migrations in order as `postgres` (the non-superuser
 * `supabase db push` connects as), one transaction per file, recording each in
 * supabase_migrations.schema_migrations as the Supabase CLI does, so a restart
 * applies only new files. supabase/seed.sql runs once, on a new database, as
 * `postgres` too.
 */
import postgres, { type Sql } from 'postgres';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import bootstrapSql from './bootstrap.sql?raw';

export interface MigrationReport {
	applied: string[];
	seeded: boolean;
}

/** `20250101000000_name.sql` -> { version: '20250101000000', name: 'name' } (CLI convention). */
export function parseMigrationFileName(file: string): { version: string; name: string } | null {
	const match = /^(\d+)_(.+)\.sql$/.exec(file);
	return match ? { version: match[1]!, name: match[2]! } : null;
}

export interface MigrateOptions {
	seed?: boolean;
	/**
	 * Where `postgres` connects (Cluster.migratorUrl) for the migrations and the seed; the
	 * connection is closed when done. Without it they run on `sql`, the superuser's.
	 */
	migratorUrl?: string;
}

export async function migrate(
	sql: Sql,
	supabaseDir: string,
	options: MigrateOptions = {}
): Promise<MigrationReport> {
	const migrator = options.migratorUrl
		? postgres(options.migratorUrl, { max: 1, onnotice: () => {} })
		: sql;
	try {
		return await apply(sql, migrator, supabaseDir, options);
	} finally {
		if (migrator !== sql) await migrator.end();
	}
}

async function apply(
	sql: Sql,
	migrator: Sql,
	supabaseDir: string,
	options: MigrateOptions
): Promise<MigrationReport> {
	const fresh =
		(await sql`select to_regclass('supabase_migrations.schema_migrations') as t`)[0]?.t === null;
	await sql.unsafe(bootstrapSql);

	const migrationsDir = join(supabaseDir, 'migrations');
	const files = existsSync(migrationsDir)
		? (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort()
		: [];
	const done = new Set(
		(await sql`select version from supabase_migrations.schema_migrations`).map((r) => r.version as string)
	);
	const applied: string[] = [];
	for (const file of files) {
		const parsed = parseMigrationFileName(file);
		if (!parsed) throw new Error(`Migration file name must look like <timestamp>_<name>.sql: ${file}`);
		if (done.has(parsed.version)) continue;
		const text = await readFile(join(migrationsDir, file), 'utf8');
		await migrator.begin(async (tx) => {
			try {
				await tx.unsafe(text);
			} catch (error) {
				throw new Error(`Migration ${file} failed: ${(error as Error).message}`, { cause: error });
			}
			await tx`insert into supabase_migrations.schema_migrations (version, name, statements)
				values (${parsed.version}, ${parsed.name}, ${[text]})`;
		});
		applied.push(file);
	}

	let seeded = false;
	const seedFile = join(supabaseDir, 'seed.sql');
	if (fresh && options.seed !== false && existsSync(seedFile)) {
		const text = await readFile(seedFile, 'utf8');
		await migrator.begin(async (tx) => {
			await tx.unsafe(text);
			await tx`insert into supabase_migrations.seed_files (path, hash)
				values ('supabase/seed.sql', md5(${text}))`;
		});
		seeded = true;
	}
	return { applied, seeded };
}
