/**
 * Resolving an embed `target[!hint]` from a source relation to one
 * relationship, as PostgREST does: foreign keys in either direction
 * (many-to-one, one-to-many, one-to-one when the referencing columns are
 * unique), many-to-many through a junction table, or a bare FK column name.
 * None → 400 PGRST200, several → 300 PGRST201.
 */
import { ApiError } from './errors';
import { EXPOSED_SCHEMA, type ForeignKey, type Relation, type SchemaCache } from './schema-cache';

export type Cardinality = 'many-to-one' | 'one-to-many' | 'one-to-one' | 'many-to-many';

export interface Junction {
	table: Relation;
	/** [junction column, source column] */
	sourcePairs: [string, string][];
	/** [junction column, target column] */
	targetPairs: [string, string][];
}

export interface Relationship {
	cardinality: Cardinality;
	target: Relation;
	/** [source column, target column] for direct foreign keys. */
	pairs: [string, string][];
	junction: Junction | null;
	/** Names a hint may use: constraint names, the junction table, single FK columns. */
	hintNames: string[];
	constraint: string;
	description: string;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const subset = (a: string[], b: string[]) => a.every((x) => b.includes(x));

function direct(source: Relation, target: Relation, fk: ForeignKey, outgoing: boolean): Relationship {
	const pairs = fk.columns.map((col, i): [string, string] =>
		outgoing ? [col, fk.refColumns[i]!] : [fk.refColumns[i]!, col]
	);
	const unique = !outgoing && target.uniqueKeys.some((key) => sameSet(key, fk.columns));
	const cardinality: Cardinality = outgoing ? 'many-to-one' : unique ? 'one-to-one' : 'one-to-many';
	const singles = pairs.length === 1 ? pairs[0]! : [];
	const srcCols = pairs.map((p) => p[0]).join(', ');
	const tgtCols = pairs.map((p) => p[1]).join(', ');
	return {
		cardinality,
		target,
		pairs,
		junction: null,
		hintNames: [fk.name, ...singles],
		constraint: fk.name,
		description: `${fk.name} using ${source.name}(${srcCols}) and ${target.name}(${tgtCols})`
	};
}

function manyToMany(cache: SchemaCache, source: Relation, target: Relation): Relationship[] {
	const found: Relationship[] = [];
	for (const junction of cache.relations.values()) {
		if (junction.name === source.name || junction.name === target.name) continue;
		const keys = junction.primaryKey.length > 0 ? [junction.primaryKey] : junction.uniqueKeys;
		const fks = cache.foreignKeys.filter((fk) => fk.table === junction.name);
		for (const a of fks.filter((fk) => fk.refTable === source.name)) {
			for (const b of fks.filter((fk) => fk.refTable === target.name && fk !== a)) {
				if (!keys.some((key) => subset([...a.columns, ...b.columns], key))) continue;
				found.push({
					cardinality: 'many-to-many',
					target,
					pairs: [],
					junction: {
						table: junction,
						sourcePairs: a.columns.map((c, i) => [c, a.refColumns[i]!]),
						targetPairs: b.columns.map((c, i) => [c, b.refColumns[i]!])
					},
					hintNames: [junction.name, a.name, b.name],
					constraint: junction.name,
					description: `${junction.name} using ${a.name} and ${b.name}`
				});
			}
		}
	}
	return found;
}

function candidates(cache: SchemaCache, source: Relation, targetName: string): Relationship[] {
	const target = cache.relations.get(targetName);
	const found: Relationship[] = [];
	if (target) {
		for (const fk of cache.foreignKeys) {
			if (fk.table === source.name && fk.refTable === target.name) found.push(direct(source, target, fk, true));
			if (fk.refTable === source.name && fk.table === target.name) found.push(direct(source, target, fk, false));
		}
		found.push(...manyToMany(cache, source, target));
	}
	// A bare foreign-key column name embeds the row it points to: `sender_id(name)`.
	for (const fk of cache.foreignKeys) {
		const ref = cache.relations.get(fk.refTable);
		if (fk.table === source.name && fk.columns.length === 1 && fk.columns[0] === targetName && ref) {
			found.push(direct(source, ref, fk, true));
		}
	}
	return found;
}

export function findRelationship(cache: SchemaCache, source: Relation, targetName: string, hint: string | null): Relationship {
	let found = candidates(cache, source, targetName);
	if (hint !== null) found = found.filter((rel) => rel.hintNames.includes(hint));
	if (found.length === 1) return found[0]!;
	if (found.length === 0) {
		const using = hint === null ? '' : ` using the hint '${hint}'`;
		const isView = source.kind === 'view' || cache.relations.get(targetName)?.kind === 'view';
		throw new ApiError(
			400,
			'PGRST200',
			`Could not find a relationship between '${source.name}' and '${targetName}' in the schema cache`,
			`Searched for a foreign key relationship between '${source.name}' and '${targetName}'${using} in the schema '${EXPOSED_SCHEMA}', but no matches were found.`,
			isView
				? 'Embedding through views is not supported by this server: only foreign keys between tables are used.'
				: cache.functions.has(targetName)
					? 'Computed relationships (functions taking a row) are not supported by this server.'
					: null
		);
	}
	const options = found.map((rel) => `'${targetName}!${rel.constraint}'`).join(', ');
	throw new ApiError(
		300,
		'PGRST201',
		`Could not embed because more than one relationship was found for '${source.name}' and '${targetName}'`,
		found.map((rel) => ({
			cardinality: rel.cardinality,
			embedding: `${source.name} with ${rel.target.name}`,
			relationship: rel.description
		})),
		`Try changing '${targetName}' to one of the following: ${options}. Find the desired relationship in the 'details' key.`
	);
}

export function isToOne(rel: Relationship): boolean {
	return rel.cardinality === 'many-to-one' || rel.cardinality === 'one-to-one';
}
