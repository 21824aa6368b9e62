/**
 * Creating signed download URLs: the caller must be able to SELECT the
 * object (their policies decide); the URL then works for anyone until it
 * expires.
 */
import type { RequestAuth } from '../request-auth';
import { readJson } from './body';
import { inTransaction, type StorageOptions } from './context';
import { errors } from './errors';
import { findBucket } from './limits';
import { findObject } from './objects-read';
import { expiresInOf, signUrlToken } from './signed';

function signedPath(options: StorageOptions, bucket: string, key: string, expiresIn: number): string {
	const url = `${bucket}/${key}`;
	return `/object/sign/${url}?token=${signUrlToken(options.jwtSecret, { url, scope: 'download' }, expiresIn)}`;
}

/** POST /object/sign/{bucket}/{key} {expiresIn} → {signedURL}. */
export async function signOne(options: StorageOptions, request: Request, auth: RequestAuth, bucket: string, key: string) {
	const expiresIn = expiresInOf(await readJson(request));
	await findObject(options, request, { kind: 'caller', auth }, bucket, key);
	return Response.json({ signedURL: signedPath(options, bucket, key, expiresIn) });
}

/** POST /object/sign/{bucket} {expiresIn, paths} → [{error, path, signedURL}]. */
export async function signMany(options: StorageOptions, request: Request, auth: RequestAuth, bucket: string) {
	const body = await readJson(request);
	const expiresIn = expiresInOf(body);
	const paths = body.paths;
	if (!Array.isArray(paths) || paths.length === 0 || paths.length > 1000 || !paths.every((p) => typeof p === 'string')) {
		throw errors.invalidRequest('body/paths must be an array of 1 to 1000 strings');
	}
	await findBucket(options.sql, bucket);
	const visible = await inTransaction(options, request, auth, true, async (tx) => {
		const rows = await tx`select name from storage.objects where bucket_id = ${bucket} and name = any(${paths as string[]})`;
		return new Set(rows.map((r) => r.name as string));
	});
	return Response.json(
		(paths as string[]).map((path) =>
			visible.has(path)
				? { error: null, path, signedURL: signedPath(options, bucket, path, expiresIn) }
				: { error: 'Either the object does not exist or you do not have access to it', path, signedURL: null }
		)
	);
}
