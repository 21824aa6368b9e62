/**
 * Request bodies with hard caps: JSON bodies for the management routes, and
 * uploads as storage-js sends them — multipart/form-data (file part under the
 * empty field name, `cacheControl` field) or a raw body with `content-type`
 * and `cache-control` headers.
 */
import { BodyTooLarge, readLimitedBytes } from '../http/body-limit';
import { errors } from './errors';

/** Global hard cap on one object, whatever the bucket allows. */
export const MAX_OBJECT_BYTES = 50 * 1024 * 1024;
/** Room for multipart boundaries and form fields around the file. */
const MULTIPART_OVERHEAD = 1024 * 1024;
const MAX_JSON_BYTES = 1024 * 1024;

/** The body, at most `cap` bytes (and within the server's BODY_SIZE_LIMIT): EntityTooLarge otherwise, nothing buffered past it. */
export async function readBytes(request: Request, cap: number): Promise<Uint8Array> {
	try {
		return await readLimitedBytes(request, cap);
	} catch (error) {
		if (error instanceof BodyTooLarge) throw errors.entityTooLarge();
		throw error;
	}
}

export async function readJson(request: Request): Promise<Record<string, unknown>> {
	const bytes = await readBytes(request, MAX_JSON_BYTES);
	const text = Buffer.from(bytes).toString('utf8').trim();
	if (text === '') return {};
	try {
		const parsed: unknown = JSON.parse(text);
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
	} catch {
		/* reported below */
	}
	throw errors.invalidRequest('Body is not a valid JSON object');
}

export interface UploadBody {
	data: Uint8Array;
	mimetype: string;
	cacheControl: string;
}

/** `cap`: the largest object the bucket takes (at most MAX_OBJECT_BYTES), so a bigger body is refused before it is buffered. */
export async function readUpload(request: Request, cap = MAX_OBJECT_BYTES): Promise<UploadBody> {
	const contentType = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data/i.test(contentType)) {
		const data = await readBytes(request, Math.min(cap, MAX_OBJECT_BYTES));
		return {
			data,
			mimetype: contentType || 'application/octet-stream',
			cacheControl: request.headers.get('cache-control') ?? 'no-cache'
		};
	}
	const raw = await readBytes(request, Math.min(cap, MAX_OBJECT_BYTES) + MULTIPART_OVERHEAD);
	let form: FormData;
	try {
		const copy = raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) as ArrayBuffer;
		form = await new Response(copy, { headers: { 'content-type': contentType } }).formData();
	} catch {
		throw errors.invalidRequest('Malformed multipart/form-data body');
	}
	let file: Blob | null = null;
	for (const [, value] of form.entries()) {
		if (typeof value !== 'string') {
			file = value;
			break;
		}
	}
	if (file === null) throw errors.invalidRequest('No content provided');
	if (file.size > MAX_OBJECT_BYTES) throw errors.entityTooLarge();
	const cacheControl = form.get('cacheControl');
	return {
		data: new Uint8Array(await file.arrayBuffer()),
		mimetype: file.type || 'application/octet-stream',
		cacheControl: typeof cacheControl === 'string' && cacheControl !== '' ? `max-age=${cacheControl}` : 'no-cache'
	};
}
