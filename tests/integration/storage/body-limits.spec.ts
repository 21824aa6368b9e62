/**
 * Uploads over the server's BODY_SIZE_LIMIT (here adapter-node's default of
 * 512 KB, as with `node build` run without it) answer EntityTooLarge in
 * Storage's shape (HTTP 400, statusCode "413") instead of 500, and leave
 * neither a row nor a file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../../support/stack';
import { listFiles, locateStorageDir, storageFetch } from './helpers';

const ADAPTER_DEFAULT = 512 * 1024;
const tooLarge = { status: 400, statusCode: '413', message: 'The object exceeded the maximum allowed size' };

describe('storage uploads over the server body limit', () => {
	let t: TestStack;
	let svc: SupabaseClient;
	let dir: string;
	const names = async () => (await t.sql`select name from storage.objects where bucket_id = 'open' order by name`).map((r) => r.name);

	beforeAll(async () => {
		t = await startTestStack({ bodySizeLimit: ADAPTER_DEFAULT });
		svc = t.service();
		await t.sql`insert into storage.buckets (id, name) values ('open', 'open')`;
		dir = await locateStorageDir(t, 'open');
	});
	afterAll(async () => t?.close());

	it('a 1 MB upload (raw and multipart) is EntityTooLarge 413, nothing written', async () => {
		const bytes = new Uint8Array(1024 * 1024).fill(65);
		const raw = await svc.storage.from('open').upload('big.bin', bytes, { contentType: 'application/octet-stream' });
		expect(raw.error).toMatchObject(tooLarge);
		const multipart = await svc.storage.from('open').upload('big.txt', new Blob([bytes], { type: 'text/plain' }));
		expect(multipart.error).toMatchObject(tooLarge);
		const res = await storageFetch(t, '/object/open/raw.bin', {
			method: 'POST',
			token: t.serviceRoleKey,
			headers: { 'content-type': 'application/octet-stream' },
			body: bytes
		});
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual({
			statusCode: '413',
			code: 'EntityTooLarge',
			error: 'Payload too large',
			message: 'The object exceeded the maximum allowed size'
		});
		expect(await names()).toEqual([]);
		expect(await listFiles(dir)).toEqual([]);
		// The refused bodies were drained: the same client goes on working, under the limit.
		expect((await svc.storage.from('open').upload('ok.txt', 'x'.repeat(100 * 1024))).error).toBeNull();
		expect(await names()).toEqual(['ok.txt']);
	});
});
