/**
 * The Supabase-compatible HTTP surface over one PostgreSQL database:
 * /auth/v1, /rest/v1 and /storage/v1, each request run under the caller's
 * role and claims. Framework-free: takes a web Request, returns a Response
 * (or null when the path is not ours), so SvelteKit hooks, a plain Node
 * server in tests and benchmarks all use the same code.
 */
import type { Sql } from 'postgres';
import type { StackKeys } from './keys';
import { createRestHandler } from './rest/handler';
import { reloadRoleSettings } from './role-settings';
import { createStorageHandler } from './storage/handler';
import { createAuthHandler, type AuthRequestInfo } from './auth/handler';
import { harnessAuthConfig, type AuthConfig } from './auth/config';
import { devMailboxTransport } from './auth/mailbox';

export interface EmbeddedStackOptions {
	sql: Sql;
	keys: StackKeys;
	/** Folder for object bytes. */
	storageDir: string;
	/** What auth may do; harnesses that omit it get the dev mailbox and instant sign-up (./auth/config.ts). */
	auth?: AuthConfig;
	/** Largest JSON bodies in bytes (defaults: DEFAULT_REST_BODY_LIMIT, DEFAULT_AUTH_BODY_LIMIT). */
	bodyLimits?: { rest?: number; auth?: number };
}

export interface EmbeddedStack {
	keys: StackKeys;
	/** Where this stack's auth emails go (the app's own emails use the same). */
	auth: AuthConfig;
	sql: Sql;
	/** `clientIp`: the caller's address as the server determined it, for auth's rate limits. */
	handle(request: Request, info?: AuthRequestInfo): Promise<Response | null>;
	/** Re-read tables, columns, relationships and functions after DDL. */
	reloadSchema(): Promise<void>;
}

const CORS_HEADERS = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
	'access-control-allow-headers':
		'authorization, apikey, content-type, prefer, range, range-unit, accept-profile, content-profile, x-client-info, x-supabase-api-version, x-upsert, cache-control, x-metadata',
	'access-control-expose-headers': 'content-range, range-unit, preference-applied, x-supabase-api-version, location, etag, content-disposition, content-length'
};

export async function createEmbeddedStack(options: EmbeddedStackOptions): Promise<EmbeddedStack> {
	const rest = await createRestHandler({ sql: options.sql, jwtSecret: options.keys.jwtSecret, maxBodyBytes: options.bodyLimits?.rest });
	const storage = createStorageHandler({
		sql: options.sql,
		jwtSecret: options.keys.jwtSecret,
		storageDir: options.storageDir
	});
	const authConfig = options.auth ?? harnessAuthConfig(devMailboxTransport(options.sql));
	const auth = createAuthHandler({
		sql: options.sql,
		keys: options.keys,
		config: authConfig,
		maxBodyBytes: options.bodyLimits?.auth
	});
	const routes: Array<[string, (request: Request, path: string, info: AuthRequestInfo) => Promise<Response>]> = [
		['/rest/v1', rest.handle],
		['/auth/v1', auth.handle],
		['/storage/v1', storage.handle]
	];

	async function handle(request: Request, info: AuthRequestInfo = {}): Promise<Response | null> {
		const { pathname } = new URL(request.url);
		for (const [prefix, handler] of routes) {
			if (pathname !== prefix && !pathname.startsWith(prefix + '/')) continue;
			if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS_HEADERS });
			const response = await handler(request, pathname.slice(prefix.length) || '/', info);
			for (const [key, value] of Object.entries(CORS_HEADERS)) response.headers.set(key, value);
			return response;
		}
		return null;
	}

	async function reloadSchema(): Promise<void> {
		await Promise.all([rest.reloadSchema(), reloadRoleSettings(options.sql)]);
	}

	return { keys: options.keys, auth: authConfig, sql: options.sql, handle, reloadSchema };
}
