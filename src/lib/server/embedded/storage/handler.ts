/**
 * /storage/v1: the Supabase Storage subset storage-js uses — buckets, object
 * upload / update / download / info / list / remove / move / copy, public and
 * signed URLs. Object rows live in storage.objects and are read and written
 * under the caller's role (RLS applies as on Supabase); bytes live on disk
 * under `<storageDir>/<bucket>/<key>`. Errors use Storage's
 * `{statusCode, error, message}` shape (HTTP 400, or 500 when internal).
 */
import type postgres from 'postgres';
import { createBucket, deleteBucket, emptyBucket, getBucket, listBuckets, updateBucket } from './buckets';
import { callerAuth, type StorageOptions } from './context';
import { errorResponse, errors, toStorageError } from './errors';
import { routeObject } from './object-routes';

function routeBucket(options: StorageOptions, request: Request, segments: string[]): () => Promise<Response> {
	const auth = () => callerAuth(request, options.jwtSecret);
	const [id, action, ...extra] = segments.map((s) => {
		try {
			return decodeURIComponent(s);
		} catch {
			return '\u0000'; // rejected as an invalid bucket name
		}
	});
	const method = request.method;
	if (extra.length > 0) return () => Promise.reject(errors.notFound());
	if (id === undefined) {
		if (method === 'GET') return () => listBuckets(options, request, auth());
		if (method === 'POST') return () => createBucket(options, request, auth());
	} else if (action === 'empty') {
		if (method === 'POST') return () => emptyBucket(options, request, auth(), id);
	} else if (action === undefined) {
		if (method === 'GET') return () => getBucket(options, request, auth(), id);
		if (method === 'PUT') return () => updateBucket(options, request, auth(), id);
		if (method === 'DELETE') return () => deleteBucket(options, request, auth(), id);
	}
	return () => Promise.reject(errors.notFound());
}

export function createStorageHandler(options: { sql: postgres.Sql; jwtSecret: string; storageDir: string }): {
	handle(request: Request, path: string): Promise<Response>;
} {
	const storage: StorageOptions = { sql: options.sql, jwtSecret: options.jwtSecret, storageDir: options.storageDir };
	return {
		async handle(request: Request, path: string): Promise<Response> {
			const segments = path.replace(/^\/+/, '').split('/');
			const [area, ...rest] = segments;
			try {
				if (area === 'bucket') {
					// A trailing slash (`/bucket/`) addresses the collection.
					const parts = rest.length > 0 && rest[rest.length - 1] === '' ? rest.slice(0, -1) : rest;
					return await routeBucket(storage, request, parts)();
				}
				if (area === 'object') return await routeObject(storage, request, rest)();
				throw errors.notFound();
			} catch (error) {
				return errorResponse(toStorageError(error));
			}
		}
	};
}
