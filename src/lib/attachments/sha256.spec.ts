import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { sha256Hex } from './sha256';

describe('sha256 on the device', () => {
	it('is the lower-case hex digest of the bytes, for a Blob and for raw bytes', async () => {
		expect(await sha256Hex(new Blob(['abc']))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		const bytes = new Uint8Array([0, 1, 2, 255]);
		expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
	});

	it('of an empty file is the well-known empty digest', async () => {
		expect(await sha256Hex(new Blob([]))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
	});
});
