/**
 * What PostgREST keeps in its schema cache, read from pg_catalog for the one
 * exposed schema: relations (tables, views, ...) with columns, primary and
 * unique keys, foreign keys between them, and functions with their
 * arguments, volatility and return shape. Privileges are not looked at: each
 * request runs as its role and PostgreSQL decides.
 */
import type { Sql } from 'postgres';
import { loadFunctions, type FunctionDef } from './schema-functions';

export const EXPOSED_SCHEMA = 'public';

export interface Column {
	name: string;
	/** format_type() of the column without typmod, e.g. `integer`, `text[]`, `character varying`. */
	type: string;
}

export interface Relation {
	name: string;
	kind: 'table' | 'view' | 'materialized view' | 'foreign table' | 'partitioned table';
	columns: Column[];
	columnNames: Set<string>;
	primaryKey: string[];
	/** Primary key and unique constraints/indexes, as column-name lists. */
	uniqueKeys: string[][];
}

export interface ForeignKey {
	name: string;
	table: string;
	columns: string[];
	refTable: string;
	refColumns: string[];
}

export interface SchemaCache {
	relations: Map<string, Relation>;
	foreignKeys: ForeignKey[];
	functions: Map<string, FunctionDef[]>;
}

const KINDS: Record<string, Relation['kind']> = {
	r: 'table',
	v: 'view',
	m: 'materialized view',
	f: 'foreign table',
	p: 'partitioned table'
};

export async function loadSchemaCache(sql: Sql): Promise<SchemaCache> {
	const relations = new Map<string, Relation>();
	const rels = await sql<{ name: string; kind: string; columns: Column[]; keys: string[][] | null; pk: string[] | null }[]>`
		select c.relname as name, c.relkind as kind,
			coalesce((select json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, NULL)) order by a.attnum)
				from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '[]') as columns,
			(select json_agg(cols) from (
				select (select json_agg(a.attname order by k.ord) from unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
					join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum) as cols
				from pg_index i where i.indrelid = c.oid and i.indisunique and i.indpred is null and i.indexprs is null
			) u) as keys,
			(select json_agg(a.attname order by k.ord) from pg_index i
				cross join unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
				join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
				where i.indrelid = c.oid and i.indisprimary) as pk
		from pg_class c join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = ${EXPOSED_SCHEMA} and c.relkind in ('r', 'v', 'm', 'f', 'p')`;
	for (const r of rels) {
		relations.set(r.name, {
			name: r.name,
			kind: KINDS[r.kind] ?? 'table',
			columns: r.columns,
			columnNames: new Set(r.columns.map((c) => c.name)),
			primaryKey: r.pk ?? [],
			uniqueKeys: (r.keys ?? []).filter((k): k is string[] => Array.isArray(k))
		});
	}

	const fks = await sql<ForeignKey[]>`
		select con.conname as name, src.relname as table, dst.relname as "refTable",
			(select json_agg(a.attname order by k.ord) from unnest(con.conkey) with ordinality k(attnum, ord)
				join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as columns,
			(select json_agg(a.attname order by k.ord) from unnest(con.confkey) with ordinality k(attnum, ord)
				join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum) as "refColumns"
		from pg_constraint con
		join pg_class src on src.oid = con.conrelid join pg_namespace sn on sn.oid = src.relnamespace
		join pg_class dst on dst.oid = con.confrelid join pg_namespace dn on dn.oid = dst.relnamespace
		where con.contype = 'f' and sn.nspname = ${EXPOSED_SCHEMA} and dn.nspname = ${EXPOSED_SCHEMA}
		order by con.conname`;

	const functions = await loadFunctions(sql, EXPOSED_SCHEMA, relations);
	return { relations, foreignKeys: fks.map((f) => ({ ...f })), functions };
}
