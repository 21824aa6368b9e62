/**
 * Renders the `Database` type supabase-js expects (the shape of
 * `supabase gen types typescript`: Tables{Row,Insert,Update,Relationships},
 * Views, Functions{Args,Returns,SetofOptions}, Enums, CompositeTypes) by
 * reading PostgreSQL's catalogs for the `public` schema. No Docker and no
 * postgres-meta: one connection to a migrated database is enough.
 *
 * Output depends only on the schema: everything is sorted by name (columns by
 * position), so an unchanged schema gives byte-identical text.
 */
import type { Sql } from 'postgres';
import { readCatalog, SCHEMA, type Column, type FunctionInfo, type Relation } from './database-catalog';

const SCALARS: Record<string, string> = {
	bool: 'boolean',
	int2: 'number',
	int4: 'number',
	int8: 'number',
	float4: 'number',
	float8: 'number',
	numeric: 'number',
	oid: 'number',
	json: 'Json',
	jsonb: 'Json',
	void: 'undefined',
	record: 'Record<string, unknown>',
	unknown: 'unknown'
};
const STRINGS = new Set([
	'text', 'varchar', 'bpchar', 'char', 'name', 'citext', 'uuid', 'date', 'time', 'timetz', 'timestamp',
	'timestamptz', 'interval', 'bytea', 'inet', 'cidr', 'macaddr', 'macaddr8', 'money', 'tsvector', 'tsquery',
	'xml', 'bit', 'varbit'
]);

const byName = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
const quote = (value: string) => JSON.stringify(value);
const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name));

