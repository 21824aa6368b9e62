/**
 * SQL expressions for fields (with JSON paths), filters and ORDER BY terms.
 * Identifiers come from the validated plan and are quoted; values and JSON
 * keys are bind parameters.
 */
import type { Field } from './parse-field';
import type { Filter } from './parse-filter';
import type { OrderTerm } from './parse-query';
import type { Relation } from './schema-cache';
import { ident, type Params } from './sql-text';

export function fieldSql(alias: string, field: Field, p: Params): string {
	let sql = `${ident(alias)}.${ident(field.name)}`;
	if (field.path.length === 0) return sql;
	for (const step of field.path) {
		sql += `${step.arrow}${p.add(step.key)}${/^-?\d+$/.test(step.key) ? '::int' : ''}`;
	}
	return `(${sql})`;
}

/** The type a filter value is cast to: the column's, or what the JSON path yields. */
export function fieldType(relation: Relation, field: Field): string {
	const column = relation.columns.find((c) => c.name === field.name);
	const type = column?.type ?? 'text';
	const last = field.path[field.path.length - 1];
	if (!last) return type;
	if (last.arrow === '->>') return 'text';
	return type === 'json' ? 'json' : 'jsonb';
}

const SIMPLE: Record<string, string> = {
	eq: '=',
	neq: '<>',
	gt: '>',
	gte: '>=',
	lt: '<',
	lte: '<=',
	like: 'LIKE',
	ilike: 'ILIKE',
	cs: '@>',
	cd: '<@',
	ov: '&&'
};

/** Where a filter's fields live: the relation's alias, and the lateral join of each embed by key. */
export interface FilterScope {
	alias: string;
	relation: Relation;
	/** Embed key → its LATERAL join alias, for `rel=is.null` / `or=(rel.not.is.null,…)`. */
	embeds?: Map<string, string>;
}

/** Embed keys that a filter tests for (not) null. */
export function embedKeysIn(filter: Filter, scope: FilterScope): string[] {
	if (filter.type === 'logic') return filter.children.flatMap((child) => embedKeysIn(child, scope));
	const isEmbed = !scope.relation.columnNames.has(filter.field.name) && scope.embeds?.has(filter.field.name);
	return isEmbed ? [filter.field.name] : [];
}

export function filterSql(scope: FilterScope, filter: Filter, p: Params): string {
	const { alias, relation } = scope;
	let sql: string;
	const embedJoin = filter.type === 'op' && !relation.columnNames.has(filter.field.name) ? scope.embeds?.get(filter.field.name) : undefined;
	if (filter.type === 'logic') {
		const joiner = filter.op === 'and' ? ' AND ' : ' OR ';
		sql = `(${filter.children.map((child) => filterSql(scope, child, p)).join(joiner)})`;
	} else if (embedJoin !== undefined) {
		sql = `${ident(embedJoin)}."body" IS NULL`;
	} else {
		const lhs = fieldSql(alias, filter.field, p);
		const type = fieldType(relation, filter.field);
		if (filter.op === 'is') sql = `${lhs} IS ${filter.value.toUpperCase()}`;
		else if (filter.op === 'in') {
			sql = filter.list.length === 0 ? 'FALSE' : `${lhs} IN (${filter.list.map((v) => p.typed(v, type)).join(', ')})`;
		} else {
			const value = filter.op === 'like' || filter.op === 'ilike' ? filter.value.replace(/\*/g, '%') : filter.value;
			sql = `${lhs} ${SIMPLE[filter.op]} ${p.typed(value, type)}`;
		}
	}
	return filter.negate ? `NOT (${sql})` : sql;
}

export function orderSql(alias: string, terms: OrderTerm[], p: Params): string {
	if (terms.length === 0) return '';
	const parts = terms.map((t) => {
		const nulls = t.nulls === null ? '' : t.nulls === 'first' ? ' NULLS FIRST' : ' NULLS LAST';
		return `${fieldSql(alias, t.field, p)} ${t.descending ? 'DESC' : 'ASC'}${nulls}`;
	});
	return ` ORDER BY ${parts.join(', ')}`;
}

/**
 * A row count written into the statement, as PostgREST writes LIMIT and OFFSET: the prepared statement is then
 * planned for this page size. As a parameter, the plan kept for every page size guesses a tenth of the matching
 * rows and may sort all of them instead of reading an index's first rows. Counts are digits (parseCount, the Range
 * header); one too large to be exact stays a parameter, so PostgreSQL refuses it as before.
 */
function rowCount(n: number, p: Params): string {
	return Number.isSafeInteger(n) && n >= 0 ? String(n) : `${p.add(String(n))}::bigint`;
}

export function limitSql(limit: number | null, offset: number | null, p: Params): string {
	let sql = '';
	if (limit !== null) sql += ` LIMIT ${rowCount(limit, p)}`;
	if (offset !== null && offset > 0) sql += ` OFFSET ${rowCount(offset, p)}`;
	return sql;
}
