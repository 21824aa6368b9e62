import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../../support/stack';
import { listFiles, locateStorageDir } from './helpers';

describe('storage upload limits', () => {
	let t: TestStack;
	let svc: SupabaseClient;
	let dir: string;

	async function rowCount(bucket: string): Promise<number> {
		const [row] = await t.sql`select count(*)::int as n from storage.objects where bucket_id = ${bucket}`;
		return row!.n as number;
	}

	beforeAll(async () => {
		t = await startTestStack();
		svc = t.service();
		await t.sql`insert into storage.buckets (id, name, file_size_limit) values ('small', 'small', 10)`;
		await t.sql`insert into storage.buckets (id, name, allowed_mime_types)
			values ('images', 'images', array['image/*', 'application/pdf'])`;
		await t.sql`insert into storage.buckets (id, name) values ('open', 'open')`;
		dir = await locateStorageDir(t, 'open');
	});
	afterAll(async () => t?.close());

	it('accepts an object at the bucket size limit and refuses one byte more (EntityTooLarge 413)', async () => {
		expect((await svc.storage.from('small').upload('ok.txt', '0123456789')).error).toBeNull();
		const { error } = await svc.storage.from('small').upload('big.txt', '0123456789A');
		expect(error).toMatchObject({
			status: 400,
			statusCode: '413',
			message: 'The object exceeded the maximum allowed size'
		});
		const multipart = await svc.storage.from('small').upload('big.bin', new Blob(['x'.repeat(11)]));
		expect(multipart.error).toMatchObject({ statusCode: '413' });
		expect(await rowCount('small')).toBe(1);
		expect(await listFiles(dir)).toEqual(['small/ok.txt']);
	});

	it('applies the size limit to update and upsert too, keeping the old bytes', async () => {
		expect((await svc.storage.from('small').update('ok.txt', 'way too long now')).error).toMatchObject({ statusCode: '413' });
		expect((await svc.storage.from('small').upload('ok.txt', 'still too long', { upsert: true })).error).toMatchObject({
			statusCode: '413'
		});
		expect(await (await svc.storage.from('small').download('ok.txt')).data!.text()).toBe('0123456789');
	});

	it('accepts allowed mime types (with wildcards) and refuses others (InvalidMimeType 415)', async () => {
		const images = () => svc.storage.from('images');
		expect((await images().upload('a.png', new Blob(['png'], { type: 'image/png' }))).error).toBeNull();
		expect((await images().upload('b.pdf', 'pdf', { contentType: 'application/pdf' })).error).toBeNull();
		expect((await images().upload('c.webp', 'webp', { contentType: 'image/webp; q=1' })).error).toBeNull();
		const { error } = await images().upload('d.txt', 'text', { contentType: 'text/plain' });
		expect(error).toMatchObject({ status: 400, statusCode: '415', message: 'mime type text/plain is not supported' });
		const blob = await images().upload('e.html', new Blob(['<p>'], { type: 'text/html' }));
		expect(blob.error).toMatchObject({ statusCode: '415' });
		const [row] = await t.sql`select array_agg(name order by name) as names from storage.objects where bucket_id = 'images'`;
		expect(row!.names).toEqual(['a.png', 'b.pdf', 'c.webp']);
		expect((await listFiles(dir)).filter((f) => f.startsWith('images/'))).toEqual([
			'images/a.png',
			'images/b.pdf',
			'images/c.webp'
		]);
	});

	it('applies the destination bucket limits on copy and move', async () => {
		await svc.storage.from('open').upload('note.txt', 'a text note');
		const copy = await svc.storage.from('open').copy('note.txt', 'note.txt', { destinationBucket: 'images' });
		expect(copy.error).toMatchObject({ statusCode: '415' });
		const move = await svc.storage.from('open').move('note.txt', 'note.txt', { destinationBucket: 'small' });
		expect(move.error).toMatchObject({ statusCode: '413' });
		expect((await svc.storage.from('open').exists('note.txt')).data).toBe(true);
		expect(await rowCount('images')).toBe(3);
	});

	it('refuses bodies over the global 50 MB cap, whatever the bucket allows', async () => {
		const big = new Uint8Array(50 * 1024 * 1024 + 1);
		const { error } = await svc.storage.from('open').upload('huge.bin', big, { contentType: 'application/octet-stream' });
		expect(error).toMatchObject({ status: 400, statusCode: '413' });
		expect((await svc.storage.from('open').exists('huge.bin')).data).toBe(false);
		expect((await listFiles(dir)).filter((f) => f.includes('huge'))).toEqual([]);
	});

	it('refuses a declared Content-Length over the cap before reading the body', async () => {
		// Straight to the stack's handler: fetch clients set Content-Length themselves.
		const response = await t.stack.handle(
			new Request(`${t.url}/storage/v1/object/open/declared.bin`, {
				method: 'POST',
				headers: {
					authorization: `Bearer ${t.serviceRoleKey}`,
					'content-type': 'application/octet-stream',
					'content-length': String(60 * 1024 * 1024)
				},
				body: 'tiny'
			})
		);
		expect(response!.status).toBe(400);
		expect(await response!.json()).toMatchObject({ statusCode: '413', code: 'EntityTooLarge' });
		expect((await svc.storage.from('open').exists('declared.bin')).data).toBe(false);
	});

	it('leaves no temp files behind after refused uploads', async () => {
		expect((await listFiles(dir)).filter((f) => f.startsWith('.tmp/'))).toEqual([]);
	});
});
