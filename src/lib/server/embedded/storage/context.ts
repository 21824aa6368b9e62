/**
 * What every storage route shares: the handler options, the caller's auth and
 * one transaction under the caller's role (runAs) with its file changes tied
 * to the transaction's outcome.
 */
import type { Sql, TransactionSql } from 'postgres';
import { resolveAuth, type RequestAuth } from '../request-auth';
import { lowerCaseHeaders, runAs } from '../run-as';
import { errors } from './errors';
import { FileChanges } from './files';

export interface StorageOptions {
	sql: Sql;
	jwtSecret: string;
	storageDir: string;
}

/** The caller from `Authorization` / `apikey`; a bad or expired token is InvalidJWT. */
export function callerAuth(request: Request, jwtSecret: string): RequestAuth {
	const result = resolveAuth(request, jwtSecret);
	if (result.ok) return result.auth;
	const message = result.error.message === 'JWT expired' ? 'jwt expired' : result.error.message;
	throw errors.invalidJwt(message);
}

/** The service role acting for `sub` (signed upload URLs: the token, not RLS, authorises). */
export function serviceAuth(sub: string | null): RequestAuth {
	const claims: RequestAuth['claims'] = { role: 'service_role' };
	if (sub) claims.sub = sub;
	return { role: 'service_role', claims, anonymous: false };
}

export function isServiceRole(auth: RequestAuth): boolean {
	return auth.role === 'service_role';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `owner` (uuid, when the JWT sub is one) and `owner_id` (the sub as text) for rows the caller writes. */
export function ownerOf(auth: RequestAuth): { owner: string | null; ownerId: string | null } {
	const sub = typeof auth.claims.sub === 'string' && auth.claims.sub !== '' ? auth.claims.sub : null;
	return { owner: sub && UUID.test(sub) ? sub : null, ownerId: sub };
}

/**
 * Runs `work` in one transaction under `auth`'s role and claims. File changes
 * made through `files` are undone if the transaction fails and finalised
 * (backups and deleted files removed) only after it committed.
 */
export async function inTransaction<T>(
	options: StorageOptions,
	request: Request,
	auth: RequestAuth,
	readOnly: boolean,
	work: (tx: TransactionSql, files: FileChanges) => Promise<T>
): Promise<T> {
	const files = new FileChanges(options.storageDir);
	const runOptions = {
		readOnly,
		method: request.method,
		path: new URL(request.url).pathname,
		headers: lowerCaseHeaders(request),
		// The Storage API's own deletes pass storage.protect_delete (bootstrap.sql), as Storage's do.
		settings: readOnly ? undefined : { 'storage.allow_delete_query': 'true' }
	};
	let result: T;
	try {
		result = await runAs(options.sql, auth, runOptions, async (tx) => {
			try {
				return await work(tx, files);
			} catch (error) {
				// Undo while the row locks are still held, so no later writer is overwritten.
				await files.rollback();
				throw error;
			}
		});
	} catch (error) {
		await files.rollback();
		throw error;
	}
	await files.commit();
	return result;
}
