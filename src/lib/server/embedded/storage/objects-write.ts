/**
 * Writing objects: upload (POST, `x-upsert`), update (PUT) and signed upload
 * URLs. The row is written under the caller's role first (INSERT for a new
 * object, INSERT … ON CONFLICT DO UPDATE for upsert, UPDATE for update), so
 * storage.objects policies decide; the bytes go to disk only after that
 * succeeded, inside the same transaction.
 */
import { createHash, randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import type { TransactionSql } from 'postgres';
import type { RequestAuth } from '../request-auth';
import { MAX_OBJECT_BYTES, readUpload } from './body';
import { inTransaction, ownerOf, serviceAuth, type StorageOptions } from './context';
import { errors } from './errors';
import { checkUpload, findBucket } from './limits';
import { diskPath } from './paths';
import { signUrlToken, UPLOAD_URL_SECONDS, verifyUrlToken } from './signed';

export type WriteMode = 'create' | 'upsert' | 'update';

interface RowInput {
	bucket: string;
	key: string;
	owner: string | null;
	ownerId: string | null;
	metadata: Record<string, unknown>;
	now: Date;
}

/** Writes the row for `mode` under the transaction's role and returns the object id. */
async function writeRow(tx: TransactionSql, mode: WriteMode, row: RowInput): Promise<string> {
	const metadata = tx.json(row.metadata as postgres.JSONValue);
	if (mode === 'create') {
		// No RETURNING: a plain upload needs only an INSERT policy, as on Supabase.
		const id = randomUUID();
		await tx`insert into storage.objects (id, bucket_id, name, owner, owner_id, metadata, created_at, updated_at, last_accessed_at)
			values (${id}, ${row.bucket}, ${row.key}, ${row.owner}, ${row.ownerId}, ${metadata}, ${row.now}, ${row.now}, ${row.now})`;
		return id;
	}
	if (mode === 'upsert') {
		const [written] = await tx`
			insert into storage.objects (bucket_id, name, owner, owner_id, metadata, created_at, updated_at, last_accessed_at)
			values (${row.bucket}, ${row.key}, ${row.owner}, ${row.ownerId}, ${metadata}, ${row.now}, ${row.now}, ${row.now})
			on conflict (bucket_id, name) do update set owner = excluded.owner, owner_id = excluded.owner_id,
				metadata = excluded.metadata, updated_at = excluded.updated_at, last_accessed_at = excluded.last_accessed_at
			returning id`;
		return written!.id as string;
	}
	const [updated] = await tx`
		update storage.objects set owner = ${row.owner}, owner_id = ${row.ownerId}, metadata = ${metadata},
			updated_at = ${row.now}, last_accessed_at = ${row.now}
		where bucket_id = ${row.bucket} and name = ${row.key}
		returning id`;
	if (!updated) throw errors.noSuchKey();
	return updated.id as string;
}

export async function writeObject(
	options: StorageOptions,
	request: Request,
	auth: RequestAuth,
	target: { bucket: string; key: string; mode: WriteMode; owner?: { owner: string | null; ownerId: string | null } }
): Promise<Response> {
	const { bucket, key, mode } = target;
	const limits = await findBucket(options.sql, bucket);
	const upload = await readUpload(request, limits.fileSizeLimit ?? MAX_OBJECT_BYTES);
	checkUpload(limits, upload);
	const file = diskPath(options.storageDir, bucket, key);
	const now = new Date();
	const size = upload.data.byteLength;
	const metadata = {
		eTag: `"${createHash('md5').update(upload.data).digest('hex')}"`,
		size,
		mimetype: upload.mimetype,
		cacheControl: upload.cacheControl,
		lastModified: now.toISOString(),
		contentLength: size,
		httpStatusCode: 200
	};
	const owner = target.owner ?? ownerOf(auth);
	const id = await inTransaction(options, request, auth, false, async (tx, files) => {
		const objectId = await writeRow(tx, mode, { bucket, key, ...owner, metadata, now });
		await files.put(file, key, upload.data);
		return objectId;
	});
	return Response.json({ Key: `${bucket}/${key}`, Id: id, id });
}

/** Thrown to roll back a permission probe that succeeded. */
class ProbeOk extends Error {}

/** POST /object/upload/sign/{bucket}/{key}: checks INSERT (upsert: INSERT+UPDATE) by a rolled-back probe. */
export async function createSignedUploadUrl(
	options: StorageOptions,
	request: Request,
	auth: RequestAuth,
	bucket: string,
	key: string
): Promise<Response> {
	await findBucket(options.sql, bucket);
	const upsert = request.headers.get('x-upsert') === 'true';
	const owner = ownerOf(auth);
	try {
		await inTransaction(options, request, auth, false, async (tx) => {
			const now = new Date();
			await writeRow(tx, upsert ? 'upsert' : 'create', { bucket, key, ...owner, metadata: {}, now });
			throw new ProbeOk();
		});
	} catch (error) {
		if (!(error instanceof ProbeOk)) throw error;
	}
	const url = `${bucket}/${key}`;
	const token = signUrlToken(options.jwtSecret, { url, scope: 'upload', owner: owner.ownerId, upsert }, UPLOAD_URL_SECONDS);
	return Response.json({ url: `/object/upload/sign/${url}?token=${token}`, token });
}

/** PUT /object/upload/sign/{bucket}/{key}?token=…: the token authorises; the row is written as its owner. */
export async function uploadToSignedUrl(
	options: StorageOptions,
	request: Request,
	bucket: string,
	key: string
): Promise<Response> {
	const token = new URL(request.url).searchParams.get('token');
	const payload = verifyUrlToken(options.jwtSecret, token, `${bucket}/${key}`, 'upload');
	const sub = payload.owner ?? null;
	const auth = serviceAuth(sub);
	return writeObject(options, request, auth, {
		bucket,
		key,
		mode: payload.upsert ? 'upsert' : 'create',
		owner: ownerOf(auth)
	});
}
