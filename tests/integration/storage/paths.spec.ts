import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startTestStack, type TestStack } from '../../support/stack';
import { exists, listFiles, locateStorageDir, storageFetch } from './helpers';

describe('storage keys and paths on disk', () => {
	let t: TestStack;
	let dir: string;
	/** Unique file names, so escapes can be searched for wherever they could land. */
	const tag = randomBytes(4).toString('hex');
	const escape = `escape-${tag}.txt`;

	const post = (path: string) =>
		storageFetch(t, path, {
			method: 'POST',
			token: t.serviceRoleKey,
			headers: { 'content-type': 'text/plain' },
			body: 'payload'
		});

	beforeAll(async () => {
		t = await startTestStack();
		await t.sql`insert into storage.buckets (id, name) values ('files', 'files')`;
		dir = await locateStorageDir(t, 'files');
	});
	afterAll(async () => t?.close());

	it.each([
		['/object/files/..%2F..%2F' + escape, 'relative path segment'],
		['/object/files/a%2F..%2F..%2F..%2F' + escape, 'relative path segment'],
		['/object/files/.%2F' + escape, 'relative path segment'],
		['/object/files//' + escape, 'empty path segment'],
		['/object/files/a//b.txt', 'empty path segment'],
		['/object/files/a%00b.txt', 'forbidden character'],
		['/object/files/a%5Cb.txt', 'forbidden character'],
		['/object/files/%E0%A4%A', 'malformed URL encoding'],
		[`/object/files/${'x'.repeat(256)}.txt`, 'path segment too long']
	])('refuses upload to %s (InvalidKey)', async (path, why) => {
		const res = await post(path);
		expect(res.status).toBe(400);
		const body = await res.json();
		expect(body).toMatchObject({ statusCode: '400', code: 'InvalidKey' });
		expect(body.message).toContain(why);
	});

	it('refuses a bucket id that walks out of the storage folder', async () => {
		const res = await post(`/object/..%2F..%2F/${escape}`);
		expect(await res.json()).toMatchObject({ statusCode: '400', code: 'InvalidBucketName' });
	});

	it('refuses traversal through storage-js upload, move and copy', async () => {
		const files = t.service().storage.from('files');
		await files.upload('safe/a.txt', 'a');
		expect((await files.upload(`../${escape}`, 'x')).error).not.toBeNull();
		for (const destination of [`../../${escape}`, `safe/../../${escape}`, `/${escape}`, 'a//b.txt']) {
			expect((await files.move('safe/a.txt', destination)).error).toMatchObject({ statusCode: '400' });
			expect((await files.copy('safe/a.txt', destination)).error).toMatchObject({ statusCode: '400' });
		}
		expect((await files.download('safe/a.txt')).error).toBeNull();
	});

	it('wrote nothing outside the bucket folders and no rows for refused keys', async () => {
		expect(await listFiles(dir)).toEqual(['files/safe/a.txt']);
		for (const place of [dir, dirname(dir), dirname(dirname(dir)), '/', join(dir, 'files')]) {
			expect(await exists(join(place, escape))).toBe(false);
		}
		const names = await t.sql`select name from storage.objects order by name`;
		expect(names.map((r) => r.name)).toEqual(['safe/a.txt']);
	});

	it('reports a file/folder clash as an invalid key and keeps both sides consistent', async () => {
		const files = t.service().storage.from('files');
		await files.upload('clash', 'a file');
		const { error } = await files.upload('clash/inner.txt', 'x');
		expect(error).toMatchObject({ statusCode: '400', message: expect.stringContaining('conflicts') });
		const [row] = await t.sql`select count(*)::int as n from storage.objects where name = 'clash/inner.txt'`;
		expect(row!.n).toBe(0);
		await files.upload('folder/inner.txt', 'x');
		expect((await files.upload('folder', 'x')).error).toMatchObject({ statusCode: '400' });
		expect(await (await files.download('clash')).data!.text()).toBe('a file');
		await files.remove(['clash', 'folder/inner.txt']);
	});

	it('answers unknown routes in Storage’s error shape', async () => {
		const res = await storageFetch(t, '/nothing/here');
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({ statusCode: '404' });
	});
});
