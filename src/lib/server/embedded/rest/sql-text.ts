/**
 * Building SQL text safely: identifiers come from the schema cache and are
 * always double-quoted; every user value becomes a `$n` bind parameter sent
 * untyped (porsager sends JS strings with type 0), so PostgreSQL infers the
 * type from the column it is compared with.
 */

export function ident(name: string): string {
	return '"' + name.replace(/"/g, '""') + '"';
}

export function qualified(schema: string, name: string): string {
	return `${ident(schema)}.${ident(name)}`;
}

export class Params {
	readonly values: (string | null)[] = [];

	/** Adds a bind parameter and returns its placeholder. */
	add(value: string | null): string {
		this.values.push(value);
		return `$${this.values.length}`;
	}
}

/** Type names allowed in `col::type` casts: plain words, optional `[]`. */
const TYPE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\[\])?$/;

export function isSafeTypeName(type: string): boolean {
	return TYPE_NAME.test(type);
}
