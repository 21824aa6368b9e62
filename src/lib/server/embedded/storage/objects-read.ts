/**
 * Reading objects: download / HEAD / info for the caller (SELECT under their
 * role, so policies decide), for public buckets (no auth), and through signed
 * URLs (the token decides). Bytes stream from disk with the stored
 * Content-Type, Cache-Control and ETag; single byte ranges are honoured.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Sql, TransactionSql } from 'postgres';
import type { RequestAuth } from '../request-auth';
import { inTransaction, type StorageOptions } from './context';
import { errors } from './errors';
import { findBucket } from './limits';
import { diskPath } from './paths';
import { verifyUrlToken } from './signed';

export interface ObjectRow {
	id: string;
	name: string;
	bucket_id: string;
	metadata: Record<string, unknown> | null;
	created_at: Date;
	updated_at: Date;
}

export type Access = { kind: 'caller'; auth: RequestAuth } | { kind: 'public' } | { kind: 'signed' };

/** The object's row as `access` may see it; NoSuchKey when it does not exist or is hidden. */
export async function findObject(
	options: StorageOptions,
	request: Request,
	access: Access,
	bucket: string,
	key: string
): Promise<ObjectRow> {
	const bucketRow = await findBucket(options.sql, bucket);
	if (access.kind === 'public' && !bucketRow.public) throw errors.noSuchBucket();
	const select = (run: Sql | TransactionSql) =>
		run`select id, name, bucket_id, metadata, created_at, updated_at
			from storage.objects where bucket_id = ${bucket} and name = ${key}`;
	// Public and signed reads are authorised by the bucket flag / the token, so they bypass RLS.
	const rows =
		access.kind === 'caller'
			? await inTransaction(options, request, access.auth, true, (tx) => select(tx))
			: await select(options.sql);
	const row = rows[0];
	if (!row) throw errors.noSuchKey();
	return row as unknown as ObjectRow;
}

function contentDisposition(download: string | null): string | null {
	if (download === null) return null;
	if (download === '') return 'attachment;';
	const name = encodeURIComponent(download);
	return `attachment; filename=${name}; filename*=UTF-8''${name};`;
}

function parseRange(header: string | null, size: number): { start: number; end: number } | null {
	if (!header) return null;
	const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!match || (match[1] === '' && match[2] === '')) return null;
	let start: number;
	let end: number;
	if (match[1] === '') {
		start = Math.max(size - Number(match[2]), 0);
		end = size - 1;
	} else {
		start = Number(match[1]);
		end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	}
	if (start > end || start >= size) throw errors.invalidRange();
	return { start, end };
}

/** Sends the object's bytes (or only its headers for HEAD). */
export async function sendObject(
	options: StorageOptions,
	request: Request,
	row: ObjectRow,
	extra: { expires?: Date } = {}
): Promise<Response> {
	let handle: FileHandle;
	try {
		handle = await open(diskPath(options.storageDir, row.bucket_id, row.name), 'r');
	} catch {
		throw errors.noSuchKey();
	}
	let keepOpen = false;
	try {
		const { size } = await handle.stat();
		const meta = row.metadata ?? {};
		const mimetype = typeof meta.mimetype === 'string' ? meta.mimetype : 'application/octet-stream';
		const eTag = typeof meta.eTag === 'string' ? meta.eTag : null;
		const headers = new Headers({
			'content-type': mimetype.includes('text/html') ? 'text/plain' : mimetype,
			'accept-ranges': 'bytes',
			'last-modified': row.updated_at.toUTCString(),
			'x-content-type-options': 'nosniff'
		});
		if (eTag) headers.set('etag', eTag);
		if (extra.expires) headers.set('expires', extra.expires.toUTCString());
		else headers.set('cache-control', typeof meta.cacheControl === 'string' ? meta.cacheControl : 'no-cache');
		const disposition = contentDisposition(new URL(request.url).searchParams.get('download'));
		if (disposition) headers.set('content-disposition', disposition);
		if (eTag && request.headers.get('if-none-match') === eTag) {
			return new Response(null, { status: 304, headers });
		}
		const range = parseRange(request.headers.get('range'), size);
		const start = range?.start ?? 0;
		const end = range?.end ?? size - 1;
		headers.set('content-length', String(size === 0 ? 0 : end - start + 1));
		if (range) headers.set('content-range', `bytes ${start}-${end}/${size}`);
		const status = range ? 206 : 200;
		if (request.method === 'HEAD' || size === 0) return new Response(null, { status, headers });
		const stream = handle.createReadStream({ start, end });
		keepOpen = true; // the stream closes the handle
		return new Response(Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>, { status, headers });
	} finally {
		if (!keepOpen) await handle.close();
	}
}

/** GET /object/info/…: the object's info as Supabase reports it (storage-js camel-cases it). */
export function infoResponse(row: ObjectRow): Response {
	const meta = row.metadata ?? {};
	return Response.json(
		{
			id: row.id,
			name: row.name,
			version: null,
			bucket_id: row.bucket_id,
			size: meta.size ?? null,
			content_type: meta.mimetype ?? null,
			cache_control: meta.cacheControl ?? null,
			etag: meta.eTag ?? null,
			metadata: {},
			last_modified: row.updated_at,
			created_at: row.created_at
		},
		{ headers: { 'cache-control': 'no-cache' } }
	);
}

/** GET /object/sign/{bucket}/{key}?token=…[&download=]. */
export async function sendSigned(
	options: StorageOptions,
	request: Request,
	bucket: string,
	key: string
): Promise<Response> {
	const token = new URL(request.url).searchParams.get('token');
	const payload = verifyUrlToken(options.jwtSecret, token, `${bucket}/${key}`, 'download');
	const row = await findObject(options, request, { kind: 'signed' }, bucket, key);
	return sendObject(options, request, row, { expires: new Date(payload.exp * 1000) });
}
