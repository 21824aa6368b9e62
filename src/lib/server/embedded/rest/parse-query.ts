/**
 * Sorts the form-decoded query string into PostgREST's reserved parameters
 * (select, columns, on_conflict) and, per embed path (root = ''), filters,
 * logic trees, order, limit and offset. Every other key is a filter
 * (`col`, `rel.col`), except RPC argument names on GET /rpc.
 */
import { parseError, unsupported } from './errors';
import { Cursor, GrammarError, parseField, parseFieldText, splitTopLevel, type Field } from './parse-field';
import { parseFilter, parseLogicTree, type Filter } from './parse-filter';

export interface OrderTerm {
	field: Field;
	descending: boolean;
	nulls: 'first' | 'last' | null;
}

export interface NodeParams {
	filters: Filter[];
	order: OrderTerm[];
	limit: number | null;
	offset: number | null;
}

export interface QueryParts {
	select: string | null;
	columns: string | null;
	onConflict: string | null;
	/** Keyed by embed path joined with '.', '' for the root. */
	nodes: Map<string, NodeParams>;
	/** GET/HEAD /rpc arguments. */
	args: Map<string, string>;
}

function parseOrderTerm(text: string): OrderTerm {
	const c = new Cursor(text);
	const field = parseField(c);
	if (c.peek() === '(') throw unsupported(`ordering by an embedded resource's column (order=${text})`);
	let descending = false;
	let nulls: OrderTerm['nulls'] = null;
	if (c.eat('.asc')) descending = false;
	else if (c.eat('.desc')) descending = true;
	if (c.eat('.nullsfirst')) nulls = 'first';
	else if (c.eat('.nullslast')) nulls = 'last';
	if (!c.done) c.fail('".asc", ".desc", ".nullsfirst" or ".nullslast"');
	return { field, descending, nulls };
}

export function parseOrder(raw: string): OrderTerm[] {
	try {
		return splitTopLevel(raw, ',').map(parseOrderTerm);
	} catch (error) {
		if (error instanceof GrammarError) throw parseError(`failed to parse order (${raw})`, error.message);
		throw error;
	}
}

function parseCount(name: string, raw: string): number {
	if (!/^\d+$/.test(raw)) throw parseError(`failed to parse ${name} (${raw})`, `${name} must be a non-negative integer`);
	return Number(raw);
}

/** Key segments split on '.' outside double quotes (quotes kept for the field parser). */
function splitKey(key: string): string[] {
	return splitTopLevel(key, '.');
}

function unquote(segment: string): string {
	if (!segment.startsWith('"')) return segment;
	try {
		return parseFieldText(segment).name;
	} catch {
		return segment;
	}
}

export function parseQuery(params: URLSearchParams, argNames: Set<string> = new Set()): QueryParts {
	const parts: QueryParts = { select: null, columns: null, onConflict: null, nodes: new Map(), args: new Map() };
	const node = (path: string[]): NodeParams => {
		const key = path.map(unquote).join('.');
		let n = parts.nodes.get(key);
		if (!n) parts.nodes.set(key, (n = { filters: [], order: [], limit: null, offset: null }));
		return n;
	};
	for (const [key, value] of params) {
		if (key === 'select') parts.select = value;
		else if (key === 'columns') parts.columns = value;
		else if (key === 'on_conflict') parts.onConflict = value;
		else if (argNames.has(key)) parts.args.set(key, value);
		else {
			const segs = splitKey(key);
			const last = segs[segs.length - 1]!;
			const prev = segs[segs.length - 2];
			if (last === 'order') node(segs.slice(0, -1)).order.push(...parseOrder(value));
			else if (last === 'limit') node(segs.slice(0, -1)).limit = parseCount('limit', value);
			else if (last === 'offset') node(segs.slice(0, -1)).offset = parseCount('offset', value);
			else if (last === 'or' || last === 'and') {
				const negate = prev === 'not';
				const path = segs.slice(0, negate ? -2 : -1);
				node(path).filters.push(parseLogicTree(last, negate, value));
			} else {
				let field: Field;
				try {
					field = parseFieldText(last);
				} catch (error) {
					if (error instanceof GrammarError) throw parseError(`failed to parse filter (${key})`, error.message);
					throw error;
				}
				node(segs.slice(0, -1)).filters.push(parseFilter(field, value));
			}
		}
	}
	return parts;
}

/** `columns="a","b"` and `on_conflict=a,b`: a list of plain column names. */
export function parseColumnList(raw: string, what: string): string[] {
	try {
		return splitTopLevel(raw, ',').map((item) => {
			const field = parseFieldText(item);
			if (field.path.length > 0) throw new GrammarError('JSON paths are not allowed here');
			return field.name;
		});
	} catch (error) {
		if (error instanceof GrammarError) throw parseError(`failed to parse ${what} (${raw})`, error.message);
		throw error;
	}
}
