/**
 * Dispatch of /object/… requests (segments are still URL-encoded). Fixed
 * first segments (sign, upload/sign, list, move, copy, public,
 * authenticated, info) take precedence over bucket names; such bucket names
 * are refused at creation.
 */
import { callerAuth, type StorageOptions } from './context';
import { errors } from './errors';
import { copyObject, listObjects, moveObject, removeObject, removeObjects } from './objects-manage';
import { findObject, infoResponse, sendObject, sendSigned, type Access } from './objects-read';
import { signMany, signOne } from './objects-sign';
import { createSignedUploadUrl, uploadToSignedUrl, writeObject } from './objects-write';
import { bucketAndKey, checkBucketId, decodePath } from './paths';

type Handler = () => Promise<Response>;

export function routeObject(options: StorageOptions, request: Request, segments: string[]): Handler {
	const method = request.method;
	const read = method === 'GET' || method === 'HEAD';
	const auth = () => callerAuth(request, options.jwtSecret);
	const [first, ...rest] = segments;
	const target = () => bucketAndKey(rest);
	const bucketOnly = (parts: string[]) => {
		if (parts.length !== 1 || parts[0] === '') throw errors.notFound();
		return checkBucketId(decodePath(parts));
	};
	const serve = (access: () => Access, parts: string[], info = false): Handler => {
		return async () => {
			const { bucket, key } = bucketAndKey(parts);
			const row = await findObject(options, request, access(), bucket, key);
			return info ? infoResponse(row) : sendObject(options, request, row);
		};
	};

	switch (first) {
		case 'sign':
			if (read) {
				return async () => {
					const t = target();
					return sendSigned(options, request, t.bucket, t.key);
				};
			}
			if (method !== 'POST') break;
			if (rest.length === 1) return async () => signMany(options, request, auth(), bucketOnly(rest));
			return async () => {
				const t = target();
				return signOne(options, request, auth(), t.bucket, t.key);
			};
		case 'upload':
			if (rest[0] !== 'sign') break;
			if (method === 'POST' || method === 'PUT') {
				const parts = rest.slice(1);
				return async () => {
					const t = bucketAndKey(parts);
					return method === 'POST'
						? createSignedUploadUrl(options, request, auth(), t.bucket, t.key)
						: uploadToSignedUrl(options, request, t.bucket, t.key);
				};
			}
			break;
		case 'list':
			if (method === 'POST') return async () => listObjects(options, request, auth(), bucketOnly(rest));
			break;
		case 'move':
		case 'copy':
			if (method === 'POST' && rest.length === 0) {
				return async () => (first === 'move' ? moveObject : copyObject)(options, request, auth());
			}
			break;
		case 'public':
			if (read) return serve(() => ({ kind: 'public' }), rest);
			break;
		case 'authenticated':
			if (read) return serve(() => ({ kind: 'caller', auth: auth() }), rest);
			break;
		case 'info': {
			if (method !== 'GET') break;
			const [scope, ...after] = rest;
			if (scope === 'public') return serve(() => ({ kind: 'public' }), after, true);
			if (scope === 'authenticated') return serve(() => ({ kind: 'caller', auth: auth() }), after, true);
			return serve(() => ({ kind: 'caller', auth: auth() }), rest, true);
		}
		default: {
			if (first === undefined || first === '') break;
			if (read) return serve(() => ({ kind: 'caller', auth: auth() }), segments);
			if (method === 'DELETE' && rest.length === 0) {
				return async () => removeObjects(options, request, auth(), bucketOnly([first]));
			}
			if (method === 'DELETE') {
				return async () => {
					const { bucket, key } = bucketAndKey(segments);
					return removeObject(options, request, auth(), bucket, key);
				};
			}
			if (method === 'POST' || method === 'PUT') {
				const mode = method === 'PUT' ? 'update' : request.headers.get('x-upsert') === 'true' ? 'upsert' : 'create';
				return async () => {
					const { bucket, key } = bucketAndKey(segments);
					return writeObject(options, request, auth(), { bucket, key, mode });
				};
			}
		}
	}
	return () => Promise.reject(errors.notFound());
}
