/**
 * Runs one API request as PostgREST does: a single transaction (read-only for
 * reads), the caller's role via `set_config('role', …, true)` and the JWT
 * claims in `request.jwt.claims` (plus the legacy per-claim keys that
 * Supabase's auth.uid()/auth.role() read first), so RLS decides exactly as on
 * Supabase. Like PostgREST ≥ 11 ("impersonated role settings"), the settings
 * stored for that role (`alter role anon set statement_timeout = '3s'`, read
 * from pg_db_role_setting, a database-specific one over a global one) are set
 * for the transaction, so a slow query as anon ends after 3 s with SQLSTATE
 * 57014 as it would on Supabase. Any error rolls the whole request back.
 */
import type { Sql, TransactionSql } from 'postgres';
import type { RequestAuth } from './request-auth';

export interface RunAsOptions {
	readOnly: boolean;
	method: string;
	path: string;
	headers?: Record<string, string>;
	/** More transaction-local settings for this request (set in the same statement as the role). */
	settings?: Record<string, string>;
}

export async function runAs<T>(
	sql: Sql,
	auth: RequestAuth,
	options: RunAsOptions,
	work: (tx: TransactionSql) => Promise<T>
): Promise<T> {
	const mode = options.readOnly ? 'read only' : 'read write';
	const claims = auth.claims;
	const str = (value: unknown) => (typeof value === 'string' ? value : '');
	const result = await sql.begin(mode, async (tx) => {
		await tx`select
			set_config('role', ${auth.role}, true),
			set_config('request.jwt.claims', ${JSON.stringify(claims)}, true),
			set_config('request.jwt.claim.sub', ${str(claims.sub)}, true),
			set_config('request.jwt.claim.role', ${auth.role}, true),
			set_config('request.jwt.claim.email', ${str(claims.email)}, true),
			set_config('request.method', ${options.method}, true),
			set_config('request.path', ${options.path}, true),
			set_config('request.headers', ${JSON.stringify(options.headers ?? {})}, true),
			(select count(set_config(extra.name, extra.value, true))
			 from unnest(${Object.keys(options.settings ?? {})}::text[], ${Object.values(options.settings ?? {})}::text[])
				as extra(name, value)),
			-- The stored settings PostgREST's session would have, in the same round trip (this runs on
			-- every API request): those of authenticator (the role PostgREST logs in as), overridden by
			-- the impersonated role's. So service_role, which has none, keeps authenticator's 8 s
			-- (Supabase docs, "Timeouts": "service_role: none (defaults to the authenticator role's 8s
			-- timeout if unset)").
			(select count(set_config(setting.name, setting.value, true))
			 from (
				select distinct on (split_part(entry, '=', 1))
					split_part(entry, '=', 1) as name, substr(entry, strpos(entry, '=') + 1) as value
				from pg_db_role_setting
				join pg_roles as r on r.oid = setrole
				cross join unnest(setconfig) as entry
				where r.rolname in (${auth.role}, 'authenticator')
					and setdatabase in (0, (select oid from pg_database where datname = current_database()))
				order by split_part(entry, '=', 1), (r.rolname = ${auth.role}) desc, setdatabase desc
			 ) as setting)`;
		return work(tx);
	});
	return result as T;
}

export function lowerCaseHeaders(request: Request): Record<string, string> {
	const headers: Record<string, string> = {};
	request.headers.forEach((value, key) => {
		if (key !== 'authorization' && key !== 'cookie') headers[key.toLowerCase()] = value;
	});
	return headers;
}
