/**
 * Everything one /rest/v1 request needs, and the single transaction it runs
 * in (as the caller's role, with the JWT claims set, via runAs).
 */
import type { Sql, TransactionSql } from 'postgres';
import { lowerCaseHeaders, runAs } from '../run-as';
import type { RequestAuth } from '../request-auth';
import { BodyTooLarge, readLimitedText } from '../http/body-limit';
import { ApiError, bodyTooLarge, unsupported } from './errors';
import type { AcceptOptions, Preferences } from './request-options';
import type { SchemaCache } from './schema-cache';

export interface RestContext {
	sql: Sql;
	cache: SchemaCache;
	request: Request;
	method: string;
	/** Path below /rest/v1, e.g. `/todos`. */
	path: string;
	url: URL;
	auth: RequestAuth;
	prefs: Preferences;
	accept: AcceptOptions;
	/** Largest JSON body accepted, in bytes (DISCLOSE_REST_BODY_LIMIT). */
	maxBodyBytes: number;
}

export function inTransaction<T>(ctx: RestContext, readOnly: boolean, work: (tx: TransactionSql) => Promise<T>): Promise<T> {
	return runAs(
		ctx.sql,
		ctx.auth,
		{ readOnly, method: ctx.method, path: ctx.path, headers: lowerCaseHeaders(ctx.request) },
		work
	);
}

/**
 * Runs the request's one statement as a prepared statement, as PostgREST does (`db-prepared-statements`, on by
 * default): one round trip (an unprepared statement with parameters costs two in postgres.js, which describes it
 * first) and a plan kept for the next request of the same shape. Each connection keeps its statements until it is
 * retired (postgres.js `max_lifetime`, 30 to 60 minutes; PostgREST's `db-pool-max-lifetime` is 30).
 */
export async function runStatement(tx: TransactionSql, text: string, values: (string | null)[]): Promise<Record<string, unknown> | undefined> {
	const rows = await tx.unsafe(text, values, { prepare: true });
	return rows[0] as Record<string, unknown> | undefined;
}

/** Bodies are JSON; PostgREST's CSV and form-encoded bodies are refused by name. */
export function checkContentType(request: Request): void {
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (type === 'text/csv' || type === 'application/x-www-form-urlencoded' || type === 'application/octet-stream') {
		throw unsupported(`request bodies of Content-Type ${type}`);
	}
}

/** The body as text, refused with 413 over `ctx.maxBodyBytes` (or the server's BODY_SIZE_LIMIT) before it is buffered. */
export async function readBodyText(ctx: RestContext): Promise<string> {
	try {
		return await readLimitedText(ctx.request, ctx.maxBodyBytes);
	} catch (error) {
		if (error instanceof BodyTooLarge) throw bodyTooLarge(error.limit);
		throw error;
	}
}

/** The JSON request body: must parse, and be an object or (when allowed) an array of objects. */
export async function readJsonBody(ctx: RestContext, allowArray: boolean): Promise<Record<string, unknown>[] | Record<string, unknown>> {
	checkContentType(ctx.request);
	const text = await readBodyText(ctx);
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch (error) {
		const reason = text.trim() === '' ? 'Empty body' : error instanceof Error ? error.message : String(error);
		throw new ApiError(400, 'PGRST102', 'Empty or invalid json', reason);
	}
	const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
	if (isObject(body)) return body;
	if (allowArray && Array.isArray(body) && body.every(isObject)) return body;
	throw new ApiError(400, 'PGRST102', 'Empty or invalid json', allowArray ? 'Expected a JSON object or an array of objects' : 'Expected a JSON object');
}
