/**
 * What the type generator needs from PostgreSQL's catalogs about one schema:
 * types, tables and views with their columns, foreign keys, functions, enums
 * and composite types. Read-only queries on one connection.
 */
import type { Sql } from 'postgres';

export const SCHEMA = 'public';

export interface TypeInfo {
	oid: number;
	name: string;
	schema: string;
	/** pg_type.typtype: b base, c composite, e enum, d domain, p pseudo. */
	kind: string;
	category: string;
	element: number;
	base: number;
	relation: string | null;
}

export interface Column {
	relation: string;
	name: string;
	type: number;
	nullable: boolean;
	hasDefault: boolean;
	generated: boolean;
}

export interface Relation {
	name: string;
	/** r, p: tables; v, m: views. */
	kind: string;
	insertable: boolean;
	updatable: boolean;
}

export interface ForeignKey {
	relation: string;
	name: string;
	columns: string[];
	referencedRelation: string;
	referencedColumns: string[];
	oneToOne: boolean;
}

export interface FunctionInfo {
	name: string;
	identity: string;
	argNames: string[];
	argTypes: number[];
	argModes: string[];
	defaults: number;
	returnType: number;
	returnsSet: boolean;
}

export async function readCatalog(sql: Sql) {
	const types = await sql<TypeInfo[]>`
		select t.oid::int as oid, t.typname as name, n.nspname as schema, t.typtype as kind, t.typcategory as category,
		       t.typelem::int as element, t.typbasetype::int as base,
		       case when c.relkind in ('r', 'p', 'v', 'm') then c.relname end as relation
		from pg_type as t
		join pg_namespace as n on n.oid = t.typnamespace
		left join pg_class as c on c.oid = t.typrelid`;
	const relations = await sql<Relation[]>`
		select c.relname as name, c.relkind as kind,
		       (pg_relation_is_updatable(c.oid, false) & 8) = 8 as insertable,
		       (pg_relation_is_updatable(c.oid, false) & 4) = 4 as updatable
		from pg_class as c
		where c.relnamespace = ${SCHEMA}::regnamespace and c.relkind in ('r', 'p', 'v', 'm')`;
	const columns = await sql<Column[]>`
		select c.relname as relation, a.attname as name, a.atttypid::int as type, not a.attnotnull as nullable,
		       a.atthasdef or a.attidentity <> '' as "hasDefault",
		       a.attidentity = 'a' or a.attgenerated <> '' as generated
		from pg_attribute as a
		join pg_class as c on c.oid = a.attrelid
		where c.relnamespace = ${SCHEMA}::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
		  and a.attnum > 0 and not a.attisdropped
		order by c.relname, a.attnum`;
	const foreignKeys = await sql<ForeignKey[]>`
		select c.relname as relation, k.conname as name,
		       array(select a.attname::text from unnest(k.conkey) with ordinality as u(n, i)
		             join pg_attribute as a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as columns,
		       r.relname as "referencedRelation",
		       array(select a.attname::text from unnest(k.confkey) with ordinality as u(n, i)
		             join pg_attribute as a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i) as "referencedColumns",
		       exists (
		         select 1 from pg_index as i
		         where i.indrelid = k.conrelid and i.indisunique and i.indpred is null
		           and (select array_agg(x order by x) from unnest(i.indkey::int2[]) as x)
		             = (select array_agg(x order by x) from unnest(k.conkey) as x)
		       ) as "oneToOne"
		from pg_constraint as k
		join pg_class as c on c.oid = k.conrelid
		join pg_class as r on r.oid = k.confrelid
		where k.contype = 'f' and c.relnamespace = ${SCHEMA}::regnamespace and r.relnamespace = ${SCHEMA}::regnamespace`;
	const functions = await sql<FunctionInfo[]>`
		select p.proname as name, pg_get_function_identity_arguments(p.oid) as identity,
		       coalesce(p.proargnames, '{}') as "argNames",
		       coalesce(p.proallargtypes::int[], string_to_array(nullif(p.proargtypes::text, ''), ' ')::int[], '{}') as "argTypes",
		       coalesce(p.proargmodes, array_fill('i'::"char", array[p.pronargs::int]))::text[] as "argModes",
		       p.pronargdefaults as defaults, p.prorettype::int as "returnType", p.proretset as "returnsSet"
		from pg_proc as p
		where p.pronamespace = ${SCHEMA}::regnamespace and p.prokind = 'f'
		  and p.prorettype not in ('trigger'::regtype, 'event_trigger'::regtype)`;
	const enums = await sql<{ name: string; labels: string[] }[]>`
		select t.typname as name, array_agg(e.enumlabel::text order by e.enumsortorder) as labels
		from pg_type as t join pg_enum as e on e.enumtypid = t.oid
		where t.typnamespace = ${SCHEMA}::regnamespace
		group by t.typname`;
	const composites = await sql<{ name: string; attributes: { name: string; type: number }[] }[]>`
		select t.typname as name,
		       json_agg(json_build_object('name', a.attname, 'type', a.atttypid::int) order by a.attnum) as attributes
		from pg_type as t
		join pg_class as c on c.oid = t.typrelid and c.relkind = 'c'
		join pg_attribute as a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
		where t.typnamespace = ${SCHEMA}::regnamespace
		group by t.typname`;
	return { types, relations, columns, foreignKeys, functions, enums, composites };
}

export type Catalog = Awaited<ReturnType<typeof readCatalog>>;
