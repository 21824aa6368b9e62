/**
 * SQL for a read plan. PostgreSQL builds the JSON itself: each embed is one
 * LEFT JOIN LATERAL subquery producing `row_to_json` (to-one) or `json_agg`
 * (to-many) of the related rows, so a request is always a single statement
 * (no N+1). `!inner` and `rel=not.is.null` keep only parents whose embed is
 * non-empty.
 */
import { embedKeysIn, filterSql, fieldSql, limitSql, orderSql, type FilterScope } from './build-expr';
import type { ReadNode } from './plan';
import { isToOne, type Relationship } from './relationships';
import { EXPOSED_SCHEMA } from './schema-cache';
import { ident, qualified, type Params } from './sql-text';

interface NodeSql {
	select: string;
	/** FROM item plus every lateral join. */
	from: string;
	/** FROM item plus only the joins that filter rows (for counting). */
	countFrom: string;
	where: string[];
}

interface Ctx {
	n: number;
}

const and = (conds: string[]) => (conds.length === 0 ? 'TRUE' : conds.join(' AND '));

function joinConditions(rel: Relationship, parent: string, child: string, n: number): string[] {
	if (rel.junction === null) {
		return rel.pairs.map(([s, t]) => `${ident(child)}.${ident(t)} = ${ident(parent)}.${ident(s)}`);
	}
	const jt = `pgrst_jt${n}`;
	const conds = [
		...rel.junction.targetPairs.map(([j, t]) => `${ident(jt)}.${ident(j)} = ${ident(child)}.${ident(t)}`),
		...rel.junction.sourcePairs.map(([j, s]) => `${ident(jt)}.${ident(j)} = ${ident(parent)}.${ident(s)}`)
	];
	return [`EXISTS (SELECT 1 FROM ${qualified(EXPOSED_SCHEMA, rel.junction.table.name)} AS ${ident(jt)} WHERE ${conds.join(' AND ')})`];
}

function buildNode(node: ReadNode, alias: string, fromItem: string, p: Params, ctx: Ctx): NodeSql {
	const select: string[] = [];
	const joins: string[] = [];
	const filteringJoins: string[] = [];
	const where: string[] = [];
	const joinAliasByKey = new Map<string, { alias: string; sql: string }>();

	for (const item of node.items) {
		if (item.kind === 'star') select.push(`${ident(alias)}.*`);
		else if (item.kind === 'column') {
			const expr = fieldSql(alias, item.field, p);
			select.push(`${item.cast === null ? expr : `CAST(${expr} AS ${item.cast})`} AS ${ident(item.alias)}`);
		} else {
			const n = ++ctx.n;
			const childAlias = `${item.rel.target.name}_${n}`;
			const joinAlias = `pgrst_j${n}`;
			const childFrom = `${qualified(EXPOSED_SCHEMA, item.rel.target.name)} AS ${ident(childAlias)}`;
			const child = buildNode(item.node, childAlias, childFrom, p, ctx);
			const childWhere = [...joinConditions(item.rel, alias, childAlias, n), ...child.where];
			const order = orderSql(childAlias, item.node.order, p);
			const inner = `SELECT ${child.select} FROM ${child.from} WHERE ${and(childWhere)}${order}${limitSql(item.node.limit, item.node.offset, p)}`;
			const toOne = isToOne(item.rel);
			const agg = toOne ? 'row_to_json("pgrst_e")' : 'json_agg("pgrst_e")';
			const sql = `LEFT JOIN LATERAL (SELECT ${agg} AS "body" FROM (${inner}) AS "pgrst_e") AS ${ident(joinAlias)} ON TRUE`;
			joins.push(sql);
			joinAliasByKey.set(item.key, { alias: joinAlias, sql });
			const body = `${ident(joinAlias)}."body"`;
			// An empty embed `rel()` only filters; like PostgREST it is left out of the output.
			if (item.node.items.length > 0) select.push(`${toOne ? body : `COALESCE(${body}, '[]'::json)`} AS ${ident(item.key)}`);
			if (item.inner) {
				where.push(`${body} IS NOT NULL`);
				filteringJoins.push(sql);
			}
		}
	}
	const scope: FilterScope = {
		alias,
		relation: node.relation,
		embeds: new Map([...joinAliasByKey].map(([key, join]) => [key, join.alias]))
	};
	for (const filter of node.filters) {
		for (const key of embedKeysIn(filter, scope)) {
			const join = joinAliasByKey.get(key);
			if (join && !filteringJoins.includes(join.sql)) filteringJoins.push(join.sql);
		}
		where.push(filterSql(scope, filter, p));
	}
	return {
		select: select.join(', '),
		from: [fromItem, ...joins].join(' '),
		countFrom: [fromItem, ...filteringJoins].join(' '),
		where
	};
}

export interface ReadSource {
	/** Text before the final SELECT, e.g. `WITH "pgrst_source" AS (...)`. */
	prefix?: string;
	/** The root FROM item, e.g. `"public"."todos" AS "todos"`. */
	fromItem: string;
	alias: string;
	/** SQL for the total count, when not the filtered count of the root. */
	totalSql?: string;
}

export interface ReadOptions {
	count: boolean;
	stripNulls: boolean;
	limit: number | null;
	offset: number | null;
	/** Aggregate the single column `scalarColumn` instead of whole rows (setof scalar RPC). */
	scalarColumn?: string;
	/** HEAD: headers only, so no row is turned into JSON (PostgREST builds no body for HEAD either). */
	head?: boolean;
}

/** One statement returning `total` (or null), `page` (rows in body) and `body` (JSON text). */
export function buildReadQuery(node: ReadNode, source: ReadSource, options: ReadOptions, p: Params): string {
	const built = buildNode(node, source.alias, source.fromItem, p, { n: 0 });
	const where = and(built.where);
	const order = orderSql(source.alias, node.order, p);
	const limit = limitSql(options.limit, options.offset, p);
	const total = source.totalSql ?? (options.count ? `(SELECT count(*) FROM ${built.countFrom} WHERE ${where})` : 'NULL::bigint');
	if (options.head) {
		// Unreferenced subquery outputs are dropped by the planner, so no row JSON is built; without a
		// range the page is the whole filtered set, so one scan gives both numbers.
		const whole = options.limit === null && (options.offset ?? 0) === 0 && source.totalSql === undefined;
		const headTotal = whole && options.count ? 'count(*)' : total;
		return `${source.prefix ?? ''} SELECT ${headTotal} AS "total", count(*) AS "page", NULL::text AS "body" FROM (SELECT ${built.select} FROM ${built.from} WHERE ${where}${order}${limit}) AS "pgrst_r"`;
	}
	let row = options.stripNulls ? 'json_strip_nulls(row_to_json("pgrst_r"))' : '"pgrst_r"';
	if (options.scalarColumn !== undefined) row = `"pgrst_r".${ident(options.scalarColumn)}`;
	return `${source.prefix ?? ''} SELECT ${total} AS "total", count(*) AS "page", coalesce(json_agg(${row}), '[]')::text AS "body" FROM (SELECT ${built.select} FROM ${built.from} WHERE ${where}${order}${limit}) AS "pgrst_r"`;
}
