/**
 * Building SQL text safely: identifiers come from the schema cache and are
 * always double-quoted; every user value becomes a bind parameter.
 *
 * Parameters are always written `$n::text` and then CAST to the type they
 * are compared with (the column's type from the schema cache). Leaving them
 * untyped would let porsager re-serialize them by the type PostgreSQL infers
 * (JSON.stringify for json, `x === true` for boolean, Date for timestamptz),
 * which corrupts string values; text has no serializer, and text → type
 * casts parse exactly like a literal would.
 */

export function ident(name: string): string {
	return '"' + name.replace(/"/g, '""') + '"';
}

export function qualified(schema: string, name: string): string {
	return `${ident(schema)}.${ident(name)}`;
}

export class Params {
	readonly values: (string | null)[] = [];

	/** Adds a bind parameter and returns its placeholder, typed text. */
	add(value: string | null): string {
		this.values.push(value);
		return `$${this.values.length}::text`;
	}

	/** A bind parameter converted to `type` (a catalog type name, never user input). */
	typed(value: string | null, type: string): string {
		return `CAST(${this.add(value)} AS ${type})`;
	}
}

/** Type names allowed in `col::type` casts: plain words, optional `[]`. */
const TYPE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\[\])?$/;

export function isSafeTypeName(type: string): boolean {
	return TYPE_NAME.test(type);
}
