/**
 * SQL expressions for fields (with JSON paths), filters and ORDER BY terms.
 * Identifiers come from the validated plan and are quoted; values and JSON
 * keys are bind parameters.
 */
import type { Field } from './parse-field';
import type { Filter } from './parse-filter';
import type { OrderTerm } from './parse-query';
import { ident, type Params } from './sql-text';

export function fieldSql(alias: string, field: Field, p: Params): string {
	let sql = `${ident(alias)}.${ident(field.name)}`;
	if (field.path.length === 0) return sql;
	for (const step of field.path) {
		const type = /^-?\d+$/.test(step.key) ? 'int' : 'text';
		sql += `${step.arrow}${p.add(step.key)}::${type}`;
	}
	return `(${sql})`;
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

export function filterSql(alias: string, filter: Filter, p: Params): string {
	let sql: string;
	if (filter.type === 'logic') {
		const joiner = filter.op === 'and' ? ' AND ' : ' OR ';
		sql = `(${filter.children.map((child) => filterSql(alias, child, p)).join(joiner)})`;
	} else {
		const lhs = fieldSql(alias, filter.field, p);
		if (filter.op === 'is') sql = `${lhs} IS ${filter.value.toUpperCase()}`;
		else if (filter.op === 'in') {
			sql = filter.list.length === 0 ? 'FALSE' : `${lhs} IN (${filter.list.map((v) => p.add(v)).join(', ')})`;
		} else {
			const value = filter.op === 'like' || filter.op === 'ilike' ? filter.value.replace(/\*/g, '%') : filter.value;
			sql = `${lhs} ${SIMPLE[filter.op]} ${p.add(value)}`;
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

export function limitSql(limit: number | null, offset: number | null, p: Params): string {
	let sql = '';
	if (limit !== null) sql += ` LIMIT ${p.add(String(limit))}::bigint`;
	if (offset !== null && offset > 0) sql += ` OFFSET ${p.add(String(offset))}::bigint`;
	return sql;
}
