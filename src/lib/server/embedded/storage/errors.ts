/**
 * Storage API errors in Supabase Storage's wire shape:
 * `{statusCode: "<real status as a string>", code, error, message}`, sent with
 * HTTP 400 for every client error and 500 for internal ones (storage-js reads
 * the HTTP status into `error.status` and the body's `statusCode` into
 * `error.statusCode`).
 */
export class StorageError extends Error {
	constructor(
		/** The "real" status, only reported in the body. */
		readonly status: number,
		readonly code: string,
		message: string,
		/** Legacy `error` field; defaults to `code`. */
		readonly legacy?: string
	) {
		super(message);
	}

	toJSON() {
		return { statusCode: String(this.status), code: this.code, error: this.legacy ?? this.code, message: this.message };
	}
}

export const RLS_MESSAGE = 'new row violates row-level security policy';

export const errors = {
	noSuchBucket: () => new StorageError(404, 'NoSuchBucket', 'Bucket not found', 'Bucket not found'),
	noSuchKey: () => new StorageError(404, 'NoSuchKey', 'Object not found', 'not_found'),
	keyExists: () => new StorageError(409, 'KeyAlreadyExists', 'The resource already exists', 'Duplicate'),
	bucketExists: () => new StorageError(409, 'BucketAlreadyExists', 'The resource already exists', 'Duplicate'),
	bucketNotEmpty: () => new StorageError(409, 'ResourceNotEmpty', 'The bucket you tried to delete is not empty'),
	accessDenied: (message = RLS_MESSAGE) => new StorageError(403, 'AccessDenied', message, 'Unauthorized'),
	invalidJwt: (message: string) => new StorageError(400, 'InvalidJWT', message),
	invalidSignature: (message = 'The url do not match the signature') =>
		new StorageError(400, 'InvalidSignature', message),
	expiredToken: () => new StorageError(400, 'ExpiredToken', 'The provided token has expired.'),
	entityTooLarge: () =>
		new StorageError(413, 'EntityTooLarge', 'The object exceeded the maximum allowed size', 'Payload too large'),
	invalidMimeType: (mime: string) =>
		new StorageError(415, 'InvalidMimeType', `mime type ${mime} is not supported`, 'invalid_mime_type'),
	invalidBucketName: () => new StorageError(400, 'InvalidBucketName', 'Bucket name invalid', 'Invalid Input'),
	invalidKey: (key: string, why?: string) =>
		new StorageError(400, 'InvalidKey', `Invalid key: ${key}${why ? ` (${why})` : ''}`),
	invalidRequest: (message: string) => new StorageError(400, 'InvalidRequest', message),
	invalidRange: () => new StorageError(400, 'InvalidRange', 'invalid range provided', 'invalid_range'),
	notFound: () => new StorageError(404, 'NotFound', 'Route not found', 'Not Found'),
	internal: () => new StorageError(500, 'InternalError', 'Internal server error')
};

export function errorResponse(error: StorageError, headers?: HeadersInit): Response {
	return Response.json(error.toJSON(), { status: error.status === 500 ? 500 : 400, headers });
}

function isPostgresError(error: unknown): error is { code: string; message: string; name: string } {
	return (
		typeof error === 'object' &&
		error !== null &&
		(error as { name?: unknown }).name === 'PostgresError' &&
		typeof (error as { code?: unknown }).code === 'string'
	);
}

/** Maps anything thrown while serving a request to a StorageError. */
export function toStorageError(error: unknown): StorageError {
	if (error instanceof StorageError) return error;
	if (isPostgresError(error)) {
		switch (error.code) {
			case '42501':
				// RLS refusals read as on Supabase ("…policy"), plain privilege errors keep their text.
				return errors.accessDenied(error.message.startsWith(RLS_MESSAGE) ? RLS_MESSAGE : error.message);
			case '23505':
				return errors.keyExists();
			case '23503':
				return errors.noSuchBucket();
			case 'P0001':
				// A trigger or function on storage.objects refused the change.
				return errors.invalidRequest(error.message);
		}
	}
	console.error('[storage] internal error', error);
	return errors.internal();
}
