/**
 * The embedded database has a Supabase project's role model, so a migration
 * that passes here deploys with `supabase db push`: migrations run as
 * `postgres`, which is not a superuser and owns none of the auth and storage
 * tables; the one supautils rule our migrations rely on (policies on
 * storage.objects) is reproduced and nothing wider. Each probe below is a
 * migration file applied by the real runner to a new database.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import postgres from 'postgres';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { migrate } from '../../../src/lib/server/embedded/postgres/migrate';

const clusterUrl = inject('clusterUrl');
const migratorUrl = inject('migratorUrl');
const templateDb = inject('templateDb');
const root = join(tmpdir(), `disclose-roles-${randomBytes(4).toString('hex')}`);
afterAll(() => rm(root, { recursive: true, force: true }));

const onDatabase = (url: string, db: string) => url.replace(/\/postgres$/, `/${db}`);

/** Runs `work` on the migrated integration template (read-only use: nothing is written to it). */
async function onTemplate(work: (sql: postgres.Sql) => Promise<void>): Promise<void> {
	const sql = postgres(onDatabase(clusterUrl, templateDb), { max: 1, onnotice: () => {} });
	try {
		await work(sql);
	} finally {
		await sql.end();
	}
}

/** Applies `setup` (as the superuser) and then `migration` (as postgres, through migrate) to a new database. */
async function applyProbe(migration: string, setup = ''): Promise<{ error: Error | null; sql: postgres.Sql; done: () => Promise<void> }> {
	const db = `probe_${randomBytes(5).toString('hex')}`;
	const admin = postgres(clusterUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${db}`);
	await admin.end();
	const sql = postgres(onDatabase(clusterUrl, db), { max: 1, onnotice: () => {} });
	const dir = join(root, db);
	await mkdir(join(dir, 'migrations'), { recursive: true });
	await migrate(sql, dir, { migratorUrl: onDatabase(migratorUrl, db) }); // bootstrap only
	if (setup) await sql.unsafe(setup);
	await writeFile(join(dir, 'migrations', '20300101000000_probe.sql'), migration);
	let error: Error | null = null;
	try {
		await migrate(sql, dir, { migratorUrl: onDatabase(migratorUrl, db) });
	} catch (caught) {
		error = caught as Error;
	}
	return {
		error,
		sql,
		done: async () => {
			await sql.end();
			const cleanup = postgres(clusterUrl, { max: 1, onnotice: () => {} });
			await cleanup.unsafe(`drop database ${db} with (force)`);
			await cleanup.end();
		}
	};
}

async function expectRefused(migration: string, message: RegExp, setup = '') {
	const probe = await applyProbe(migration, setup);
	try {
		expect(probe.error?.message).toMatch(/^Migration 20300101000000_probe\.sql failed: /);
		expect(probe.error?.message).toMatch(message);
		const [recorded] = await probe.sql`select count(*)::int as n from supabase_migrations.schema_migrations where version = '20300101000000'`;
		expect(recorded!.n).toBe(0);
	} finally {
		await probe.done();
	}
}

describe('the roles of a Supabase project', () => {
	it('makes postgres a non-superuser with the attributes Supabase gives it', () =>
		onTemplate(async (sql) => {
			const [role] = await sql`select rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls, rolcanlogin
				from pg_roles where rolname = 'postgres'`;
			expect(role).toEqual({ rolsuper: false, rolcreaterole: true, rolcreatedb: true, rolreplication: true, rolbypassrls: true, rolcanlogin: true });
			const [member] = await sql`select pg_has_role('postgres', 'supabase_auth_admin', 'USAGE') as auth,
				pg_has_role('postgres', 'supabase_storage_admin', 'USAGE') as storage,
				pg_has_role('postgres', 'supabase_admin', 'USAGE') as admin,
				pg_has_role('postgres', 'authenticated', 'USAGE') as api`;
			expect(member).toEqual({ auth: false, storage: false, admin: false, api: true });
			const inherit = await sql`select rolname, rolinherit from pg_roles
				where rolname in ('anon', 'authenticated', 'service_role', 'authenticator') order by rolname`;
			expect(inherit.map((r) => [r.rolname, r.rolinherit])).toEqual([
				['anon', true], ['authenticated', true], ['authenticator', false], ['service_role', true]
			]);
		}));

	it('has the migrations applied as postgres, and auth and storage owned by their own roles', () =>
		onTemplate(async (sql) => {
			const owners = await sql`select c.oid::regclass::text as relation, pg_get_userbyid(c.relowner) as owner
				from pg_class as c where c.oid in ('public.records_requests'::regclass, 'auth.users'::regclass,
					'storage.objects'::regclass, 'storage.buckets'::regclass, 'supabase_migrations.schema_migrations'::regclass)
				order by 1`;
			expect(Object.fromEntries(owners.map((r) => [r.relation, r.owner]))).toEqual({
				'auth.users': 'supabase_auth_admin',
				records_requests: 'postgres',
				'storage.buckets': 'supabase_storage_admin',
				'storage.objects': 'supabase_storage_admin',
				'supabase_migrations.schema_migrations': 'postgres'
			});
			const policies = await sql`select count(*)::int as n from pg_policies where schemaname = 'storage' and tablename = 'objects'`;
			expect(policies[0]!.n).toBeGreaterThan(0);
		}));
});

describe('a migration that a Supabase project would refuse fails here too', () => {
	it('refuses what needs a superuser', () =>
		expectRefused(
			`create function public.probe_ddl() returns event_trigger language plpgsql as $$ begin end $$;
			create event trigger probe on ddl_command_start execute function public.probe_ddl();`,
			/permission denied to create event trigger/
		));

	it('refuses changing an auth table postgres does not own', () =>
		expectRefused('alter table auth.users add column nickname text;', /must be owner of table users/));

	it('refuses turning row-level security on storage.objects on or off (owner only)', () =>
		expectRefused('alter table storage.objects enable row level security;', /must be owner of table objects/));

	it('refuses a policy on storage.buckets, which is not in the embedded grant list', () =>
		expectRefused(
			`create policy "probe" on storage.buckets for select to authenticated using (true);`,
			/must be owner of table buckets/
		));

	it('refuses a policy on auth.users (narrower than Supabase, which lists it, so never wider)', () =>
		expectRefused(`create policy "probe" on auth.users for select using (true);`, /must be owner of table users/));

	it('refuses dropping a policy on storage.buckets', () =>
		expectRefused(
			`drop policy "see buckets" on storage.buckets;`,
			/must be owner of table buckets/,
			`create policy "see buckets" on storage.buckets for select using (true);`
		));

	it('refuses a direct delete from storage.objects, as Supabase Storage does', () =>
		expectRefused(`delete from storage.objects where bucket_id = 'nothing';`, /Direct deletion from storage tables is not allowed/));
});

describe('what a Supabase project lets postgres do works here', () => {
	it('creates, alters and drops policies on storage.objects, and keeps no ownership afterwards', async () => {
		const probe = await applyProbe(
			`create policy "probe read" on storage.objects for select to authenticated using (bucket_id = 'probe');
			alter policy "probe read" on storage.objects using (bucket_id = 'probe' and owner = auth.uid());
			create policy "probe gone" on storage.objects for delete to authenticated using (false);
			drop policy "probe gone" on storage.objects;
			create table public.probe_profiles (id uuid primary key references auth.users (id) on delete cascade);
			create function public.probe_new_user() returns trigger language plpgsql security definer set search_path = '' as
				$$ begin insert into public.probe_profiles (id) values (new.id); return new; end $$;
			create trigger probe_on_auth_user after insert on auth.users for each row execute function public.probe_new_user();`
		);
		try {
			expect(probe.error).toBeNull();
			const policies = await probe.sql`select policyname, qual from pg_policies where schemaname = 'storage' and policyname like 'probe%'`;
			expect(policies.map((p) => p.policyname)).toEqual(['probe read']);
			expect(policies[0]!.qual).toMatch(/auth\.uid\(\)/);
			const [member] = await probe.sql`select pg_has_role('postgres', 'supabase_storage_admin', 'USAGE') as m`;
			expect(member!.m).toBe(false);
		} finally {
			await probe.done();
		}
	});
});

describe('auth and storage columns as Supabase has them', () => {
	it('gives auth.users.id no default, and storage.foldername of an empty name null', () =>
		onTemplate(async (sql) => {
			await expect(sql`insert into auth.users (email) values ('no-id@example.org')`).rejects.toMatchObject({ code: '23502' });
			const [row] = await sql`select storage.foldername('') as empty, storage.foldername('a/b/c.png') as nested,
				storage.foldername('c.png') as flat`;
			expect(row).toEqual({ empty: null, nested: ['a', 'b'], flat: [] });
		}));
});
