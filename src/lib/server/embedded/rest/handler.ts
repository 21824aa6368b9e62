/**
 * /rest/v1: a PostgREST-compatible subset over the `public` schema, enough
 * for the unmodified supabase-js client. Each request: verify the JWT,
 * parse headers and query, build one SQL statement from the schema cache,
 * run it in one transaction as the caller's role (runAs), answer with
 * PostgREST's status codes, headers and error bodies.
 * The supported subset is listed in ./README.md.
 */
import type { Sql } from 'postgres';
import { resolveAuth } from '../request-auth';
import type { RestContext } from './context';
import { ApiError, errorResponse, toApiError, unsupported } from './errors';
import { parseAccept, parsePrefer } from './request-options';
import { callRpc } from './rpc';
import { EXPOSED_SCHEMA, loadSchemaCache, type SchemaCache } from './schema-cache';
import { readTable } from './table-read';
import { writeTable } from './table-write';

function checkProfile(request: Request, method: string): void {
	const header = method === 'GET' || method === 'HEAD' ? 'accept-profile' : 'content-profile';
	const schema = request.headers.get(header);
	if (schema !== null && schema.trim() !== EXPOSED_SCHEMA) {
		throw new ApiError(406, 'PGRST106', `Invalid schema: ${schema}`, null, `Only the following schemas are exposed: ${EXPOSED_SCHEMA}`);
	}
}

function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0]!;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
			prev = row[j]!;
			row[j] = next;
		}
	}
	return row[b.length]!;
}

function tableNotFound(cache: SchemaCache, name: string): ApiError {
	const close = [...cache.relations.keys()]
		.map((candidate) => ({ candidate, d: distance(name, candidate) }))
		.filter(({ d }) => d <= 3)
		.sort((x, y) => x.d - y.d)[0];
	const hint = close ? `Perhaps you meant the table '${EXPOSED_SCHEMA}.${close.candidate}'` : null;
	return new ApiError(404, 'PGRST205', `Could not find the table '${EXPOSED_SCHEMA}.${name}' in the schema cache`, null, hint);
}

function pathSegments(path: string): string[] {
	try {
		return path.split('/').filter((s) => s !== '').map(decodeURIComponent);
	} catch {
		return ['', '', ''];
	}
}

async function route(ctx: RestContext): Promise<Response> {
	const segments = pathSegments(ctx.path);
	if (segments.length === 2 && segments[0] === 'rpc') return callRpc(ctx, segments[1]!);
	if (segments.length !== 1) {
		if (segments.length === 0) throw new ApiError(404, 'PGRST126', 'Root endpoint metadata (OpenAPI) is not available on this server');
		throw new ApiError(404, 'PGRST125', 'Invalid path specified in request URL');
	}
	const name = segments[0]!;
	const relation = ctx.cache.relations.get(name);
	if (!relation) throw tableNotFound(ctx.cache, name);
	switch (ctx.method) {
		case 'GET':
		case 'HEAD':
			return readTable(ctx, relation);
		case 'POST':
		case 'PATCH':
		case 'DELETE':
			return writeTable(ctx, relation);
		case 'PUT':
			throw unsupported('PUT (single-row upsert by primary key); use POST with Prefer: resolution=merge-duplicates');
		default:
			throw new ApiError(405, 'PGRST117', `Unsupported HTTP method: ${ctx.method}`);
	}
}

/** Default largest JSON body for /rest/v1 (DISCLOSE_REST_BODY_LIMIT). */
export const DEFAULT_REST_BODY_LIMIT = 4 * 1024 * 1024;

export async function createRestHandler(options: { sql: Sql; jwtSecret: string; maxBodyBytes?: number }): Promise<{
	handle(request: Request, path: string): Promise<Response>;
	reloadSchema(): Promise<void>;
}> {
	let cache = await loadSchemaCache(options.sql);

	async function handle(request: Request, path: string): Promise<Response> {
		let anonymous = true;
		try {
			const resolved = resolveAuth(request, options.jwtSecret);
			if (!resolved.ok) {
				const { message, kind } = resolved.error;
				const description = message.replace(/"/g, "'");
				throw new ApiError(401, kind === 'decode' ? 'PGRST301' : 'PGRST303', message, null, null, {
					'www-authenticate': `Bearer error="invalid_token", error_description="${description}"`
				});
			}
			anonymous = resolved.auth.anonymous;
			const method = request.method.toUpperCase();
			checkProfile(request, method);
			const ctx: RestContext = {
				sql: options.sql,
				cache,
				request,
				method,
				path,
				url: new URL(request.url),
				auth: resolved.auth,
				prefs: parsePrefer(request.headers),
				accept: parseAccept(request.headers),
				maxBodyBytes: options.maxBodyBytes ?? DEFAULT_REST_BODY_LIMIT
			};
			return await route(ctx);
		} catch (error) {
			return errorResponse(toApiError(error, anonymous));
		}
	}

	return {
		handle,
		async reloadSchema() {
			cache = await loadSchemaCache(options.sql);
		}
	};
}
