/**
 * /bucket routes. Reads run under the caller's role, so storage.buckets RLS
 * applies (no policies: users see no buckets, as on Supabase); create,
 * update, empty and delete are for the service role.
 */
import { rm } from 'node:fs/promises';
import type { Fragment, TransactionSql } from 'postgres';
import type { RequestAuth } from '../request-auth';
import { readJson } from './body';
import { inTransaction, isServiceRole, ownerOf, type StorageOptions } from './context';
import { errors } from './errors';
import { parseFileSizeLimit, parseMimeTypes } from './limits';
import { bucketDir, checkBucketId, checkNewBucketId, diskPath } from './paths';

const SORT_COLUMNS = new Set(['id', 'name', 'created_at', 'updated_at']);

function bucketRows(tx: TransactionSql, where: Fragment) {
	return tx`select id, name, owner, public, file_size_limit::float8 as file_size_limit, allowed_mime_types,
		created_at, updated_at, 'STANDARD' as type from storage.buckets ${where}`;
}

export async function listBuckets(options: StorageOptions, request: Request, auth: RequestAuth) {
	const q = new URL(request.url).searchParams;
	const limit = Math.min(Math.max(Number(q.get('limit') ?? 1000) || 1000, 1), 10_000);
	const offset = Math.max(Number(q.get('offset') ?? 0) || 0, 0);
	const column = SORT_COLUMNS.has(q.get('sortColumn') ?? '') ? (q.get('sortColumn') as string) : 'name';
	const search = (q.get('search') ?? '').toLowerCase();
	const rows = await inTransaction(options, request, auth, true, (tx) => {
		const dir = q.get('sortOrder') === 'desc' ? tx`desc` : tx`asc`;
		return bucketRows(
			tx,
			tx`where strpos(lower(name), ${search}) > 0 or ${search} = '' order by ${tx(column)} ${dir} limit ${limit} offset ${offset}`
		);
	});
	return Response.json(rows);
}

async function visibleBucket(options: StorageOptions, request: Request, auth: RequestAuth, id: string) {
	const [row] = await inTransaction(options, request, auth, true, (tx) => bucketRows(tx, tx`where id = ${id}`));
	if (!row) throw errors.noSuchBucket();
	return row;
}

export async function getBucket(options: StorageOptions, request: Request, auth: RequestAuth, id: string) {
	return Response.json(await visibleBucket(options, request, auth, checkBucketId(id)));
}

/** Users without bucket policies cannot see the bucket (NoSuchBucket); if they can, they still may not change it. */
async function requireService(options: StorageOptions, request: Request, auth: RequestAuth, id: string) {
	if (isServiceRole(auth)) return;
	await visibleBucket(options, request, auth, id);
	throw errors.accessDenied();
}

export async function createBucket(options: StorageOptions, request: Request, auth: RequestAuth) {
	const body = await readJson(request);
	if (!isServiceRole(auth)) throw errors.accessDenied();
	const name = checkNewBucketId(body.name ?? body.id);
	const id = body.id === undefined || body.id === null || body.id === '' ? name : checkNewBucketId(body.id);
	const isPublic = body.public === true;
	const sizeLimit = parseFileSizeLimit(body.file_size_limit);
	const mimeTypes = parseMimeTypes(body.allowed_mime_types);
	const { owner } = ownerOf(auth);
	try {
		await inTransaction(options, request, auth, false, (tx) =>
			tx`insert into storage.buckets (id, name, owner, public, file_size_limit, allowed_mime_types)
				values (${id}, ${name}, ${owner}, ${isPublic}, ${sizeLimit}, ${mimeTypes})`
		);
	} catch (error) {
		if ((error as { code?: string }).code === '23505') throw errors.bucketExists();
		throw error;
	}
	return Response.json({ name });
}

export async function updateBucket(options: StorageOptions, request: Request, auth: RequestAuth, rawId: string) {
	const id = checkBucketId(rawId);
	const body = await readJson(request);
	await requireService(options, request, auth, id);
	const isPublic = typeof body.public === 'boolean' ? body.public : null;
	const setSize = 'file_size_limit' in body;
	const sizeLimit = setSize ? parseFileSizeLimit(body.file_size_limit) : null;
	const setTypes = 'allowed_mime_types' in body;
	const mimeTypes = setTypes ? parseMimeTypes(body.allowed_mime_types) : null;
	const updated = await inTransaction(options, request, auth, false, (tx) =>
		tx`update storage.buckets set
			public = coalesce(${isPublic}::boolean, public),
			file_size_limit = case when ${setSize} then ${sizeLimit}::bigint else file_size_limit end,
			allowed_mime_types = case when ${setTypes} then ${mimeTypes}::text[] else allowed_mime_types end,
			updated_at = now()
		where id = ${id} returning id`
	);
	if (updated.length === 0) throw errors.noSuchBucket();
	return Response.json({ message: 'Successfully updated' });
}

export async function emptyBucket(options: StorageOptions, request: Request, auth: RequestAuth, rawId: string) {
	const id = checkBucketId(rawId);
	await requireService(options, request, auth, id);
	const root = bucketDir(options.storageDir, id);
	await inTransaction(options, request, auth, false, async (tx, files) => {
		const [bucket] = await tx`select id from storage.buckets where id = ${id}`;
		if (!bucket) throw errors.noSuchBucket();
		const rows = await tx`delete from storage.objects where bucket_id = ${id} returning name`;
		for (const row of rows) {
			try {
				files.removeLater(diskPath(options.storageDir, id, row.name as string), root);
			} catch {
				/* key that never had a file */
			}
		}
	});
	return Response.json({ message: 'Successfully emptied' });
}

export async function deleteBucket(options: StorageOptions, request: Request, auth: RequestAuth, rawId: string) {
	const id = checkBucketId(rawId);
	await requireService(options, request, auth, id);
	await inTransaction(options, request, auth, false, async (tx, files) => {
		const [used] = await tx`select 1 from storage.objects where bucket_id = ${id} limit 1`;
		if (used) throw errors.bucketNotEmpty();
		const deleted = await tx`delete from storage.buckets where id = ${id} returning id`;
		if (deleted.length === 0) throw errors.noSuchBucket();
		files.later(() => rm(bucketDir(options.storageDir, id), { recursive: true, force: true }));
	});
	return Response.json({ message: 'Successfully deleted' });
}
