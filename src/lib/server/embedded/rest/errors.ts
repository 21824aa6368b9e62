/**
 * PostgREST's error shape ({code, message, details, hint}, all four keys) and
 * its SQLSTATE → HTTP status mapping, so supabase-js sees the same `error`
 * objects and status codes as against a real Supabase project.
 */
import type postgres from 'postgres';

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly details: unknown = null,
		readonly hint: string | null = null,
		readonly headers: Record<string, string> = {}
	) {
		super(message);
	}
}

/** Query-string parse error (PGRST100). */
export function parseError(message: string, details: string | null = null): ApiError {
	return new ApiError(400, 'PGRST100', message, details);
}

/** A PostgREST feature this server deliberately does not implement (names it). */
export function unsupported(feature: string): ApiError {
	return new ApiError(
		400,
		'PGRST127',
		`Feature not implemented: ${feature} is not supported by this server`,
		null,
		'See src/lib/server/embedded/rest/README.md for the supported subset.'
	);
}

export function columnNotFound(table: string, column: string): ApiError {
	return new ApiError(400, '42703', `column ${table}.${column} does not exist`);
}

export function payloadColumnNotFound(table: string, column: string): ApiError {
	return new ApiError(400, 'PGRST204', `Could not find the '${column}' column of '${table}' in the schema cache`);
}

/**
 * A request body over our limit (or the server's BODY_SIZE_LIMIT when `limit` is null). PostgREST has no
 * code for this (it leaves body limits to the proxy in front), so the code is ours and not a PGRST one.
 */
export function bodyTooLarge(limit: number | null): ApiError {
	return limit === null
		? new ApiError(413, 'request_too_large', "Request body is larger than the server's BODY_SIZE_LIMIT", null, 'Send fewer or smaller rows per request.')
		: new ApiError(413, 'request_too_large', `Request body is larger than the limit of ${limit} bytes`, null, 'Send fewer or smaller rows per request (the limit is DISCLOSE_REST_BODY_LIMIT).');
}

function isPostgresError(error: unknown): error is postgres.PostgresError {
	return error instanceof Error && error.name === 'PostgresError' && typeof (error as { code?: unknown }).code === 'string';
}

function statusForSqlState(code: string, message: string, anonymous: boolean): number {
	const exact: Record<string, number> = {
		'23503': 409,
		'23505': 409,
		'25006': 405,
		'42P17': 500,
		'42P01': 404,
		'53400': 500,
		'57P01': 503,
		P0001: 400
	};
	if (code in exact) return exact[code]!;
	if (code === '42501') return anonymous ? 401 : 403;
	if (code === '21000') return /requires a WHERE clause$/.test(message) ? 400 : 500;
	if (code === '22023') return isUnknownRole(message) ? 401 : 400;
	if (code === '42883') return message.startsWith('function xmlagg(') ? 406 : 404;
	if (/^PT\d{3}$/.test(code)) return Number(code.slice(2));
	const byClass: Array<[string, number]> = [
		['08', 503], ['09', 500], ['0L', 403], ['0P', 403], ['25', 500], ['28', 403], ['2D', 500],
		['38', 500], ['39', 500], ['3B', 500], ['40', 500], ['53', 503], ['54', 500], ['55', 500],
		['57', 500], ['58', 500], ['F0', 500], ['HV', 500], ['XX', 500], ['P0', 500]
	];
	for (const [prefix, status] of byClass) if (code.startsWith(prefix)) return status;
	return 400;
}

function isUnknownRole(message: string): boolean {
	return /^role ".*" does not exist$/.test(message) || message.startsWith('invalid value for parameter "role"');
}

/** `RAISE sqlstate 'PGRST' USING message = '{json}', detail = '{json}'`: a fully custom error. */
function customPgrstError(error: postgres.PostgresError): ApiError {
	try {
		const body = JSON.parse(error.message) as Record<string, unknown>;
		const meta = JSON.parse(error.detail ?? '') as { status?: unknown; headers?: unknown };
		if (typeof body.code !== 'string' || typeof body.message !== 'string' || typeof meta.status !== 'number') throw new Error();
		const headers: Record<string, string> = {};
		if (meta.headers && typeof meta.headers === 'object') {
			for (const [k, v] of Object.entries(meta.headers)) headers[k] = String(v);
		}
		const hint = typeof body.hint === 'string' ? body.hint : null;
		return new ApiError(meta.status, body.code, body.message, body.details ?? null, hint, headers);
	} catch {
		return new ApiError(500, 'PGRST121', "Could not parse JSON in the \"RAISE SQLSTATE 'PGRST'\" error", error.message);
	}
}

/** Turns anything thrown while serving a request into an ApiError. */
export function toApiError(error: unknown, anonymous: boolean): ApiError {
	if (error instanceof ApiError) return error;
	if (isPostgresError(error)) {
		if (error.code === 'PGRST') return customPgrstError(error);
		let message = error.message;
		const status = statusForSqlState(error.code, message, anonymous);
		if (error.code === '22023' && status === 401) {
			const role = /"role": "(.*)"$/.exec(message)?.[1];
			if (role !== undefined) message = `role "${role}" does not exist`;
		}
		const headers: Record<string, string> = status === 401 ? { 'www-authenticate': 'Bearer' } : {};
		return new ApiError(status, error.code, message, error.detail ?? null, error.hint ?? null, headers);
	}
	const message = error instanceof Error ? error.message : String(error);
	return new ApiError(500, 'PGRSTX00', message);
}

export function errorResponse(error: ApiError): Response {
	const headers = new Headers({
		'content-type': 'application/json; charset=utf-8',
		'proxy-status': `PostgREST; error=${error.code}`
	});
	for (const [k, v] of Object.entries(error.headers)) headers.set(k, v);
	const body = { code: error.code, details: error.details ?? null, hint: error.hint ?? null, message: error.message };
	return new Response(JSON.stringify(body), { status: error.status, headers });
}
