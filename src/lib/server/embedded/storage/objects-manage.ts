/**
 * Listing, removing, moving and copying objects, each as SQL on
 * storage.objects under the caller's role: list = SELECT, remove = DELETE
 * (+SELECT for RETURNING), move = UPDATE (+SELECT), copy = SELECT + INSERT.
 * Files follow the committed rows.
 */
import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import type { RequestAuth } from '../request-auth';
import { readJson } from './body';
import { inTransaction, ownerOf, type StorageOptions } from './context';
import { errors } from './errors';
import { checkLimits, findBucket } from './limits';
import { bucketDir, checkBucketId, checkKey, diskPath } from './paths';

const SORT_COLUMNS = new Set(['name', 'updated_at', 'created_at', 'last_accessed_at']);

function intIn(value: unknown, fallback: number, min: number, max: number): number {
	const n = typeof value === 'string' ? Number(value) : value;
	if (n === undefined || n === null) return fallback;
	if (typeof n !== 'number' || !Number.isInteger(n) || n < min) throw errors.invalidRequest('Invalid limit or offset');
	return Math.min(n, max);
}

/** POST /object/list/{bucket}: one folder level; sub-folders come first as entries with id null. */
export async function listObjects(options: StorageOptions, request: Request, auth: RequestAuth, bucket: string) {
	const body = await readJson(request);
	if (typeof body.prefix !== 'string') throw errors.invalidRequest("body must have required property 'prefix'");
	let prefix = body.prefix.replace(/^\/+/, '');
	if (prefix !== '' && !prefix.endsWith('/')) prefix += '/';
	const level = prefix === '' ? 1 : prefix.split('/').length;
	const limit = intIn(body.limit, 100, 1, 1000);
	const offset = intIn(body.offset, 0, 0, Number.MAX_SAFE_INTEGER);
	const search = typeof body.search === 'string' ? body.search.toLowerCase() : '';
	const sortBy = (body.sortBy ?? {}) as { column?: unknown; order?: unknown };
	const column = typeof sortBy.column === 'string' && SORT_COLUMNS.has(sortBy.column) ? sortBy.column : 'name';
	const order = typeof sortBy.order === 'string' && sortBy.order.toLowerCase() === 'desc' ? 'desc' : 'asc';
	await findBucket(options.sql, bucket);
	const rows = await inTransaction(options, request, auth, true, (tx) => {
		const dir = order === 'desc' ? tx`desc` : tx`asc`;
		// Byte order on names (as S3 keys sort), whatever the database collation.
		const orderBy =
			column === 'name'
				? tx`order by kind, name collate "C" ${dir}`
				: tx`order by kind, ${tx(column)} ${dir} nulls last, name collate "C" ${dir}`;
		return tx`
			with matched as (
				select o.name, o.id, o.updated_at, o.created_at, o.last_accessed_at, o.metadata, o.path_tokens
				from storage.objects o
				where o.bucket_id = ${bucket} and starts_with(o.name, ${prefix})
					and starts_with(lower(o.path_tokens[${level}]), ${search})
			), entries as (
				select distinct path_tokens[${level}] as name, null::uuid as id, null::timestamptz as updated_at,
					null::timestamptz as created_at, null::timestamptz as last_accessed_at, null::jsonb as metadata, 0 as kind
				from matched where array_length(path_tokens, 1) > ${level}
				union all
				select path_tokens[${level}], id, updated_at, created_at, last_accessed_at, metadata, 1
				from matched where array_length(path_tokens, 1) = ${level}
			)
			select name, id, updated_at, created_at, last_accessed_at, metadata from entries
			${orderBy} limit ${limit} offset ${offset}`;
	});
	return Response.json(rows);
}

function filesFor(options: StorageOptions, bucket: string, names: string[]) {
	const out: string[] = [];
	for (const name of names) {
		try {
			out.push(diskPath(options.storageDir, bucket, name));
		} catch {
			/* a row written by SQL with a key that never had a file */
		}
	}
	return out;
}

/** DELETE /object/{bucket} {prefixes}: deletes what the caller's policies let it; returns the deleted rows. */
export async function removeObjects(options: StorageOptions, request: Request, auth: RequestAuth, bucket: string) {
	const body = await readJson(request);
	const names = body.prefixes;
	if (!Array.isArray(names) || names.length === 0 || names.length > 1000 || !names.every((n) => typeof n === 'string')) {
		throw errors.invalidRequest('body/prefixes must be an array of 1 to 1000 strings');
	}
	await findBucket(options.sql, bucket);
	const root = bucketDir(options.storageDir, bucket);
	const deleted = await inTransaction(options, request, auth, false, async (tx, files) => {
		const rows = await tx`delete from storage.objects where bucket_id = ${bucket} and name = any(${names as string[]})
			returning bucket_id, name, id, owner, owner_id, metadata, created_at, updated_at, last_accessed_at`;
		for (const file of filesFor(options, bucket, rows.map((r) => r.name as string))) files.removeLater(file, root);
		return rows;
	});
	return Response.json(deleted);
}

