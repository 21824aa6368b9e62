/**
 * Reading a request body with a byte cap, for every API of the embedded stack.
 * Refuses by the declared Content-Length before reading anything, then counts
 * while streaming. A body the server itself cut off — adapter-node's (and
 * SvelteKit's) BODY_SIZE_LIMIT errors the body stream with a 413 — is refused
 * the same way, so each API can answer 413 in its own error shape instead of 500.
 */

/** The body is over `limit` bytes (ours, or the server's BODY_SIZE_LIMIT when `limit` is null). */
export class BodyTooLarge extends Error {
	constructor(readonly limit: number | null) {
		super(limit === null ? 'Request body exceeds the server limit' : `Request body exceeds the limit of ${limit} bytes`);
	}
}

/** SvelteKit's getRequest, as adapter-node uses it, errors the stream with `{status: 413}` over BODY_SIZE_LIMIT. */
function cutOffByServer(error: unknown): boolean {
	return error instanceof Error && (error as { status?: unknown }).status === 413;
}

/** How much of a refused body is read and thrown away so the client can finish sending and read the 413. */
const DISCARD_CAP = 64 * 1024 * 1024;

/**
 * Reads and drops the rest of a refused body in the background, as Node does
 * with an unread body, so the client can finish sending and read the 413;
 * past DISCARD_CAP the stream is cancelled (adapter-node then drops the
 * connection). Cancelling at once would drop it before the 413 is sent.
 */
function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): void {
	void (async () => {
		let dropped = 0;
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			dropped += value.byteLength;
			if (dropped > DISCARD_CAP) return reader.cancel();
		}
	})().catch(() => {});
}

/**
 * The whole body, at most `limit` bytes. A declared Content-Length over the
 * limit is refused before anything is read; a body that turns out longer is
 * refused as soon as it passes the limit, keeping nothing of it.
 */
export async function readLimitedBytes(request: Request, limit: number): Promise<Uint8Array> {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (request.body === null) {
		if (declared > limit) throw new BodyTooLarge(limit);
		return new Uint8Array(0);
	}
	const reader = request.body.getReader();
	if (Number.isFinite(declared) && declared > limit) {
		// Unread, the rest would sit in the connection and the client's next request on it would hang.
		if (declared > DISCARD_CAP) void reader.cancel().catch(() => {});
		else discardRest(reader);
		throw new BodyTooLarge(limit);
	}
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		let chunk: ReadableStreamReadResult<Uint8Array>;
		try {
			chunk = await reader.read();
		} catch (error) {
			if (cutOffByServer(error)) throw new BodyTooLarge(null);
			throw error;
		}
		if (chunk.done) break;
		total += chunk.value.byteLength;
		if (total > limit) {
			discardRest(reader);
			throw new BodyTooLarge(limit);
		}
		chunks.push(chunk.value);
	}
	return Buffer.concat(chunks, total);
}

export async function readLimitedText(request: Request, limit: number): Promise<string> {
	return Buffer.from(await readLimitedBytes(request, limit)).toString('utf8');
}

const UNITS: Record<string, number> = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** A size as adapter-node's BODY_SIZE_LIMIT reads it: bytes, or a number with K, M or G; `Infinity` for none. */
export function parseByteSize(value: string): number {
	const trimmed = value.trim();
	const unit = UNITS[trimmed.slice(-1).toUpperCase()];
	const number = Number(unit ? trimmed.slice(0, -1) : trimmed);
	return trimmed === '' ? NaN : number * (unit ?? 1);
}

/** `name` from the environment as a byte size (at least 1 KB), or `fallback` when unset. */
export function byteSizeFromEnv(env: Record<string, string | undefined>, name: string, fallback: number): number {
	const value = env[name];
	if (value === undefined || value === '') return fallback;
	const bytes = parseByteSize(value);
	if (!(bytes >= 1024)) throw new Error(`${name} must be a size of at least 1K (bytes, or a number with K, M or G); got "${value}"`);
	return bytes;
}