/** The generated `src/lib/database.types.ts` text for the connected database. */
export async function generateDatabaseTypes(sql: Sql): Promise<string> {
	const catalog = await readCatalog(sql);
	const typesByOid = new Map(catalog.types.map((t) => [t.oid, t]));
	const columnsOf = (relation: string) => catalog.columns.filter((c) => c.relation === relation);

	function tsType(oid: number): string {
		const type = typesByOid.get(oid);
		if (!type) return 'unknown';
		if (type.category === 'A' && type.element !== 0) return `${tsType(type.element)}[]`;
		if (type.kind === 'd') return tsType(type.base);
		if (type.kind === 'e') {
			return type.schema === SCHEMA ? `Database[${quote(SCHEMA)}]["Enums"][${quote(type.name)}]` : 'string';
		}
		if (type.kind === 'c' && type.schema === SCHEMA) {
			return type.relation
				? `Database[${quote(SCHEMA)}]["Tables"][${quote(type.relation)}]["Row"]`
				: `Database[${quote(SCHEMA)}]["CompositeTypes"][${quote(type.name)}]`;
		}
		if (type.name in SCALARS) return SCALARS[type.name]!;
		if (STRINGS.has(type.name)) return 'string';
		return 'unknown';
	}

	const lines: string[] = [];
	const out = (depth: number, text: string) => lines.push('\t'.repeat(depth) + text);
	const emptySection = (depth: number, name: string) => {
		out(depth, `${name}: {`);
		out(depth + 1, '[_ in never]: never');
		out(depth, '}');
	};
	const objectType = (depth: number, fields: [string, string][]) => {
		for (const [name, type] of fields) out(depth, `${name}: ${type}`);
	};

	const relationBlock = (depth: number, relation: Relation) => {
		const columns = columnsOf(relation.name);
		const fieldType = (c: Column) => (c.nullable ? `${tsType(c.type)} | null` : tsType(c.type));
		out(depth, `${key(relation.name)}: {`);
		out(depth + 1, 'Row: {');
		objectType(depth + 2, columns.map((c) => [key(c.name), fieldType(c)]));
		out(depth + 1, '}');
		const isTable = relation.kind === 'r' || relation.kind === 'p';
		const writable: Array<['Insert' | 'Update', boolean]> = [
			['Insert', isTable || relation.insertable],
			['Update', isTable || relation.updatable]
		];
		for (const [command, allowed] of writable) {
			if (!allowed) continue;
			out(depth + 1, `${command}: {`);
			for (const c of columns) {
				const optional = command === 'Update' || c.nullable || c.hasDefault || c.generated;
				out(depth + 2, `${key(c.name)}${optional ? '?' : ''}: ${c.generated ? 'never' : fieldType(c)}`);
			}
			out(depth + 1, '}');
		}
		const keys = catalog.foreignKeys.filter((k) => k.relation === relation.name).sort(byName((k) => k.name));
		if (keys.length === 0) {
			out(depth + 1, 'Relationships: []');
		} else {
			out(depth + 1, 'Relationships: [');
			for (const k of keys) {
				out(depth + 2, '{');
				out(depth + 3, `foreignKeyName: ${quote(k.name)}`);
				out(depth + 3, `columns: [${k.columns.map(quote).join(', ')}]`);
				out(depth + 3, `isOneToOne: ${k.oneToOne}`);
				out(depth + 3, `referencedRelation: ${quote(k.referencedRelation)}`);
				out(depth + 3, `referencedColumns: [${k.referencedColumns.map(quote).join(', ')}]`);
				out(depth + 2, '},');
			}
			out(depth + 1, ']');
		}
		out(depth, '}');
	};

	const functionVariant = (depth: number, fn: FunctionInfo) => {
		const inputs = fn.argModes
			.map((mode, i) => ({ mode, name: fn.argNames[i] ?? '', type: fn.argTypes[i]! }))
			.filter((a) => a.mode === 'i' || a.mode === 'b' || a.mode === 'v');
		const outputs = fn.argModes
			.map((mode, i) => ({ mode, name: fn.argNames[i] ?? '', type: fn.argTypes[i]! }))
			.filter((a) => a.mode === 'o' || a.mode === 'b' || a.mode === 't');
		const firstOptional = inputs.length - fn.defaults;
		if (inputs.length === 0) {
			out(depth, 'Args: never');
		} else {
			out(depth, 'Args: {');
			objectType(depth + 1, inputs.map((a, i) => [`${key(a.name)}${i >= firstOptional ? '?' : ''}`, tsType(a.type)]));
			out(depth, '}');
		}
		const returned = typesByOid.get(fn.returnType);
		const tableRow = returned?.kind === 'c' && returned.schema === SCHEMA && returned.relation;
		if (outputs.length > 0) {
			out(depth, 'Returns: {');
			objectType(depth + 1, outputs.map((a) => [key(a.name), tsType(a.type)]));
			out(depth, fn.returnsSet ? '}[]' : '}');
		} else if (tableRow) {
			const fieldType = (c: Column) => (c.nullable ? `${tsType(c.type)} | null` : tsType(c.type));
			out(depth, 'Returns: {');
			objectType(depth + 1, columnsOf(returned.relation!).map((c) => [key(c.name), fieldType(c)]));
			out(depth, fn.returnsSet ? '}[]' : '}');
			out(depth, 'SetofOptions: {');
			out(depth + 1, 'from: "*"');
			out(depth + 1, `to: ${quote(returned.relation!)}`);
			out(depth + 1, `isOneToOne: ${!fn.returnsSet}`);
			out(depth + 1, `isSetofReturn: ${fn.returnsSet}`);
			out(depth, '}');
		} else {
			out(depth, `Returns: ${tsType(fn.returnType)}${fn.returnsSet ? '[]' : ''}`);
		}
	};

	const tables = catalog.relations.filter((r) => r.kind === 'r' || r.kind === 'p').sort(byName((r) => r.name));
	const views = catalog.relations.filter((r) => r.kind === 'v' || r.kind === 'm').sort(byName((r) => r.name));
	const functions = [...catalog.functions].sort(byName((f) => `${f.name}(${f.identity})`));
	const functionNames = [...new Set(functions.map((f) => f.name))];
	const enums = [...catalog.enums].sort(byName((e) => e.name));
	const composites = [...catalog.composites].sort(byName((c) => c.name));

	out(0, '// Generated by src/lib/server/embedded/cli/types/gen-types.ts from supabase/migrations. Do not edit: run `npm run gen:types`.');
	out(0, '');
	out(0, 'export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]');
	out(0, '');
	out(0, 'export type Database = {');
	out(1, '__InternalSupabase: {');
	out(2, 'PostgrestVersion: "12"');
	out(1, '}');
	out(1, `${SCHEMA}: {`);
	if (tables.length === 0) emptySection(2, 'Tables');
	else {
		out(2, 'Tables: {');
		for (const table of tables) relationBlock(3, table);
		out(2, '}');
	}
	if (views.length === 0) emptySection(2, 'Views');
	else {
		out(2, 'Views: {');
		for (const view of views) relationBlock(3, view);
		out(2, '}');
	}
	if (functionNames.length === 0) emptySection(2, 'Functions');
	else {
		out(2, 'Functions: {');
		for (const name of functionNames) {
			const variants = functions.filter((f) => f.name === name);
			out(3, `${key(name)}:`);
			for (const variant of variants) {
				out(4, variants.length > 1 ? '| {' : '{');
				functionVariant(5, variant);
				out(4, '}');
			}
		}
		out(2, '}');
	}
	if (enums.length === 0) emptySection(2, 'Enums');
	else {
		out(2, 'Enums: {');
		for (const e of enums) out(3, `${key(e.name)}: ${e.labels.map(quote).join(' | ')}`);
		out(2, '}');
	}
	if (composites.length === 0) emptySection(2, 'CompositeTypes');
	else {
		out(2, 'CompositeTypes: {');
		for (const c of composites) {
			out(3, `${key(c.name)}: {`);
			objectType(4, c.attributes.map((a) => [key(a.name), `${tsType(a.type)} | null`]));
			out(3, '}');
		}
		out(2, '}');
	}
	out(1, '}');
	out(0, '}');
	out(0, '');
	out(0, `type PublicSchema = Database[${quote(SCHEMA)}]`);
	out(0, '');
	out(0, '/** A row of a table or view: `Tables<"records_requests">`. */');
	out(0, 'export type Tables<Name extends keyof PublicSchema["Tables"] | keyof PublicSchema["Views"]> =');
	out(1, '(PublicSchema["Tables"] & PublicSchema["Views"])[Name] extends { Row: infer Row } ? Row : never');
	out(0, '/** What an insert into a table accepts. */');
	out(0, 'export type TablesInsert<Name extends keyof PublicSchema["Tables"]> = PublicSchema["Tables"][Name]["Insert"]');
	out(0, '/** What an update of a table accepts. */');
	out(0, 'export type TablesUpdate<Name extends keyof PublicSchema["Tables"]> = PublicSchema["Tables"][Name]["Update"]');
	out(0, '/** The values of an enum: `Enums<"request_status">`. */');
	out(0, 'export type Enums<Name extends keyof PublicSchema["Enums"]> = PublicSchema["Enums"][Name]');
	out(0, '/** A composite type. */');
	out(0, 'export type CompositeTypes<Name extends keyof PublicSchema["CompositeTypes"]> = PublicSchema["CompositeTypes"][Name]');
	out(0, '');
	out(0, '/** Enum values at run time, in declaration order (for selects, filters and validation). */');
	out(0, 'export const Constants = {');
	out(1, `${SCHEMA}: {`);
	out(2, 'Enums: {');
	for (const e of enums) out(3, `${key(e.name)}: [${e.labels.map(quote).join(', ')}],`);
	out(2, '},');
	out(1, '},');
	out(0, '} as const');
	return lines.join('\n') + '\n';
}
