import { describe, expect, it } from 'vitest';
import { BodyTooLarge, byteSizeFromEnv, parseByteSize, readLimitedText } from './body-limit';

describe('body size settings', () => {
	it('reads sizes as adapter-node does: bytes, K, M, G (either case), Infinity', () => {
		expect(parseByteSize('2048')).toBe(2048);
		expect(parseByteSize('512K')).toBe(512 * 1024);
		expect(parseByteSize('4m')).toBe(4 * 1024 * 1024);
		expect(parseByteSize('1G')).toBe(1024 ** 3);
		expect(parseByteSize('Infinity')).toBe(Infinity);
		expect(parseByteSize('lots')).toBeNaN();
		expect(parseByteSize('')).toBeNaN();
	});

	it('falls back to the default when unset and names the variable when the value is unusable', () => {
		expect(byteSizeFromEnv({}, 'DISCLOSE_REST_BODY_LIMIT', 99)).toBe(99);
		expect(byteSizeFromEnv({ DISCLOSE_REST_BODY_LIMIT: '' }, 'DISCLOSE_REST_BODY_LIMIT', 99)).toBe(99);
		expect(byteSizeFromEnv({ DISCLOSE_REST_BODY_LIMIT: '8M' }, 'DISCLOSE_REST_BODY_LIMIT', 99)).toBe(8 * 1024 * 1024);
		expect(() => byteSizeFromEnv({ DISCLOSE_AUTH_BODY_LIMIT: 'big' }, 'DISCLOSE_AUTH_BODY_LIMIT', 99)).toThrow(
			'DISCLOSE_AUTH_BODY_LIMIT must be a size of at least 1K (bytes, or a number with K, M or G); got "big"'
		);
		expect(() => byteSizeFromEnv({ DISCLOSE_AUTH_BODY_LIMIT: '10' }, 'DISCLOSE_AUTH_BODY_LIMIT', 99)).toThrow(/at least 1K/);
	});
});

describe('reading a body with a limit', () => {
	const post = (body: BodyInit, headers: Record<string, string> = {}) =>
		new Request('http://x/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

	it('returns a body at the limit', async () => {
		expect(await readLimitedText(post('x'.repeat(10)), 10)).toBe('x'.repeat(10));
	});

	it('refuses a declared Content-Length over the limit without reading', async () => {
		await expect(readLimitedText(post('tiny', { 'content-length': '11' }), 10)).rejects.toEqual(new BodyTooLarge(10));
	});

	it('refuses a streamed body as soon as it passes the limit', async () => {
		const stream = new ReadableStream<Uint8Array>({
			pull: (c) => c.enqueue(new Uint8Array(4)) // never ends
		});
		await expect(readLimitedText(post(stream), 10)).rejects.toBeInstanceOf(BodyTooLarge);
	});

	it("turns the server's own 413 cut-off (SvelteKit's getRequest) into BodyTooLarge without a limit", async () => {
		const cutOff = Object.assign(new Error('request body size exceeded BODY_SIZE_LIMIT of 5'), { status: 413 });
		const stream = new ReadableStream<Uint8Array>({ start: (c) => c.error(cutOff) });
		await expect(readLimitedText(post(stream), 10)).rejects.toEqual(new BodyTooLarge(null));
	});

	it('passes other stream errors on', async () => {
		const stream = new ReadableStream<Uint8Array>({ start: (c) => c.error(new Error('socket hang up')) });
		await expect(readLimitedText(post(stream), 10)).rejects.toThrow('socket hang up');
	});
});
