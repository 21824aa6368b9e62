/**
 * Bucket look-ups done by the storage server itself (they bypass RLS, as on
 * Supabase, where object routes read storage.buckets as a superuser) and the
 * per-bucket upload limits: `file_size_limit` and `allowed_mime_types`.
 */
import type { Sql } from 'postgres';
import { MAX_OBJECT_BYTES, type UploadBody } from './body';
import { errors } from './errors';

export interface BucketLimits {
	id: string;
	public: boolean;
	fileSizeLimit: number | null;
	allowedMimeTypes: string[] | null;
}

export async function findBucket(sql: Sql, id: string): Promise<BucketLimits> {
	const [row] = await sql`
		select id, public, file_size_limit::float8 as file_size_limit, allowed_mime_types
		from storage.buckets where id = ${id}`;
	if (!row) throw errors.noSuchBucket();
	return {
		id: row.id as string,
		public: row.public as boolean,
		fileSizeLimit: (row.file_size_limit as number | null) ?? null,
		allowedMimeTypes: (row.allowed_mime_types as string[] | null) ?? null
	};
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** `file_size_limit` as the bucket API accepts it: bytes, or a string such as "5MB"; null clears it. */
export function parseFileSizeLimit(value: unknown): number | null {
	if (value === null || value === undefined || value === '') return null;
	if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
	if (typeof value === 'string') {
		const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(value);
		if (match) return Math.floor(Number(match[1]) * (UNITS[(match[2] ?? 'b').toLowerCase()] ?? 1));
	}
	throw errors.invalidRequest('Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B');
}

export function parseMimeTypes(value: unknown): string[] | null {
	if (value === null || value === undefined) return null;
	if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
		throw errors.invalidRequest('allowed_mime_types must be an array of strings');
	}
	const types = value.map((v) => v.trim()).filter((v) => v !== '');
	for (const type of types) {
		if (!/^[\w.+-]+\/(\*|[\w.+-]+)$|^\*\/\*$/.test(type)) throw errors.invalidRequest(`Invalid mime type ${type}`);
	}
	return types;
}

/** True when `mimetype` (parameters ignored) matches an entry; `image/*` and `*\/*` are wildcards. */
export function mimeAllowed(mimetype: string, allowed: string[]): boolean {
	const [type = '', subtype = ''] = (mimetype.split(';')[0] ?? '').trim().toLowerCase().split('/');
	return allowed.some((entry) => {
		const [aType, aSub] = entry.trim().toLowerCase().split('/');
		return (aType === '*' || aType === type) && (aSub === '*' || aSub === subtype);
	});
}

/** Refuses an upload the bucket does not accept (size first, then type), before anything is written. */
export function checkLimits(bucket: BucketLimits, size: number, mimetype: string): void {
	const limit = Math.min(bucket.fileSizeLimit ?? MAX_OBJECT_BYTES, MAX_OBJECT_BYTES);
	if (size > limit) throw errors.entityTooLarge();
	if (bucket.allowedMimeTypes && bucket.allowedMimeTypes.length > 0) {
		if (!mimeAllowed(mimetype, bucket.allowedMimeTypes)) throw errors.invalidMimeType(mimetype);
	}
}

export function checkUpload(bucket: BucketLimits, upload: UploadBody): void {
	checkLimits(bucket, upload.data.byteLength, upload.mimetype);
}
