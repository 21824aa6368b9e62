/**
 * Start-up check for `node build`: adapter-node refuses any body over
 * BODY_SIZE_LIMIT (512 KB unless set) before the storage server sees it, so a
 * bucket that takes larger files would refuse them all with 413. The server
 * still starts (the refusal is clean, nothing is written); the log says which
 * bucket is affected and what to set.
 */
import type { Sql } from 'postgres';
import { parseByteSize } from '../http/body-limit';
import { MAX_OBJECT_BYTES } from './body';

/** adapter-node's own default. */
export const ADAPTER_NODE_DEFAULT_LIMIT = '512K';

const MB = 1024 * 1024;

export interface BucketSize {
	id: string;
	/** null: only the global cap (MAX_OBJECT_BYTES) applies. */
	fileSizeLimit: number | null;
}

/** The warning to log, or null when BODY_SIZE_LIMIT lets through the largest object a bucket takes. */
export function bodySizeLimitWarning(bodySizeLimit: string | undefined, buckets: BucketSize[]): string | null {
	const setting = bodySizeLimit === undefined || bodySizeLimit === '' ? ADAPTER_NODE_DEFAULT_LIMIT : bodySizeLimit;
	const limit = parseByteSize(setting);
	if (Number.isNaN(limit)) return null; // adapter-node itself refuses to start with it
	const sizes = buckets.map((b) => ({ id: b.id, size: Math.min(b.fileSizeLimit ?? MAX_OBJECT_BYTES, MAX_OBJECT_BYTES) }));
	const largest = sizes.sort((a, b) => b.size - a.size)[0];
	if (!largest || limit >= largest.size + MB) return null;
	const named = bodySizeLimit === undefined || bodySizeLimit === '' ? `${setting} (adapter-node's default)` : setting;
	return (
		`BODY_SIZE_LIMIT is ${named} but bucket "${largest.id}" takes files up to ${(largest.size / MB).toFixed(1)} MB: ` +
		`uploads over the limit are refused with 413 before they reach storage. ` +
		`Set BODY_SIZE_LIMIT=${Math.ceil(largest.size / MB) + 2}M or more (npm start sets 52M).`
	);
}

export async function checkServerBodyLimit(sql: Sql, bodySizeLimit: string | undefined): Promise<string | null> {
	const rows = await sql`select id, file_size_limit::float8 as file_size_limit from storage.buckets`;
	return bodySizeLimitWarning(
		bodySizeLimit,
		rows.map((r) => ({ id: r.id as string, fileSizeLimit: (r.file_size_limit as number | null) ?? null }))
	);
}
