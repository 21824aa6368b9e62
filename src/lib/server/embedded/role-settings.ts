/**
 * The settings stored for the API roles (`alter role anon set statement_timeout = '3s'`), read once per database
 * pool and applied to every API request by runAs, as PostgREST ≥ 11 applies "impersonated role settings": it reads
 * them when it loads its configuration and again on `NOTIFY pgrst, 'reload config'` (Supabase blog, "What is new in
 * PostgREST v11.1?": "You need to reload PostgREST config cache to apply these changes"). Here they are read again
 * when the stack reloads its schema (after migrations), so a changed role setting applies after a reload or restart,
 * as on Supabase.
 *
 * A role's settings are those of `authenticator` (the role PostgREST logs in as) overridden by its own, a
 * database-specific setting over a global one: service_role, which has none, keeps authenticator's 8 s (Supabase
 * docs, "Timeouts": "service_role: none (defaults to the authenticator role's 8s timeout if unset)").
 */
import type { Sql } from 'postgres';

export type RoleSettings = ReadonlyMap<string, Readonly<Record<string, string>>>;

const AUTHENTICATOR = 'authenticator';
const loaded = new WeakMap<Sql, Promise<RoleSettings>>();

async function readRoleSettings(sql: Sql): Promise<RoleSettings> {
	const rows = await sql<{ role: string; name: string; value: string }[]>`
		select r.rolname as role, split_part(entry, '=', 1) as name, substr(entry, strpos(entry, '=') + 1) as value
		from pg_db_role_setting
		join pg_roles as r on r.oid = setrole
		cross join unnest(setconfig) as entry
		where setdatabase in (0, (select oid from pg_database where datname = current_database()))
		order by setdatabase`;
	const byRole = new Map<string, Record<string, string>>();
	// Global settings first, then the database's: the later one wins.
	for (const { role, name, value } of rows) byRole.set(role, { ...byRole.get(role), [name]: value });
	const base = byRole.get(AUTHENTICATOR) ?? {};
	const settings = new Map<string, Record<string, string>>();
	for (const [role, own] of byRole) settings.set(role, { ...base, ...own });
	settings.set(AUTHENTICATOR, base);
	return settings;
}

/** The settings for requests as `role` (authenticator's when the role has none of its own). */
export function settingsOf(settings: RoleSettings, role: string): Readonly<Record<string, string>> {
	return settings.get(role) ?? settings.get(AUTHENTICATOR) ?? {};
}

/** The role settings of this pool's database, read on first use. */
export function roleSettings(sql: Sql): Promise<RoleSettings> {
	let settings = loaded.get(sql);
	if (!settings) {
		settings = readRoleSettings(sql).catch((error: unknown) => {
			loaded.delete(sql);
			throw error;
		});
		loaded.set(sql, settings);
	}
	return settings;
}

/** Read them again (the stack's schema reload). */
export async function reloadRoleSettings(sql: Sql): Promise<void> {
	loaded.delete(sql);
	await roleSettings(sql);
}
