/**
 * The pieces of PostgREST's URL grammar shared by `select`, filters and
 * `order`: a character cursor, identifiers (plain or "double quoted" with
 * \" and \\ escapes) and fields with JSON paths (`data->a->>b`, `arr->0`).
 */

export interface JsonStep {
	arrow: '->' | '->>';
	key: string;
}

export interface Field {
	name: string;
	path: JsonStep[];
}

export class GrammarError extends Error {}

export class Cursor {
	i = 0;
	constructor(readonly s: string) {}

	get done(): boolean {
		return this.i >= this.s.length;
	}
	peek(n = 1): string {
		return this.s.slice(this.i, this.i + n);
	}
	startsWith(text: string): boolean {
		return this.s.startsWith(text, this.i);
	}
	eat(text: string): boolean {
		if (!this.startsWith(text)) return false;
		this.i += text.length;
		return true;
	}
	expect(text: string): void {
		if (!this.eat(text)) this.fail(`"${text}"`);
	}
	skipSpaces(): void {
		while (this.peek() === ' ') this.i += 1;
	}
	rest(): string {
		const r = this.s.slice(this.i);
		this.i = this.s.length;
		return r;
	}
	fail(expected: string): never {
		const at = this.done ? 'end of input' : `"${this.s[this.i]}" at position ${this.i + 1}`;
		throw new GrammarError(`unexpected ${at}, expecting ${expected}`);
	}
}

/** True for characters allowed in an unquoted identifier. */
function isNameChar(c: Cursor): boolean {
	const ch = c.peek();
	if (ch === '') return false;
	if (ch === '-') return c.peek(2) !== '->';
	// Spaces are allowed inside names (`Local Name=eq.x`); supabase-js strips them from `select`.
	return ch === ' ' || !/[\s,.:()!"'\\<>*{}[\]=&|~;]/u.test(ch);
}

/** A double-quoted string with \" and \\ escapes; the cursor is on the opening quote. */
export function parseQuoted(c: Cursor): string {
	c.expect('"');
	let out = '';
	while (!c.done && c.peek() !== '"') {
		if (c.peek() === '\\' && (c.peek(2) === '\\"' || c.peek(2) === '\\\\')) {
			out += c.peek(2)[1];
			c.i += 2;
		} else {
			out += c.peek();
			c.i += 1;
		}
	}
	c.expect('"');
	return out;
}

export function parseIdentifier(c: Cursor, what = 'an identifier'): string {
	if (c.peek() === '"') return parseQuoted(c);
	const start = c.i;
	while (isNameChar(c)) c.i += 1;
	if (c.i === start) c.fail(what);
	return c.s.slice(start, c.i);
}

function parseJsonKey(c: Cursor): string {
	if (c.peek() === '"') return parseQuoted(c);
	const start = c.i;
	if (c.peek() === '-') c.i += 1;
	while (isNameChar(c)) c.i += 1;
	if (c.i === start) c.fail('a JSON key');
	return c.s.slice(start, c.i);
}

export function parseJsonPath(c: Cursor): JsonStep[] {
	const path: JsonStep[] = [];
	while (c.startsWith('->')) {
		const arrow = c.eat('->>') ? '->>' : (c.eat('->'), '->');
		path.push({ arrow, key: parseJsonKey(c) });
	}
	return path;
}

export function parseField(c: Cursor): Field {
	const name = parseIdentifier(c, 'a column name');
	return { name, path: parseJsonPath(c) };
}

/** Parses a whole string as a field (filter keys, `columns`, `on_conflict` items). */
export function parseFieldText(text: string): Field {
	const c = new Cursor(text);
	const field = parseField(c);
	if (!c.done) c.fail('end of input');
	return field;
}

/** Splits on `sep` outside double quotes and parentheses. */
export function splitTopLevel(text: string, sep: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let quoted = false;
	let current = '';
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (quoted && ch === '\\' && i + 1 < text.length) {
			current += ch + text[i + 1];
			i += 1;
			continue;
		}
		if (ch === '"') quoted = !quoted;
		else if (!quoted && ch === '(') depth += 1;
		else if (!quoted && ch === ')') depth -= 1;
		if (ch === sep && !quoted && depth === 0) {
			parts.push(current);
			current = '';
		} else current += ch;
	}
	parts.push(current);
	return parts;
}
