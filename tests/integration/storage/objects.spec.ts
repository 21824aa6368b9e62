import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../../support/stack';
import { exists, listFiles, locateStorageDir, storageFetch } from './helpers';

describe('storage objects through storage-js (service role)', () => {
	let t: TestStack;
	let svc: SupabaseClient;
	let dir: string;
	const files = () => svc.storage.from('files');

	beforeAll(async () => {
		t = await startTestStack();
		svc = t.service();
		await t.sql`insert into storage.buckets (id, name) values ('files', 'files')`;
		await t.sql`insert into storage.buckets (id, name, public) values ('pub', 'pub', true)`;
		dir = await locateStorageDir(t, 'files');
	});
	afterAll(async () => t?.close());

	it('uploads a Blob as multipart and stores row metadata and bytes', async () => {
		const { data, error } = await files().upload('docs/a.txt', new Blob(['hello'], { type: 'text/plain' }));
		expect(error).toBeNull();
		expect(data).toMatchObject({ path: 'docs/a.txt', fullPath: 'files/docs/a.txt' });
		expect(data!.id).toMatch(/^[0-9a-f-]{36}$/);
		const [row] = await t.sql`select id, owner, owner_id, metadata from storage.objects where bucket_id = 'files' and name = 'docs/a.txt'`;
		expect(row!.id).toBe(data!.id);
		expect(row!.owner).toBeNull(); // service role has no sub
		expect(row!.metadata).toMatchObject({
			size: 5,
			contentLength: 5,
			mimetype: 'text/plain',
			cacheControl: 'max-age=3600',
			eTag: '"5d41402abc4b2a76b9719d911017c592"',
			httpStatusCode: 200
		});
		expect(typeof row!.metadata.lastModified).toBe('string');
		expect(await readFile(join(dir, 'files/docs/a.txt'), 'utf8')).toBe('hello');
	});

	it('uploads a raw body with its content type and downloads it back with headers', async () => {
		const bytes = new Uint8Array([1, 2, 3, 250]);
		const up = await files().upload('raw/data.bin', bytes, { contentType: 'application/x-test', cacheControl: '60' });
		expect(up.error).toBeNull();
		const { data, error } = await files().download('raw/data.bin');
		expect(error).toBeNull();
		expect(new Uint8Array(await data!.arrayBuffer())).toEqual(bytes);
		expect(data!.type).toBe('application/x-test');
		const res = await storageFetch(t, '/object/authenticated/files/raw/data.bin', { token: t.serviceRoleKey });
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('max-age=60');
		expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
		expect(res.headers.get('content-length')).toBe('4');
	});

	it('refuses to overwrite without upsert (Duplicate 409) and keeps the old bytes', async () => {
		await files().upload('dup.txt', 'first');
		const { error } = await files().upload('dup.txt', 'second');
		expect(error).toMatchObject({ status: 400, statusCode: '409', message: 'The resource already exists' });
		expect(await readFile(join(dir, 'files/dup.txt'), 'utf8')).toBe('first');
	});

	it('upserts in place, keeping the object id', async () => {
		const first = await files().upload('up.txt', 'one');
		const second = await files().upload('up.txt', 'two!', { upsert: true });
		expect(second.error).toBeNull();
		expect(second.data!.id).toBe(first.data!.id);
		const { data } = await files().download('up.txt');
		expect(await data!.text()).toBe('two!');
		expect(await listFiles(join(dir, '.tmp'))).toEqual([]); // backup of the old bytes removed
	});

	it('updates with PUT, and refuses to update a missing object', async () => {
		await files().upload('upd.txt', 'old');
		const ok = await files().update('upd.txt', 'new content', { contentType: 'text/markdown' });
		expect(ok.error).toBeNull();
		const { data } = await files().download('upd.txt');
		expect(await data!.text()).toBe('new content');
		expect(data!.type).toBe('text/markdown');
		const missing = await files().update('nope.txt', 'x');
		expect(missing.error).toMatchObject({ status: 400, statusCode: '404', message: 'Object not found' });
		expect(await exists(join(dir, 'files/nope.txt'))).toBe(false);
	});

	it('reports a missing object or bucket on download', async () => {
		const missing = await files().download('missing.txt');
		expect(missing.error).toMatchObject({ status: 400, statusCode: '404', message: 'Object not found' });
		const noBucket = await svc.storage.from('nobucket').download('x.txt');
		expect(noBucket.error).toMatchObject({ statusCode: '404', message: 'Bucket not found' });
	});

	it('answers exists() and info()', async () => {
		await files().upload('info/i.json', '{"a":1}', { contentType: 'application/json' });
		expect((await files().exists('info/i.json')).data).toBe(true);
		expect((await files().exists('info/none.json')).data).toBe(false);
		const { data, error } = await files().info('info/i.json');
		expect(error).toBeNull();
		expect(data).toMatchObject({
			name: 'info/i.json',
			bucketId: 'files',
			size: 7,
			contentType: 'application/json',
			cacheControl: 'max-age=3600'
		});
		expect(data!.etag).toMatch(/^"[0-9a-f]{32}"$/);
		expect(typeof data!.lastModified).toBe('string');
	});

	it('serves public URLs for public buckets only', async () => {
		await svc.storage.from('pub').upload('p/logo.svg', '<svg/>', { contentType: 'image/svg+xml' });
		const url = svc.storage.from('pub').getPublicUrl('p/logo.svg').data.publicUrl;
		const res = await fetch(url);
		expect(res.status).toBe(200);
		expect(await res.text()).toBe('<svg/>');
		await files().upload('private.txt', 'secret');
		const priv = await fetch(files().getPublicUrl('private.txt').data.publicUrl);
		expect(priv.status).toBe(400);
		expect(await priv.json()).toMatchObject({ statusCode: '404', error: 'Bucket not found' });
		const download = await fetch(svc.storage.from('pub').getPublicUrl('p/logo.svg', { download: 'logo.svg' }).data.publicUrl);
		expect(download.headers.get('content-disposition')).toContain('attachment; filename=logo.svg');
	});

	it('lists one level with folders first, then paginates, sorts and searches', async () => {
		const l = () => svc.storage.from('pub');
		for (const key of ['tree/b.txt', 'tree/a.txt', 'tree/sub/x.txt', 'tree/sub/deeper/y.txt', 'tree/Zeta/z.txt']) {
			await l().upload(key, key);
		}
		const { data, error } = await l().list('tree');
		expect(error).toBeNull();
		expect(data!.map((e) => [e.name, e.id === null])).toEqual([
			['Zeta', true], // byte order: upper case first
			['sub', true],
			['a.txt', false],
			['b.txt', false]
		]);
		const file = data!.find((e) => e.name === 'a.txt')!;
		expect(file.metadata).toMatchObject({ size: 10, mimetype: 'text/plain;charset=UTF-8' });
		expect(data!.find((e) => e.name === 'sub')!.metadata).toBeNull();
		expect((await l().list('tree/sub')).data!.map((e) => e.name)).toEqual(['deeper', 'x.txt']);
		expect((await l().list('tree', { limit: 2, offset: 1 })).data!.map((e) => e.name)).toEqual(['sub', 'a.txt']);
		const desc = await l().list('tree', { sortBy: { column: 'name', order: 'desc' } });
		expect(desc.data!.map((e) => e.name)).toEqual(['sub', 'Zeta', 'b.txt', 'a.txt']);
		expect((await l().list('tree', { search: 'B' })).data!.map((e) => e.name)).toEqual(['b.txt']);
		expect((await l().list('')).data!.map((e) => e.name)).toContain('tree');
		expect((await l().list('nothing-here')).data).toEqual([]);
	});

	it('removes objects, their files and emptied folders', async () => {
		await files().upload('rm/one/a.txt', 'a');
		await files().upload('rm/one/b.txt', 'b');
		const { data, error } = await files().remove(['rm/one/a.txt', 'rm/one/b.txt', 'rm/never.txt']);
		expect(error).toBeNull();
		expect(data!.map((r) => r.name).sort()).toEqual(['rm/one/a.txt', 'rm/one/b.txt']);
		const [count] = await t.sql`select count(*)::int as n from storage.objects where name like 'rm/%'`;
		expect(count!.n).toBe(0);
		expect(await exists(join(dir, 'files/rm'))).toBe(false);
	});

	it('deletes a single object with DELETE /object/{bucket}/{key}', async () => {
		await files().upload('single.txt', 's');
		const res = await storageFetch(t, '/object/files/single.txt', { method: 'DELETE', token: t.serviceRoleKey });
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ message: 'Successfully deleted' });
		expect(await exists(join(dir, 'files/single.txt'))).toBe(false);
		const again = await storageFetch(t, '/object/files/single.txt', { method: 'DELETE', token: t.serviceRoleKey });
		expect(await again.json()).toMatchObject({ statusCode: '404', error: 'not_found' });
	});

	it('moves an object (row and bytes), and refuses to move onto an existing key', async () => {
		const up = await files().upload('mv/from.txt', 'moving');
		const { data, error } = await files().move('mv/from.txt', 'mv/to/dest.txt');
		expect(error).toBeNull();
		expect(data!.message).toBe('Successfully moved');
		expect((await files().exists('mv/from.txt')).data).toBe(false);
		expect(await (await files().download('mv/to/dest.txt')).data!.text()).toBe('moving');
		const [row] = await t.sql`select id from storage.objects where name = 'mv/to/dest.txt'`;
		expect(row!.id).toBe(up.data!.id);
		expect(await exists(join(dir, 'files/mv/from.txt'))).toBe(false);
		await files().upload('mv/other.txt', 'other');
		const clash = await files().move('mv/other.txt', 'mv/to/dest.txt');
		expect(clash.error).toMatchObject({ statusCode: '409' });
		expect(await readFile(join(dir, 'files/mv/other.txt'), 'utf8')).toBe('other');
		const missing = await files().move('mv/none.txt', 'mv/x.txt');
		expect(missing.error).toMatchObject({ statusCode: '404' });
	});

	it('moves and copies across buckets', async () => {
		await files().upload('x/cross.txt', 'cross');
		const copy = await files().copy('x/cross.txt', 'copied/cross.txt', { destinationBucket: 'pub' });
		expect(copy.error).toBeNull();
		expect(copy.data!.path).toBe('pub/copied/cross.txt');
		const moved = await files().move('x/cross.txt', 'moved/cross.txt', { destinationBucket: 'pub' });
		expect(moved.error).toBeNull();
		expect(await exists(join(dir, 'pub/moved/cross.txt'))).toBe(true);
		expect(await exists(join(dir, 'files/x/cross.txt'))).toBe(false);
	});

	it('copies an object with its metadata to a new id', async () => {
		const up = await files().upload('cp/src.txt', 'copy me', { contentType: 'text/csv' });
		const { data, error } = await files().copy('cp/src.txt', 'cp/dst.txt');
		expect(error).toBeNull();
		expect(data!.path).toBe('files/cp/dst.txt');
		const dst = await files().download('cp/dst.txt');
		expect(await dst.data!.text()).toBe('copy me');
		expect(dst.data!.type).toBe('text/csv');
		const [row] = await t.sql`select id from storage.objects where name = 'cp/dst.txt'`;
		expect(row!.id).not.toBe(up.data!.id);
		expect((await files().copy('cp/none.txt', 'cp/x.txt')).error).toMatchObject({ statusCode: '404' });
		expect((await files().copy('cp/src.txt', 'cp/dst.txt')).error).toMatchObject({ statusCode: '409' });
	});

	it('round-trips keys with spaces and non-ASCII characters', async () => {
		const key = 'weird/my file ü (1).txt';
		expect((await files().upload(key, 'ü')).error).toBeNull();
		expect(await (await files().download(key)).data!.text()).toBe('ü');
		expect((await files().list('weird')).data!.map((e) => e.name)).toEqual(['my file ü (1).txt']);
		expect(await exists(join(dir, 'files', key))).toBe(true);
	});

	it('honours a byte Range and If-None-Match', async () => {
		await files().upload('range.txt', '0123456789');
		const res = await storageFetch(t, '/object/files/range.txt', { token: t.serviceRoleKey, headers: { range: 'bytes=2-5' } });
		expect(res.status).toBe(206);
		expect(res.headers.get('content-range')).toBe('bytes 2-5/10');
		expect(await res.text()).toBe('2345');
		const etag = res.headers.get('etag')!;
		const cached = await storageFetch(t, '/object/files/range.txt', { token: t.serviceRoleKey, headers: { 'if-none-match': etag } });
		expect(cached.status).toBe(304);
	});

	it('serves text/html as text/plain with nosniff', async () => {
		await files().upload('page.html', '<script>alert(1)</script>', { contentType: 'text/html' });
		const res = await storageFetch(t, '/object/files/page.html', { token: t.serviceRoleKey });
		expect(res.headers.get('content-type')).toBe('text/plain');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
	});
});
