/**
 * Bucket ids and object keys: validation, URL decoding and where their bytes
 * live on disk (`<storageDir>/<bucket>/<key>`). Every key that reaches the
 * file system went through `checkKey`, and `diskPath` re-checks containment.
 */
import { resolve, sep } from 'node:path';
import { errors } from './errors';

/** Characters Supabase Storage accepts in bucket names (storage-js mirrors the server regex). */
const BUCKET_NAME = /^[\w!.*'() &$@=;:+,?-]+$/;
/** First path segments the /object router claims; a bucket with such a name could not be addressed. */
const RESERVED_BUCKETS = new Set(['sign', 'list', 'move', 'copy', 'upload', 'public', 'authenticated', 'info']);
const MAX_KEY_LENGTH = 1024;
const MAX_SEGMENT_BYTES = 255;
const CONTROL_CHARS = /[\u0000-\u001f\u007f\\]/;

export const TMP_DIR = '.tmp';

export function isValidBucketId(id: unknown): id is string {
	return (
		typeof id === 'string' &&
		id.length > 0 &&
		id.length <= 100 &&
		id.trim() === id &&
		BUCKET_NAME.test(id) &&
		// A leading dot would allow '.', '..' and clash with the temp folder on disk.
		!id.startsWith('.')
	);
}

export function checkBucketId(id: unknown): string {
	if (!isValidBucketId(id)) throw errors.invalidBucketName();
	return id;
}

export function checkNewBucketId(id: unknown): string {
	const checked = checkBucketId(id);
	if (RESERVED_BUCKETS.has(checked)) throw errors.invalidBucketName();
	return checked;
}

/** Validates an object key: relative, no empty / '.' / '..' segments, no control characters or backslashes. */
export function checkKey(key: unknown): string {
	if (typeof key !== 'string' || key === '') throw errors.invalidKey(String(key ?? ''), 'empty key');
	if (key.length > MAX_KEY_LENGTH) throw errors.invalidKey(key, 'too long');
	if (CONTROL_CHARS.test(key)) throw errors.invalidKey(key, 'forbidden character');
	for (const segment of key.split('/')) {
		if (segment === '') throw errors.invalidKey(key, 'empty path segment');
		if (segment === '.' || segment === '..') throw errors.invalidKey(key, 'relative path segment');
		if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) throw errors.invalidKey(key, 'path segment too long');
	}
	return key;
}

/** Decodes URL path segments (`a%20b/c` → `a b/c`); a malformed escape is an invalid key. */
export function decodePath(segments: string[]): string {
	try {
		return segments.map((s) => decodeURIComponent(s)).join('/');
	} catch {
		throw errors.invalidKey(segments.join('/'), 'malformed URL encoding');
	}
}

/** Splits `bucket/key…` path segments into a checked bucket id and key. */
export function bucketAndKey(segments: string[]): { bucket: string; key: string } {
	const [first, ...rest] = segments;
	if (first === undefined || first === '') throw errors.invalidBucketName();
	const bucket = checkBucketId(decodePath([first]));
	return { bucket, key: checkKey(decodePath(rest)) };
}

export function bucketDir(storageDir: string, bucket: string): string {
	const root = resolve(storageDir);
	const dir = resolve(root, checkBucketId(bucket));
	if (!dir.startsWith(root + sep)) throw errors.invalidBucketName();
	return dir;
}

export function diskPath(storageDir: string, bucket: string, key: string): string {
	const dir = bucketDir(storageDir, bucket);
	const file = resolve(dir, ...checkKey(key).split('/'));
	if (!file.startsWith(dir + sep)) throw errors.invalidKey(key, 'outside the bucket');
	return file;
}
