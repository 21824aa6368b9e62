/**
 * The `select` parameter: `*`, columns, `alias:col`, `col::type`, JSON paths,
 * and embedded resources `[alias:]rel[!hint][!inner|!left](…)` at any depth.
 * Aggregates and spreads are recognised only to be refused by name.
 */
import { ApiError, parseError, unsupported } from './errors';
import { Cursor, GrammarError, parseIdentifier, parseJsonPath, type Field } from './parse-field';

export interface ColumnItem {
	type: 'column';
	alias: string | null;
	field: Field;
	cast: string | null;
}

export interface EmbedItem {
	type: 'embed';
	/** Output key: the alias, else the relation name. */
	key: string;
	name: string;
	hint: string | null;
	inner: boolean;
	children: SelectItem[];
}

export type SelectItem = ColumnItem | EmbedItem | { type: 'star' };

const AGGREGATES = ['count', 'sum', 'avg', 'min', 'max'];

function aggregateError(): ApiError {
	return new ApiError(400, 'PGRST123', 'Use of aggregate functions is not allowed', 'Aggregates (count(), col.sum(), ...) are not supported by this server');
}

function parseEmbed(c: Cursor, alias: string | null, name: string): EmbedItem {
	let hint: string | null = null;
	let inner = false;
	while (c.eat('!')) {
		const mod = parseIdentifier(c, 'an embed hint or !inner/!left');
		if (mod === 'inner') inner = true;
		else if (mod === 'left') inner = false;
		else if (hint === null) hint = mod;
		else c.fail('"(" after the embed hint');
	}
	c.expect('(');
	if (c.peek() === ')' && name === 'count' && hint === null) throw aggregateError();
	const children = c.peek() === ')' ? [] : parseList(c);
	c.expect(')');
	return { type: 'embed', key: alias ?? name, name, hint, inner, children };
}

function parseCast(c: Cursor): string {
	const start = c.i;
	while (!c.done && /[A-Za-z0-9_[\]]/.test(c.peek())) c.i += 1;
	if (c.i === start) c.fail('a type name after "::"');
	return c.s.slice(start, c.i);
}

function parseItem(c: Cursor): SelectItem {
	if (c.startsWith('...')) throw unsupported('spread embedding (...rel) in select');
	if (c.eat('*')) return { type: 'star' };
	let alias: string | null = null;
	let name = parseIdentifier(c, 'a column name, "*" or an embedded resource');
	if (c.peek() === ':' && c.peek(2) !== '::') {
		c.i += 1;
		alias = name;
		if (c.startsWith('...')) throw unsupported('spread embedding (...rel) in select');
		name = parseIdentifier(c, 'a column name or an embedded resource after the alias');
	}
	if (c.peek() === '!' || c.peek() === '(') return parseEmbed(c, alias, name);
	const path = parseJsonPath(c);
	let cast: string | null = null;
	if (c.eat('::')) cast = parseCast(c);
	if (c.peek() === '.') {
		const after = c.s.slice(c.i + 1);
		if (AGGREGATES.some((agg) => after.startsWith(agg + '('))) throw aggregateError();
		c.fail('"," or ")"');
	}
	return { type: 'column', alias, field: { name, path }, cast };
}

function parseList(c: Cursor): SelectItem[] {
	const items = [parseItem(c)];
	while (c.eat(',')) items.push(parseItem(c));
	return items;
}

export function parseSelect(raw: string | null): SelectItem[] {
	if (raw === null || raw === '') return [{ type: 'star' }];
	const c = new Cursor(raw);
	try {
		const items = parseList(c);
		if (!c.done) c.fail('"," or end of input');
		return items;
	} catch (error) {
		if (error instanceof GrammarError) throw parseError(`failed to parse select parameter (${raw})`, error.message);
		throw error;
	}
}
