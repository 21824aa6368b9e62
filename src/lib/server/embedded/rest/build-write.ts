/**
 * INSERT / upsert / UPDATE / DELETE as one data-modifying CTE named
 * "pgrst_source". The JSON body is one bind parameter expanded by
 * json_populate_record(set), so PostgreSQL converts every value to its
 * column type. `RETURNING 1` when no representation is wanted, so RLS
 * SELECT policies are only consulted when rows are actually read back.
 */
import { filterSql } from './build-expr';
import { ApiError } from './errors';
import type { Filter } from './parse-filter';
import { EXPOSED_SCHEMA, type Relation } from './schema-cache';
import { ident, qualified, type Params } from './sql-text';

type Row = Record<string, unknown>;

export interface InsertOptions {
	missingDefault: boolean;
	resolution: 'merge-duplicates' | 'ignore-duplicates' | null;
	onConflict: string[] | null;
	returning: boolean;
}

const returningSql = (alias: string, returning: boolean) => (returning ? `RETURNING ${ident(alias)}.*` : 'RETURNING 1');

function conflictSql(rel: Relation, columns: string[], options: InsertOptions): string {
	if (options.resolution === null) return '';
	const target = options.onConflict ?? rel.primaryKey;
	const targetSql = target.length > 0 ? ` (${target.map(ident).join(', ')})` : '';
	if (options.resolution === 'ignore-duplicates' || columns.length === 0) return `ON CONFLICT${targetSql} DO NOTHING`;
	if (target.length === 0) {
		throw new ApiError(
			400,
			'42P10',
			'there is no unique or exclusion constraint matching the ON CONFLICT specification',
			null,
			`'${rel.name}' has no primary key: pass on_conflict (upsert's onConflict) to name the unique columns.`
		);
	}
	return `ON CONFLICT${targetSql} DO UPDATE SET ${columns.map((c) => `${ident(c)} = EXCLUDED.${ident(c)}`).join(', ')}`;
}

/** Rows grouped by the columns they set (missing=default leaves absent keys to the column DEFAULT). */
function groups(rows: Row[], columns: string[], missingDefault: boolean): { columns: string[]; rows: Row[] }[] {
	if (!missingDefault) return [{ columns, rows }];
	const byKey = new Map<string, { columns: string[]; rows: Row[] }>();
	for (const row of rows) {
		const cols = columns.filter((c) => Object.prototype.hasOwnProperty.call(row, c));
		const key = JSON.stringify(cols);
		const group = byKey.get(key) ?? { columns: cols, rows: [] };
		group.rows.push(row);
		byKey.set(key, group);
	}
	return [...byKey.values()];
}

/** Returns `WITH ... "pgrst_source" AS (...)`. */
export function buildInsert(rel: Relation, rows: Row[], columns: string[], options: InsertOptions, p: Params): string {
	const target = qualified(EXPOSED_SCHEMA, rel.name);
	const alias = rel.name;
	const statements: string[] = [];
	for (const group of groups(rows, columns, options.missingDefault)) {
		const tail = `${conflictSql(rel, group.columns, options)} ${returningSql(alias, options.returning)}`;
		if (group.columns.length === 0) {
			for (let i = 0; i < group.rows.length; i++) statements.push(`INSERT INTO ${target} AS ${ident(alias)} DEFAULT VALUES ${tail}`);
			continue;
		}
		const cols = group.columns.map(ident).join(', ');
		const body = p.add(JSON.stringify(group.rows));
		statements.push(
			`INSERT INTO ${target} AS ${ident(alias)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${target}, ${body}::json) AS "pgrst_body" ${tail}`
		);
	}
	if (statements.length === 1) return `WITH "pgrst_source" AS (${statements[0]})`;
	const ctes = statements.map((s, i) => `"pgrst_ins_${i}" AS (${s})`);
	const union = statements.map((_, i) => `SELECT * FROM "pgrst_ins_${i}"`).join(' UNION ALL ');
	return `WITH ${ctes.join(', ')}, "pgrst_source" AS (${union})`;
}

const whereSql = (rel: Relation, filters: Filter[], p: Params) =>
	filters.length === 0 ? 'TRUE' : filters.map((f) => filterSql({ alias: rel.name, relation: rel }, f, p)).join(' AND ');

export function buildUpdate(rel: Relation, body: Row, columns: string[], filters: Filter[], returning: boolean, p: Params): string {
	const target = qualified(EXPOSED_SCHEMA, rel.name);
	const alias = rel.name;
	if (columns.length === 0) {
		return `WITH "pgrst_source" AS (SELECT ${returning ? `${ident(alias)}.*` : '1'} FROM ${target} AS ${ident(alias)} WHERE FALSE)`;
	}
	const set = columns.map((c) => `${ident(c)} = "pgrst_body".${ident(c)}`).join(', ');
	const json = p.add(JSON.stringify(body));
	return `WITH "pgrst_source" AS (UPDATE ${target} AS ${ident(alias)} SET ${set} FROM (SELECT * FROM json_populate_record(NULL::${target}, ${json}::json)) AS "pgrst_body" WHERE ${whereSql(rel, filters, p)} ${returningSql(alias, returning)})`;
}

export function buildDelete(rel: Relation, filters: Filter[], returning: boolean, p: Params): string {
	const target = qualified(EXPOSED_SCHEMA, rel.name);
	const alias = rel.name;
	return `WITH "pgrst_source" AS (DELETE FROM ${target} AS ${ident(alias)} WHERE ${whereSql(rel, filters, p)} ${returningSql(alias, returning)})`;
}
