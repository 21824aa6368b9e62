/**
 * Runs a pgTAP test file the way `supabase test db` does (pg_prove → psql,
 * stop at the first error), without psql: the file's `\ir` includes are
 * inlined, the text is split into statements and each is sent on one fresh
 * connection, and every text value the statements return is read as TAP.
 */
import postgres from 'postgres';
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

export interface TapAssertion {
	number: number;
	ok: boolean;
	description: string;
	diagnostics: string[];
}

export interface TapFileResult {
	file: string;
	planned: number | null;
	assertions: TapAssertion[];
	/** Diagnostics not attached to an assertion, e.g. finish()'s "Looks like you failed …". */
	notes: string[];
	/** The error that stopped the file, with the statement it came from. */
	error: string | null;
}

/** Inlines psql `\ir <file>` lines (relative to the including file); any other meta-command is an error. */
export function expandIncludes(path: string, depth = 0): string {
	if (depth > 5) throw new Error(`Includes nested too deeply at ${path}`);
	return readFileSync(path, 'utf8')
		.split('\n')
		.map((line, index) => {
			const include = /^\s*\\(?:ir|include_relative)\s+'?([^'\s]+)'?\s*$/.exec(line);
			if (include) return expandIncludes(resolve(dirname(path), include[1]!), depth + 1);
			if (/^\s*\\/.test(line)) {
				throw new Error(`${basename(path)}:${index + 1}: only the psql meta-command \\ir is supported: ${line.trim()}`);
			}
			return line;
		})
		.join('\n');
}

/** Splits SQL text on top-level semicolons, respecting quotes, dollar quotes and comments. */
export function splitStatements(text: string): string[] {
	const statements: string[] = [];
	let start = 0;
	let i = 0;
	const skipTo = (end: string) => {
		const at = text.indexOf(end, i);
		i = at === -1 ? text.length : at + end.length;
	};
	while (i < text.length) {
		const c = text[i]!;
		const next = text[i + 1];
		if (c === '-' && next === '-') {
			skipTo('\n');
		} else if (c === '/' && next === '*') {
			let nesting = 1;
			i += 2;
			while (i < text.length && nesting > 0) {
				if (text.startsWith('/*', i)) (nesting++, (i += 2));
				else if (text.startsWith('*/', i)) (nesting--, (i += 2));
				else i++;
			}
		} else if (c === "'") {
			const escapes = /[eE]/.test(text[i - 1] ?? '') && !/\w/.test(text[i - 2] ?? '');
			i++;
			while (i < text.length) {
				if (escapes && text[i] === '\\') i += 2;
				else if (text[i] === "'" && text[i + 1] === "'") i += 2;
				else if (text[i] === "'") break;
				else i++;
			}
			i++;
		} else if (c === '"') {
			i++;
			skipTo('"');
		} else if (c === '$' && !/[\w$]/.test(text[i - 1] ?? '')) {
			const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i))?.[0];
			if (tag) {
				i += tag.length;
				skipTo(tag);
			} else i++;
		} else if (c === ';') {
			statements.push(text.slice(start, i));
			start = ++i;
		} else {
			i++;
		}
	}
	statements.push(text.slice(start));
	const meaningful = (s: string) => s.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '').trim() !== '';
	return statements.map((s) => s.trim()).filter(meaningful);
}

/** Reads TAP lines (plan, ok / not ok, # diagnostics) into a result. */
export function parseTap(file: string, lines: string[], error: string | null): TapFileResult {
	const result: TapFileResult = { file, planned: null, assertions: [], notes: [], error };
	for (const line of lines) {
		const plan = /^1\.\.(\d+)/.exec(line);
		const test = /^(not )?ok (\d+)(?: - (.*))?$/.exec(line);
		if (plan) {
			result.planned = Number(plan[1]);
		} else if (test) {
			result.assertions.push({
				number: Number(test[2]),
				ok: test[1] === undefined || /#\s*TODO/i.test(test[3] ?? ''),
				description: test[3] ?? '',
				diagnostics: []
			});
		} else if (line.startsWith('#')) {
			const last = result.assertions.at(-1);
			const note = line.replace(/^#\s?/, '');
			if (/^Looks like/.test(note) || !last || last.ok) result.notes.push(note);
			else last.diagnostics.push(note);
		}
	}
	return result;
}

/** Runs one test file on its own connection; a failing statement stops the file as psql's ON_ERROR_STOP does. */
export async function runTapFile(databaseUrl: string, path: string): Promise<TapFileResult> {
	const sql = postgres(databaseUrl, {
		max: 1,
		onnotice: () => {},
		// As on Supabase, where the postgres role's search_path includes the extensions schema (and so pgTAP).
		connection: { search_path: '"$user", public, extensions', application_name: 'pgtap' }
	});
	const lines: string[] = [];
	let error: string | null = null;
	try {
		for (const statement of splitStatements(expandIncludes(path))) {
			try {
				const rows = await sql.unsafe(statement);
				for (const row of rows) {
					for (const value of Object.values(row)) {
						if (typeof value === 'string') lines.push(...value.split('\n'));
					}
				}
			} catch (failure) {
				const where = statement.length > 300 ? `${statement.slice(0, 300)}…` : statement;
				error = `${(failure as Error).message}\n  in statement: ${where}`;
				break;
			}
		}
	} finally {
		await sql.end();
	}
	return parseTap(basename(path), lines, error);
}
