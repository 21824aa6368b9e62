/**
 * Turns the parsed `select` tree and per-path query parameters into a
 * validated read plan: every column checked against the schema cache, every
 * embed resolved to one relationship, every query-string path used.
 */
import { ApiError, columnNotFound, parseError } from './errors';
import type { Field } from './parse-field';
import type { Filter } from './parse-filter';
import type { NodeParams, OrderTerm } from './parse-query';
import type { SelectItem } from './parse-select';
import { findRelationship, type Relationship } from './relationships';
import type { Relation, SchemaCache } from './schema-cache';
import { isSafeTypeName } from './sql-text';

export type PlanItem =
	| { kind: 'star' }
	| { kind: 'column'; field: Field; alias: string; cast: string | null }
	| { kind: 'embed'; key: string; rel: Relationship; inner: boolean; node: ReadNode };

export interface ReadNode {
	relation: Relation;
	items: PlanItem[];
	filters: Filter[];
	order: OrderTerm[];
	limit: number | null;
	offset: number | null;
}

const EMPTY: NodeParams = { filters: [], order: [], limit: null, offset: null };

function checkField(relation: Relation, field: Field): void {
	if (!relation.columnNames.has(field.name)) throw columnNotFound(relation.name, field.name);
}

/** Columns must exist; a non-column naming an embed of this node may only be tested with (not.)is.null. */
export function checkFilter(relation: Relation, filter: Filter, embedKeys: Set<string> = new Set()): void {
	if (filter.type === 'logic') {
		filter.children.forEach((child) => checkFilter(relation, child, embedKeys));
		return;
	}
	const { field } = filter;
	if (relation.columnNames.has(field.name) || !embedKeys.has(field.name)) return checkField(relation, field);
	if (field.path.length > 0 || filter.op !== 'is' || filter.value.toLowerCase() !== 'null') {
		throw new ApiError(400, 'PGRST120', 'Only is null or not is null filters are allowed on embedded resources');
	}
}

function outputName(field: Field): string {
	const last = field.path[field.path.length - 1];
	return last ? last.key : field.name;
}

function planNode(
	cache: SchemaCache,
	relation: Relation,
	select: SelectItem[],
	nodes: Map<string, NodeParams>,
	path: string[],
	used: Set<string>
): ReadNode {
	const key = path.join('.');
	used.add(key);
	const params = nodes.get(key) ?? EMPTY;
	const items: PlanItem[] = select.map((item): PlanItem => {
		if (item.type === 'star') return { kind: 'star' };
		if (item.type === 'column') {
			checkField(relation, item.field);
			if (item.cast !== null && !isSafeTypeName(item.cast)) {
				throw parseError(`failed to parse select parameter`, `invalid cast type "${item.cast}"`);
			}
			return { kind: 'column', field: item.field, alias: item.alias ?? outputName(item.field), cast: item.cast };
		}
		const rel = findRelationship(cache, relation, item.name, item.hint);
		const node = planNode(cache, rel.target, item.children, nodes, [...path, item.key], used);
		return { kind: 'embed', key: item.key, rel, inner: item.inner, node };
	});

	const embedKeys = new Set(items.flatMap((i) => (i.kind === 'embed' ? [i.key] : [])));
	params.filters.forEach((filter) => checkFilter(relation, filter, embedKeys));
	params.order.forEach((term) => checkField(relation, term.field));
	return { relation, items, filters: params.filters, order: params.order, limit: params.limit, offset: params.offset };
}

export function planRead(cache: SchemaCache, relation: Relation, select: SelectItem[], nodes: Map<string, NodeParams>): ReadNode {
	const used = new Set<string>();
	const root = planNode(cache, relation, select, nodes, [], used);
	for (const key of nodes.keys()) {
		if (!used.has(key)) {
			const name = key.split('.').pop() ?? key;
			throw new ApiError(
				400,
				'PGRST108',
				`'${name}' is not an embedded resource in this request`,
				null,
				`Verify that '${name}' is included in the 'select' query parameter.`
			);
		}
	}
	return root;
}
