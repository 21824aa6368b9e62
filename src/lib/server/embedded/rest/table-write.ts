/**
 * POST (insert / upsert), PATCH (update) and DELETE on a table or view, in
 * one READ WRITE transaction: the write and the representation (with
 * embeds) are one statement; PGRST116 / PGRST124 checks throw inside the
 * transaction so nothing is kept.
 */
import { buildReadQuery } from './build-read';
import { buildDelete, buildInsert, buildUpdate } from './build-write';
import { inTransaction, readJsonBody, runStatement, type RestContext } from './context';
import { ApiError, payloadColumnNotFound, unsupported } from './errors';
import { parseColumnList, parseQuery, type QueryParts } from './parse-query';
import { parseSelect } from './parse-select';
import { checkFilter, planRead } from './plan';
import { jsonResponse, singleBody, toQueryResult } from './response';
import type { Relation } from './schema-cache';
import { ident, Params } from './sql-text';

type Row = Record<string, unknown>;

function checkColumns(relation: Relation, columns: string[]): string[] {
	for (const column of columns) if (!relation.columnNames.has(column)) throw payloadColumnNotFound(relation.name, column);
	return columns;
}

/** Columns to write: the `columns` parameter, else the keys of the (uniform) payload. */
function payloadColumns(relation: Relation, parts: QueryParts, rows: Row[]): string[] {
	if (parts.columns !== null) return checkColumns(relation, parseColumnList(parts.columns, 'columns'));
	const keys = Object.keys(rows[0] ?? {});
	for (const row of rows) {
		const rowKeys = Object.keys(row);
		if (rowKeys.length !== keys.length || !rowKeys.every((k) => keys.includes(k))) {
			throw new ApiError(400, 'PGRST102', 'All object keys must match');
		}
	}
	return checkColumns(relation, keys);
}

async function buildSource(ctx: RestContext, relation: Relation, parts: QueryParts, filters: ReturnType<typeof planRead>['filters'], returning: boolean, p: Params): Promise<string> {
	const { prefs } = ctx;
	if (ctx.method === 'POST') {
		const body = await readJsonBody(ctx, true);
		const rows = Array.isArray(body) ? body : [body];
		const columns = payloadColumns(relation, parts, rows);
		const onConflict = parts.onConflict === null ? null : parseColumnList(parts.onConflict, 'on_conflict');
		onConflict?.forEach((column) => {
			if (!relation.columnNames.has(column)) throw payloadColumnNotFound(relation.name, column);
		});
		const options = { missingDefault: prefs.missingDefault, resolution: prefs.resolution, onConflict, returning };
		return buildInsert(relation, rows, columns, options, p);
	}
	if (ctx.method === 'PATCH') {
		const body = (await readJsonBody(ctx, false)) as Row;
		const columns = parts.columns !== null ? payloadColumns(relation, parts, [body]) : checkColumns(relation, Object.keys(body));
		return buildUpdate(relation, body, columns, filters, returning, p);
	}
	return buildDelete(relation, filters, returning, p);
}

export async function writeTable(ctx: RestContext, relation: Relation): Promise<Response> {
	const { prefs, method } = ctx;
	const parts = parseQuery(ctx.url.searchParams);
	const node = planRead(ctx.cache, relation, parseSelect(parts.select), parts.nodes);
	if (method === 'POST' && node.filters.length > 0) throw unsupported('filters on POST (insert/upsert)');
	node.filters.forEach((filter) => checkFilter(relation, filter)); // embed (not.)is.null is read-only
	if (node.limit !== null || node.offset !== null) throw unsupported(`limit/offset on ${method} (limited updates/deletes)`);
	const representation = prefs.return === 'representation';
	const p = new Params();
	const prefix = await buildSource(ctx, relation, parts, node.filters, representation, p);
	const text = representation
		? buildReadQuery(
				{ ...node, filters: [] },
				{ prefix, fromItem: `"pgrst_source" AS ${ident(relation.name)}`, alias: relation.name, totalSql: '(SELECT count(*) FROM "pgrst_source")' },
				{ count: false, stripNulls: ctx.accept.stripNulls, limit: null, offset: null },
				p
			)
		: `${prefix} SELECT count(*) AS "total", count(*) AS "page", NULL::text AS "body" FROM "pgrst_source"`;

	return inTransaction(ctx, false, async (tx) => {
		const result = toQueryResult(await runStatement(tx, text, p.values));
		const affected = result.total ?? 0;
		if (prefs.strict && prefs.maxAffected !== null && method !== 'POST' && affected > prefs.maxAffected) {
			throw new ApiError(400, 'PGRST124', 'Query result exceeds max-affected preference constraint', `The query affects ${affected} rows`);
		}
		let body = representation ? result.body : null;
		if (ctx.accept.single) body = singleBody(affected, body);
		const range = representation && result.page > 0 ? `0-${result.page - 1}` : '*';
		return jsonResponse({
			status: method === 'POST' ? 201 : body !== null ? 200 : 204,
			body,
			single: ctx.accept.single,
			contentRange: `${range}/${prefs.count !== null ? affected : '*'}`,
			applied: prefs.applied
		});
	});
}
