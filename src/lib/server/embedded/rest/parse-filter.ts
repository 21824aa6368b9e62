/**
 * Filters: `col=[not.]op.value` and the logic trees of `or=(…)`, `and=(…)`,
 * `not.or`, `not.and`, nested `and(…)`/`not.or(…)` inside them.
 *
 * Quoting follows PostgREST: a top-level value is taken verbatim (it may
 * contain commas); inside `in.(…)` lists and logic trees an element may be
 * "double quoted" (\" and \\ escapes) to hold `,` `.` `:` `(` `)`, and a
 * `{…}` array literal is kept whole.
 */
import { parseError, unsupported } from './errors';
import { Cursor, GrammarError, parseField, parseQuoted, type Field } from './parse-field';

export const OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'is', 'in', 'cs', 'cd', 'ov'] as const;
export type Operator = (typeof OPERATORS)[number];

const KNOWN_UNSUPPORTED = new Set([
	'match', 'imatch', 'isdistinct', 'fts', 'plfts', 'phfts', 'wfts', 'sl', 'sr', 'nxl', 'nxr', 'adj'
]);

export interface OpFilter {
	type: 'op';
	field: Field;
	negate: boolean;
	op: Operator;
	/** The value for single-value operators. */
	value: string;
	/** The elements for `in`. */
	list: string[];
}

export interface LogicFilter {
	type: 'logic';
	op: 'and' | 'or';
	negate: boolean;
	children: Filter[];
}

export type Filter = OpFilter | LogicFilter;

function parseOperator(c: Cursor): Operator {
	const start = c.i;
	while (/[a-z]/.test(c.peek())) c.i += 1;
	const op = c.s.slice(start, c.i);
	if (c.peek() === '(') {
		const close = c.s.indexOf(')', c.i);
		const modifier = c.s.slice(c.i + 1, close === -1 ? undefined : close);
		throw unsupported(`the operator modifier "${op}(${modifier})"`);
	}
	if ((OPERATORS as readonly string[]).includes(op)) return op as Operator;
	if (KNOWN_UNSUPPORTED.has(op)) throw unsupported(`the filter operator "${op}"`);
	if (op === '') c.fail('an operator (eq, neq, gt, gte, lt, lte, like, ilike, is, in, cs, cd, ov)');
	throw new GrammarError(`unknown operator "${op}"`);
}

/** One element of an `in` list or a logic-tree value. */
function parseElement(c: Cursor, allowArray: boolean): string {
	if (c.peek() === '"') {
		const value = parseQuoted(c);
		if (!c.done && c.peek() !== ',' && c.peek() !== ')') c.fail('"," or ")" after a quoted value');
		return value;
	}
	if (allowArray && c.peek() === '{') {
		const close = c.s.indexOf('}', c.i);
		if (close === -1) c.fail('"}"');
		const value = c.s.slice(c.i, close + 1);
		c.i = close + 1;
		return value;
	}
	const start = c.i;
	while (!c.done && c.peek() !== ',' && c.peek() !== ')') c.i += 1;
	return c.s.slice(start, c.i);
}

function parseList(c: Cursor): string[] {
	c.expect('(');
	const list: string[] = [];
	if (c.eat(')')) return list;
	do list.push(parseElement(c, false));
	while (c.eat(','));
	c.expect(')');
	return list;
}

function parseOpTail(c: Cursor, field: Field, inTree: boolean): OpFilter {
	const negate = c.eat('not.');
	const op = parseOperator(c);
	c.expect('.');
	if (op === 'in') return { type: 'op', field, negate, op, value: '', list: parseList(c) };
	const value = inTree ? parseElement(c, true) : c.rest();
	if (op === 'is' && !['null', 'true', 'false', 'unknown'].includes(value.toLowerCase())) {
		throw new GrammarError(`"is" accepts only null, true, false or unknown, got "${value}"`);
	}
	return { type: 'op', field, negate, op, value, list: [] };
}

function parseTreeBody(c: Cursor, op: 'and' | 'or', negate: boolean): LogicFilter {
	c.expect('(');
	const children: Filter[] = [];
	do children.push(parseTerm(c));
	while (c.eat(','));
	c.expect(')');
	return { type: 'logic', op, negate, children };
}

function parseTerm(c: Cursor): Filter {
	c.skipSpaces(); // `.or('a.eq.1, b.eq.2')` is common
	for (const prefix of ['not.and(', 'not.or(', 'and(', 'or(']) {
		if (c.startsWith(prefix)) {
			const negate = c.eat('not.');
			const op = c.eat('and') ? 'and' : (c.eat('or'), 'or');
			return parseTreeBody(c, op, negate);
		}
	}
	const field = parseField(c);
	field.name = field.name.trimEnd();
	c.expect('.');
	return parseOpTail(c, field, true);
}

function wrap<T>(message: string, fn: () => T): T {
	try {
		return fn();
	} catch (error) {
		if (error instanceof GrammarError) throw parseError(message, error.message);
		throw error;
	}
}

/** `col=<raw>` at the top level (or `rel.col=<raw>`). */
export function parseFilter(field: Field, raw: string): OpFilter {
	return wrap(`failed to parse filter (${raw})`, () => {
		const c = new Cursor(raw);
		const filter = parseOpTail(c, field, false);
		if (!c.done) c.fail('end of input');
		return filter;
	});
}

/** `or=<raw>`, `and=<raw>`, `not.or=<raw>`, `not.and=<raw>`. */
export function parseLogicTree(op: 'and' | 'or', negate: boolean, raw: string): LogicFilter {
	return wrap(`failed to parse logic tree (${raw})`, () => {
		const c = new Cursor(raw);
		const tree = parseTreeBody(c, op, negate);
		if (!c.done) c.fail('end of input');
		return tree;
	});
}
