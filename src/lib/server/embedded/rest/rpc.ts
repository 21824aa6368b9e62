/**
 * /rpc/<fn>: POST with a JSON object of named arguments, or GET/HEAD with
 * query arguments. Arguments reach the function through json_to_record with
 * the argument types from the catalog (one bind parameter). READ ONLY for
 * GET/HEAD and for STABLE/IMMUTABLE functions. Set-returning composite
 * results are read like a table (select, embeds, filters, order, range).
 */
import type { ReadSource } from './build-read';
import { checkContentType, inTransaction, readBodyText, runStatement, type RestContext } from './context';
import { ApiError, unsupported } from './errors';
import { parseQuery } from './parse-query';
import { parseSelect } from './parse-select';
import { planRead } from './plan';
import { jsonResponse, toQueryResult } from './response';
import { resolveFunction, takesWholeBody } from './rpc-resolve';
import { EXPOSED_SCHEMA, type Relation } from './schema-cache';
import type { FunctionDef } from './schema-functions';
import { ident, Params, qualified } from './sql-text';
import { runRead } from './table-read';

const RESERVED = new Set(['select', 'order', 'limit', 'offset', 'columns', 'on_conflict', 'or', 'and', 'not.or', 'not.and']);

async function readArgs(ctx: RestContext): Promise<unknown> {
	if (ctx.method !== 'POST') return Object.fromEntries(ctx.url.searchParams);
	checkContentType(ctx.request);
	const text = await readBodyText(ctx);
	if (text.trim() === '') return {};
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		throw new ApiError(400, 'PGRST102', 'Empty or invalid json', error instanceof Error ? error.message : String(error));
	}
}

/** `WITH "pgrst_args" AS (...)` (or '') and the call expression. */
function buildCall(fn: FunctionDef, args: unknown, p: Params): { prefix: string; call: string } {
	const target = qualified(EXPOSED_SCHEMA, fn.name);
	const isObject = typeof args === 'object' && args !== null && !Array.isArray(args);
	const keys = isObject ? Object.keys(args) : [];
	if (takesWholeBody(fn) && !(isObject && keys.every((k) => fn.args.some((a) => a.name === k)))) {
		return { prefix: '', call: `${target}(${p.add(JSON.stringify(args))}::${fn.args[0]!.type})` };
	}
	const provided = fn.args.filter((a) => keys.includes(a.name));
	if (provided.length === 0) return { prefix: '', call: `${target}()` };
	const defs = provided.map((a) => `${ident(a.name)} ${a.type}`).join(', ');
	const prefix = `WITH "pgrst_args" AS (SELECT * FROM json_to_record(${p.add(JSON.stringify(args))}::json) AS "pgrst_a"(${defs}))`;
	const named = provided.map((a) => `${ident(a.name)} := (SELECT ${ident(a.name)} FROM "pgrst_args")`);
	return { prefix, call: `${target}(${named.join(', ')})` };
}

function pseudoRelation(name: string, columns: { name: string; type: string }[]): Relation {
	return { name, kind: 'table', columns, columnNames: new Set(columns.map((c) => c.name)), primaryKey: [], uniqueKeys: [] };
}

export async function callRpc(ctx: RestContext, name: string): Promise<Response> {
	if (!['GET', 'HEAD', 'POST'].includes(ctx.method)) {
		throw new ApiError(405, 'PGRST101', `Cannot use the ${ctx.method} method on RPC`);
	}
	const isPost = ctx.method === 'POST';
	const args = await readArgs(ctx);
	const keys = typeof args === 'object' && args !== null && !Array.isArray(args) ? Object.keys(args).filter((k) => isPost || !RESERVED.has(k)) : [];
	const fn = resolveFunction(ctx.cache, name, keys, isPost);
	const argNames = new Set(fn.args.map((a) => a.name).filter((n) => n !== ''));
	const parts = parseQuery(ctx.url.searchParams, isPost ? new Set() : argNames);
	const callArgs = isPost ? args : Object.fromEntries(parts.args);
	const readOnly = !isPost || fn.volatility !== 'volatile';
	const p = new Params();
	const { prefix, call } = buildCall(fn, callArgs, p);
	const hasModifiers = (parts.select !== null && parts.select !== '*') || parts.nodes.size > 0;

	if (fn.returnKind === 'void' || (fn.returnKind === 'scalar' && !fn.returnsSet)) {
		if (hasModifiers) throw unsupported(`select/filters/order/limit on the result of ${name}(), which returns ${fn.returnType}`);
		const text = `${prefix} SELECT ${fn.returnKind === 'void' ? 'NULL::text' : `coalesce(to_json(${call})::text, 'null')`} AS "body"${fn.returnKind === 'void' ? ` FROM (SELECT ${call}) AS "pgrst_call"` : ''}`;
		return inTransaction(ctx, readOnly, async (tx) => {
			const result = toQueryResult(await runStatement(tx, text, p.values));
			const headersOnly = ctx.method === 'HEAD' || ctx.prefs.return === 'minimal';
			const body = fn.returnKind === 'void' || headersOnly ? null : result.body;
			return jsonResponse({ status: fn.returnKind === 'void' ? 204 : 200, body, single: false, contentRange: null, applied: [] });
		});
	}

	const alias = fn.name;
	if (fn.returnKind === 'scalar') {
		if (parts.select !== null && parts.select !== '*') throw unsupported(`select on the result of ${name}(), which returns setof ${fn.returnType}`);
		const relation = pseudoRelation(alias, [{ name: alias, type: fn.returnType }]);
		const node = planRead(ctx.cache, relation, [{ type: 'star' }], parts.nodes);
		const source: ReadSource = { prefix, fromItem: `${call} AS ${ident(alias)}(${ident(alias)})`, alias };
		return runRead(ctx, node, source, readOnly, p, { scalarColumn: alias });
	}
	if (fn.columns.length === 0) throw unsupported(`calling ${name}(), which returns an untyped record`);
	const relation = (fn.returnRelation !== null ? ctx.cache.relations.get(fn.returnRelation) : undefined) ?? pseudoRelation(alias, fn.columns);
	const node = planRead(ctx.cache, relation, parseSelect(parts.select), parts.nodes);
	const source: ReadSource = { prefix, fromItem: `${call} AS ${ident(alias)}`, alias };
	return runRead(ctx, node, source, readOnly, p, { unwrap: !fn.returnsSet });
}
