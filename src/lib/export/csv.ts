/**
 * CSV as RFC 4180 writes it (comma-separated, CRLF row ends, a header row,
 * fields with commas, quotes or line breaks quoted, quotes doubled), with
 * spreadsheet formula injection neutralised: a text cell that starts with
 * = + - @ (or a tab or carriage return, which some spreadsheets skip before
 * reading a formula) gets a leading apostrophe, as OWASP recommends. Pure.
 */

export type CsvValue = string | number | boolean | null | undefined | readonly unknown[] | Record<string, unknown>;

export interface CsvColumn<Row> {
	header: string;
	value(row: Row): CsvValue;
}

/** The byte order mark that tells spreadsheet apps the file is UTF-8 (Excel reads it as ANSI otherwise). */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell a spreadsheet will show as text, never run as a formula. */
export function neutraliseFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One value as cell text: lists joined with "; ", objects as JSON, numbers and booleans as written. */
export function cellText(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'string') return neutraliseFormula(value);
	if (Array.isArray(value)) return neutraliseFormula(value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('; '));
	return neutraliseFormula(JSON.stringify(value));
}

/** A field, quoted when RFC 4180 requires it. */
export function quoteField(text: string): string {
	return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: header row, one row per item, CRLF after every row. Headers are neutralised and quoted too. */
export function writeCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
	const lines = [columns.map((column) => quoteField(neutraliseFormula(column.header))).join(',')];
	for (const row of rows) lines.push(columns.map((column) => quoteField(cellText(column.value(row)))).join(','));
	return lines.join('\r\n') + '\r\n';
}
