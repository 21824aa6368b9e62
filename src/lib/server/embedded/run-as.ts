/**
 * Runs one API request as PostgREST does: a single transaction (read-only for
 * reads), the caller's role via `set_config('role', …, true)` and the JWT
 * claims in `request.jwt.claims` (plus the legacy per-claim keys that
 * Supabase's auth.uid()/auth.role() read first), so RLS decides exactly as on
 * Supabase. Like PostgREST ≥ 11 ("impersonated role settings"), the settings
 * stored for that role (`alter role anon set statement_timeout = '3s'`, see
 * role-settings.ts) are set for the transaction, so a slow query as anon ends
 * after 3 s with SQLSTATE 57014 as it would on Supabase. Any error rolls the
 * whole request back.
 */
import type { Sql, TransactionSql } from 'postgres';
import type { RequestAuth } from './request-auth';
import { roleSettings, settingsOf } from './role-settings';

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
	// The role's stored settings (role-settings.ts: read once, as PostgREST does), then this request's own.
	const settings = { ...settingsOf(await roleSettings(sql), auth.role), ...options.settings };
	const result = await sql.begin(mode, async (tx) => {
		// Sent at once and not waited for: the request's statement follows it on the same connection in one
		// pipeline (postgres.js), so the settings cost no round trip of their own. PostgreSQL runs them in order.
		const applied = tx`select
			set_config('role', ${auth.role}, true),
			set_config('request.jwt.claims', ${JSON.stringify(claims)}, true),
			set_config('request.jwt.claim.sub', ${str(claims.sub)}, true),
			set_config('request.jwt.claim.role', ${auth.role}, true),
			set_config('request.jwt.claim.email', ${str(claims.email)}, true),
			set_config('request.method', ${options.method}, true),
			set_config('request.path', ${options.path}, true),
			set_config('request.headers', ${JSON.stringify(options.headers ?? {})}, true),
			(select count(set_config(extra.name, extra.value, true))
			 from unnest(${Object.keys(settings)}::text[], ${Object.values(settings)}::text[]) as extra(name, value))`.then(
			() => null,
			(error: unknown) => error
		);
		let answer: T;
		try {
			answer = await work(tx);
		} catch (error) {
			// When the settings failed, the statement after them only says the transaction is aborted: report theirs.
			throw (await applied) ?? error;
		}
		const failed = await applied;
		if (failed) throw failed;
		return answer;
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
