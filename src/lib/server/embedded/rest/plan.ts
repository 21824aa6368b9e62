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
	/** `rel=is.null` / `rel=not.is.null` on an embed of this node. */
	embedNull: { key: string; isNull: boolean }[];
	order: OrderTerm[];
	limit: number | null;
	offset: number | null;
}

const EMPTY: NodeParams = { filters: [], order: [], limit: null, offset: null };

function checkField(relation: Relation, field: Field): void {
	if (!relation.columnNames.has(field.name)) throw columnNotFound(relation.name, field.name);
}

export function checkFilter(relation: Relation, filter: Filter): void {
	if (filter.type === 'op') checkField(relation, filter.field);
	else filter.children.forEach((child) => checkFilter(relation, child));
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
	const filters: Filter[] = [];
	const embedNull: ReadNode['embedNull'] = [];
	for (const filter of params.filters) {
		const isEmbedFilter =
			filter.type === 'op' && filter.field.path.length === 0 && embedKeys.has(filter.field.name) && !relation.columnNames.has(filter.field.name);
		if (isEmbedFilter && filter.type === 'op') {
			if (filter.op !== 'is' || filter.value.toLowerCase() !== 'null') {
				throw new ApiError(400, 'PGRST120', 'Only is null or not is null filters are allowed on embedded resources');
			}
			embedNull.push({ key: filter.field.name, isNull: !filter.negate });
			continue;
		}
		checkFilter(relation, filter);
		filters.push(filter);
	}
	params.order.forEach((term) => checkField(relation, term.field));
	return { relation, items, filters, embedNull, order: params.order, limit: params.limit, offset: params.offset };
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
