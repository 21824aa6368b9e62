/**
 * Choosing the function overload an /rpc call means, from its named
 * arguments (JSON body keys for POST, query keys for GET/HEAD), as PostgREST
 * does: unknown → 404 PGRST202, several matches → 300 PGRST203.
 */
import { ApiError } from './errors';
import { EXPOSED_SCHEMA, type SchemaCache } from './schema-cache';
import type { FunctionDef } from './schema-functions';

const JSON_TYPES = ['json', 'jsonb'];

/** A function taking one unnamed json/jsonb argument receives the whole POST body. */
export function takesWholeBody(fn: FunctionDef): boolean {
	return fn.args.length === 1 && fn.args[0]!.name === '' && JSON_TYPES.includes(fn.args[0]!.type);
}

function accepts(fn: FunctionDef, keys: string[], exact: boolean): boolean {
	if (fn.args.some((a) => a.name === '' && !a.hasDefault)) return false;
	const names = fn.args.map((a) => a.name);
	if (exact && !keys.every((k) => names.includes(k))) return false;
	return fn.args.every((a) => a.hasDefault || keys.includes(a.name));
}

function notFound(name: string, keys: string[], known: boolean): ApiError {
	const list = [...keys].sort().join(', ');
	return new ApiError(
		404,
		'PGRST202',
		`Could not find the function ${EXPOSED_SCHEMA}.${name}(${list}) in the schema cache`,
		`Searched for the function ${EXPOSED_SCHEMA}.${name} with parameters ${list || '(none)'} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`,
		known ? 'The function exists, but not with these argument names (or it is VARIADIC, which is not supported).' : null
	);
}

/**
 * POST: the body keys must all be argument names. GET/HEAD: keys that are not
 * argument names are filters on the result, so pick the overload using most keys.
 */
export function resolveFunction(cache: SchemaCache, name: string, keys: string[], isPost: boolean): FunctionDef {
	const all = (cache.functions.get(name) ?? []).filter((fn) => !fn.variadic);
	let matches = all.filter((fn) => accepts(fn, keys, isPost));
	if (isPost && matches.length === 0) matches = all.filter(takesWholeBody);
	if (!isPost && matches.length > 1) {
		const used = (fn: FunctionDef) => fn.args.filter((a) => keys.includes(a.name)).length;
		const best = Math.max(...matches.map(used));
		matches = matches.filter((fn) => used(fn) === best);
	}
	if (matches.length === 1) return matches[0]!;
	if (matches.length === 0) throw notFound(name, keys, (cache.functions.get(name) ?? []).length > 0);
	const signatures = matches.map((fn) => `${EXPOSED_SCHEMA}.${name}(${fn.args.map((a) => `${a.name} => ${a.type}`).join(', ')})`);
	throw new ApiError(
		300,
		'PGRST203',
		`Could not choose the best candidate function between: ${signatures.join(', ')}`,
		null,
		'Try renaming the parameters or the function itself in the database so function overloading can be resolved'
	);
}