/** DELETE /object/{bucket}/{key}. */
export async function removeObject(options: StorageOptions, request: Request, auth: RequestAuth, bucket: string, key: string) {
	await findBucket(options.sql, bucket);
	const root = bucketDir(options.storageDir, bucket);
	await inTransaction(options, request, auth, false, async (tx, files) => {
		const rows = await tx`delete from storage.objects where bucket_id = ${bucket} and name = ${key} returning name`;
		if (rows.length === 0) throw errors.noSuchKey();
		files.removeLater(diskPath(options.storageDir, bucket, key), root);
	});
	return Response.json({ message: 'Successfully deleted' });
}

async function transferTarget(options: StorageOptions, request: Request) {
	const body = await readJson(request);
	const from = checkBucketId(body.bucketId);
	const to = body.destinationBucket ? checkBucketId(body.destinationBucket) : from;
	const sourceKey = checkKey(body.sourceKey);
	const destinationKey = checkKey(body.destinationKey);
	await findBucket(options.sql, from);
	const destination = await findBucket(options.sql, to);
	return { from, to, sourceKey, destinationKey, destination };
}

/** The destination bucket's limits apply to objects moved or copied into it. */
function checkInto(destination: Awaited<ReturnType<typeof findBucket>>, metadata: Record<string, unknown> | null) {
	const size = typeof metadata?.size === 'number' ? metadata.size : 0;
	const mimetype = typeof metadata?.mimetype === 'string' ? metadata.mimetype : 'application/octet-stream';
	checkLimits(destination, size, mimetype);
}

/** POST /object/move {bucketId, sourceKey, destinationKey, destinationBucket?}. */
export async function moveObject(options: StorageOptions, request: Request, auth: RequestAuth) {
	const t = await transferTarget(options, request);
	const owner = ownerOf(auth);
	const id = await inTransaction(options, request, auth, false, async (tx, files) => {
		const [moved] = await tx`update storage.objects set bucket_id = ${t.to}, name = ${t.destinationKey},
				owner = ${owner.owner}, owner_id = ${owner.ownerId}, updated_at = now()
			where bucket_id = ${t.from} and name = ${t.sourceKey} returning id, metadata`;
		if (!moved) throw errors.noSuchKey();
		if (t.from !== t.to) checkInto(t.destination, moved.metadata as Record<string, unknown> | null);
		if (t.from !== t.to || t.sourceKey !== t.destinationKey) {
			const source = diskPath(options.storageDir, t.from, t.sourceKey);
			const target = diskPath(options.storageDir, t.to, t.destinationKey);
			await files.move(source, target, t.destinationKey, bucketDir(options.storageDir, t.from));
		}
		return moved.id as string;
	});
	return Response.json({ message: 'Successfully moved', Id: id, Key: t.destinationKey });
}

/** POST /object/copy {bucketId, sourceKey, destinationKey, destinationBucket?}. */
export async function copyObject(options: StorageOptions, request: Request, auth: RequestAuth) {
	const t = await transferTarget(options, request);
	const owner = ownerOf(auth);
	const id = await inTransaction(options, request, auth, false, async (tx, files) => {
		const [source] = await tx`select metadata from storage.objects where bucket_id = ${t.from} and name = ${t.sourceKey}`;
		if (!source) throw errors.noSuchKey();
		const metadata = { ...((source.metadata as Record<string, unknown> | null) ?? {}), lastModified: new Date().toISOString() };
		checkInto(t.destination, metadata);
		const newId = randomUUID();
		await tx`insert into storage.objects (id, bucket_id, name, owner, owner_id, metadata)
			values (${newId}, ${t.to}, ${t.destinationKey}, ${owner.owner}, ${owner.ownerId}, ${tx.json(metadata as postgres.JSONValue)})`;
		const from = diskPath(options.storageDir, t.from, t.sourceKey);
		await files.copy(from, diskPath(options.storageDir, t.to, t.destinationKey), t.destinationKey);
		return newId;
	});
	return Response.json({ Key: `${t.to}/${t.destinationKey}`, Id: id, id });
}
