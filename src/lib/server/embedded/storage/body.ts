/**
 * Request bodies with hard caps: JSON bodies for the management routes, and
 * uploads as storage-js sends them — multipart/form-data (file part under the
 * empty field name, `cacheControl` field) or a raw body with `content-type`
 * and `cache-control` headers.
 */
import { errors } from './errors';

/** Global hard cap on one object, whatever the bucket allows. */
export const MAX_OBJECT_BYTES = 50 * 1024 * 1024;
/** Room for multipart boundaries and form fields around the file. */
const MULTIPART_OVERHEAD = 1024 * 1024;
const MAX_JSON_BYTES = 1024 * 1024;

export async function readBytes(request: Request, cap: number): Promise<Uint8Array> {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (Number.isFinite(declared) && declared > cap) throw errors.entityTooLarge();
	if (request.body === null) return new Uint8Array(0);
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > cap) {
			await reader.cancel().catch(() => {});
			throw errors.entityTooLarge();
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks, total);
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

export async function readUpload(request: Request): Promise<UploadBody> {
	const contentType = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data/i.test(contentType)) {
		const data = await readBytes(request, MAX_OBJECT_BYTES);
		return {
			data,
			mimetype: contentType || 'application/octet-stream',
			cacheControl: request.headers.get('cache-control') ?? 'no-cache'
		};
	}
	const raw = await readBytes(request, MAX_OBJECT_BYTES + MULTIPART_OVERHEAD);
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
