/**
 * Functions of the exposed schema, as /rpc needs them: input argument names,
 * types and defaults, volatility (decides READ ONLY), and the return shape
 * (void, scalar, or composite rows with known columns).
 */
import type { Sql } from 'postgres';
import type { Column, Relation } from './schema-cache';

export interface FunctionArg {
	name: string;
	type: string;
	hasDefault: boolean;
}

export interface FunctionDef {
	name: string;
	args: FunctionArg[];
	volatility: 'volatile' | 'stable' | 'immutable';
	returnsSet: boolean;
	returnKind: 'void' | 'scalar' | 'composite';
	returnType: string;
	/** Output columns when returnKind is composite. */
	columns: Column[];
	/** Name of the exposed table/view whose row type is returned (enables embedding). */
	returnRelation: string | null;
	variadic: boolean;
}

interface FunctionRow {
	name: string;
	volatility: string;
	returnsSet: boolean;
	ndefaults: number;
	names: string[] | null;
	modes: string[] | null;
	types: string[] | null;
	typtype: string;
	returnType: string;
	returnRelation: string | null;
	returnColumns: Column[] | null;
}

const VOLATILITY: Record<string, FunctionDef['volatility']> = { v: 'volatile', s: 'stable', i: 'immutable' };

export async function loadFunctions(
	sql: Sql,
	schema: string,
	relations: Map<string, Relation>
): Promise<Map<string, FunctionDef[]>> {
	const rows = await sql<FunctionRow[]>`
		select p.proname as name, p.provolatile as volatility, p.proretset as "returnsSet",
			p.pronargdefaults as ndefaults,
			array_to_json(p.proargnames) as names,
			array_to_json(p.proargmodes::text[]) as modes,
			(select json_agg(format_type(u.t, null) order by u.ord)
				from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality u(t, ord)) as types,
			rt.typtype as typtype, format_type(p.prorettype, null) as "returnType",
			(select rc.relname from pg_class rc join pg_namespace rn on rn.oid = rc.relnamespace
				where rc.oid = rt.typrelid and rn.nspname = ${schema}) as "returnRelation",
			(select json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, NULL)) order by a.attnum)
				from pg_attribute a where rt.typrelid <> 0 and a.attrelid = rt.typrelid and a.attnum > 0 and not a.attisdropped) as "returnColumns"
		from pg_proc p
		join pg_namespace n on n.oid = p.pronamespace
		join pg_type rt on rt.oid = p.prorettype
		where n.nspname = ${schema} and p.prokind = 'f'`;

	const functions = new Map<string, FunctionDef[]>();
	for (const row of rows) {
		const def = toFunctionDef(row, relations);
		if (def === null) continue;
		const list = functions.get(def.name) ?? [];
		list.push(def);
		functions.set(def.name, list);
	}
	return functions;
}

function toFunctionDef(row: FunctionRow, relations: Map<string, Relation>): FunctionDef | null {
	if (row.typtype === 'p' && !['void', 'record'].includes(row.returnType)) return null; // trigger, internal, ...
	const types = row.types ?? [];
	const inputs: { name: string; type: string }[] = [];
	const outputs: Column[] = [];
	let variadic = false;
	types.forEach((type, i) => {
		const mode = row.modes?.[i] ?? 'i';
		const name = row.names?.[i] ?? '';
		if (mode === 'i' || mode === 'b' || mode === 'v') inputs.push({ name, type });
		if (mode === 'v') variadic = true;
		if (mode === 'o' || mode === 'b' || mode === 't') outputs.push({ name, type });
	});
	const firstDefault = inputs.length - row.ndefaults;
	const args = inputs.map((arg, i) => ({ ...arg, hasDefault: i >= firstDefault }));

	let returnKind: FunctionDef['returnKind'] = 'scalar';
	let columns: Column[] = [];
	if (row.returnType === 'void') returnKind = 'void';
	else if (row.returnType === 'record') {
		returnKind = 'composite';
		columns = outputs;
	} else if (row.typtype === 'c') {
		returnKind = 'composite';
		columns = row.returnColumns ?? [];
	}
	const returnRelation = row.returnRelation !== null && relations.has(row.returnRelation) ? row.returnRelation : null;
	return {
		name: row.name,
		args,
		volatility: VOLATILITY[row.volatility] ?? 'volatile',
		returnsSet: row.returnsSet,
		returnKind,
		returnType: row.returnType,
		columns,
		returnRelation,
		variadic
	};
}
