/**
 * GET / HEAD on a table or view: one READ ONLY transaction, one statement.
 */
import { buildReadQuery, type ReadSource } from './build-read';
import { inTransaction, runStatement, type RestContext } from './context';
import { parseQuery } from './parse-query';
import { parseSelect } from './parse-select';
import { planRead, type ReadNode } from './plan';
import { effectiveRange, parseRangeHeader } from './request-options';
import { jsonResponse, rangeHeader, readStatus, singleBody, toQueryResult, type QueryResult } from './response';
import { EXPOSED_SCHEMA, type Relation } from './schema-cache';
import { ident, Params, qualified } from './sql-text';

/** The response for a read result (tables, views, set-returning functions). */
export function readResponse(ctx: RestContext, result: QueryResult, offset: number, unwrap = false): Response {
	const status = readStatus(offset, result.page, result.total);
	let body = ctx.accept.single ? singleBody(result.page, result.body) : result.body;
	if (unwrap && !ctx.accept.single && body !== null) body = JSON.stringify((JSON.parse(body) as unknown[])[0] ?? null);
	// HEAD, and supabase-js's `rpc(fn, objectArgs, { head: true })` (POST + return=minimal), want headers only.
	const omitBody = ctx.method === 'HEAD' || (ctx.path.startsWith('/rpc/') && ctx.prefs.return === 'minimal');
	return jsonResponse({
		status,
		body: omitBody ? null : body,
		single: ctx.accept.single,
		contentRange: rangeHeader(offset, result.page, result.total),
		applied: ctx.prefs.applied.filter((pref) => pref.startsWith('count='))
	});
}

export interface RunReadExtra {
	/** Aggregate this single column instead of rows (setof scalar functions). */
	scalarColumn?: string;
	/** Answer with the first row instead of an array (functions returning one composite). */
	unwrap?: boolean;
}

/** Builds and runs a read over `source` with the request's range, count and Accept. */
export async function runRead(
	ctx: RestContext,
	node: ReadNode,
	source: ReadSource,
	readOnly: boolean,
	p: Params = new Params(),
	extra: RunReadExtra = {}
): Promise<Response> {
	const { scalarColumn } = extra;
	const range = effectiveRange(parseRangeHeader(ctx.request.headers), node.limit, node.offset);
	const text = buildReadQuery(
		node,
		source,
		{ count: ctx.prefs.count !== null, stripNulls: ctx.accept.stripNulls, limit: range.limit, offset: range.offset, scalarColumn, head: ctx.method === 'HEAD' },
		p
	);
	return inTransaction(ctx, readOnly, async (tx) => {
		const result = toQueryResult(await runStatement(tx, text, p.values));
		return readResponse(ctx, result, range.offset, extra.unwrap);
	});
}

export async function readTable(ctx: RestContext, relation: Relation): Promise<Response> {
	const parts = parseQuery(ctx.url.searchParams);
	const node = planRead(ctx.cache, relation, parseSelect(parts.select), parts.nodes);
	const source = { fromItem: `${qualified(EXPOSED_SCHEMA, relation.name)} AS ${ident(relation.name)}`, alias: relation.name };
	return runRead(ctx, node, source, true);
}
