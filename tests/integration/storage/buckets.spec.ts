import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../../support/stack';
import { exists, locateStorageDir } from './helpers';

describe('storage buckets through storage-js', () => {
	let t: TestStack;
	let svc: SupabaseClient;
	let dir: string;

	beforeAll(async () => {
		t = await startTestStack();
		svc = t.service();
		await t.sql`insert into storage.buckets (id, name) values ('probe', 'probe')`;
		dir = await locateStorageDir(t, 'probe');
	});
	afterAll(async () => t?.close());

	it('creates, gets and lists buckets as service role', async () => {
		const created = await svc.storage.createBucket('avatars', {
			public: true,
			fileSizeLimit: '1MB',
			allowedMimeTypes: ['image/*']
		});
		expect(created).toEqual({ data: { name: 'avatars' }, error: null });
		const { data, error } = await svc.storage.getBucket('avatars');
		expect(error).toBeNull();
		expect(data).toMatchObject({
			id: 'avatars',
			name: 'avatars',
			public: true,
			file_size_limit: 1024 * 1024,
			allowed_mime_types: ['image/*']
		});
		expect(typeof data!.created_at).toBe('string');
		const list = await svc.storage.listBuckets();
		expect(list.data!.map((b) => b.id)).toEqual(expect.arrayContaining(['avatars', 'probe']));
		const searched = await svc.storage.listBuckets({ search: 'ava' });
		expect(searched.data!.map((b) => b.id)).toEqual(['avatars']);
		const [row] = await t.sql`select public, file_size_limit from storage.buckets where id = 'avatars'`;
		expect(row).toEqual({ public: true, file_size_limit: '1048576' });
	});

	it('refuses a duplicate bucket with Duplicate 409', async () => {
		await svc.storage.createBucket('twice');
		const { error } = await svc.storage.createBucket('twice');
		expect(error).toMatchObject({ status: 400, statusCode: '409', message: 'The resource already exists' });
	});

	it('refuses invalid and reserved bucket names', async () => {
		for (const name of ['..', '.hidden', 'a/b', 'list', 'sign']) {
			const res = await fetch(`${t.url}/storage/v1/bucket`, {
				method: 'POST',
				headers: { apikey: t.anonKey, authorization: `Bearer ${t.serviceRoleKey}`, 'content-type': 'application/json' },
				body: JSON.stringify({ name })
			});
			expect(res.status).toBe(400);
			expect(await res.json()).toMatchObject({ statusCode: '400', code: 'InvalidBucketName' });
		}
		const [count] = await t.sql`select count(*)::int as n from storage.buckets where id in ('..', '.hidden', 'a/b', 'list', 'sign')`;
		expect(count!.n).toBe(0);
	});

	it('updates public, file_size_limit and allowed_mime_types', async () => {
		await svc.storage.createBucket('upd', { public: false, fileSizeLimit: 10, allowedMimeTypes: ['text/plain'] });
		const { data, error } = await svc.storage.updateBucket('upd', { public: true, fileSizeLimit: null, allowedMimeTypes: null });
		expect(error).toBeNull();
		expect(data).toEqual({ message: 'Successfully updated' });
		const [row] = await t.sql`select public, file_size_limit, allowed_mime_types from storage.buckets where id = 'upd'`;
		expect(row).toEqual({ public: true, file_size_limit: null, allowed_mime_types: null });
		const missing = await svc.storage.updateBucket('nope', { public: true });
		expect(missing.error).toMatchObject({ statusCode: '404', message: 'Bucket not found' });
	});

	it('reports a missing bucket', async () => {
		const { error } = await svc.storage.getBucket('does-not-exist');
		expect(error).toMatchObject({ status: 400, statusCode: '404', message: 'Bucket not found' });
	});

	it('refuses to delete a non-empty bucket, empties it (rows and files), then deletes it', async () => {
		await svc.storage.createBucket('trash');
		await svc.storage.from('trash').upload('a/1.txt', '1');
		await svc.storage.from('trash').upload('2.txt', '2');
		const refused = await svc.storage.deleteBucket('trash');
		expect(refused.error).toMatchObject({ statusCode: '409', message: 'The bucket you tried to delete is not empty' });
		expect(await exists(join(dir, 'trash/a/1.txt'))).toBe(true);
		const emptied = await svc.storage.emptyBucket('trash');
		expect(emptied.error).toBeNull();
		const [count] = await t.sql`select count(*)::int as n from storage.objects where bucket_id = 'trash'`;
		expect(count!.n).toBe(0);
		expect(await exists(join(dir, 'trash/a/1.txt'))).toBe(false);
		expect(await exists(join(dir, 'trash/2.txt'))).toBe(false);
		const deleted = await svc.storage.deleteBucket('trash');
		expect(deleted).toEqual({ data: { message: 'Successfully deleted' }, error: null });
		expect((await svc.storage.getBucket('trash')).error).toMatchObject({ statusCode: '404' });
		expect(await exists(join(dir, 'trash'))).toBe(false);
		expect((await svc.storage.deleteBucket('trash')).error).toMatchObject({ statusCode: '404' });
	});

	it('lets users and anon see no buckets and change none (no policies on storage.buckets)', async () => {
		const { client: user } = await t.signedIn('bucket-user@example.com');
		for (const client of [user, t.anon()]) {
			expect((await client.storage.listBuckets()).data).toEqual([]);
			expect((await client.storage.getBucket('avatars')).error).toMatchObject({ statusCode: '404' });
			const created = await client.storage.createBucket('mine');
			expect(created.error).toMatchObject({
				status: 400,
				statusCode: '403',
				message: 'new row violates row-level security policy'
			});
			expect((await client.storage.updateBucket('avatars', { public: false })).error).toMatchObject({ statusCode: '404' });
			expect((await client.storage.emptyBucket('avatars')).error).toMatchObject({ statusCode: '404' });
			expect((await client.storage.deleteBucket('avatars')).error).toMatchObject({ statusCode: '404' });
		}
		const [row] = await t.sql`select public from storage.buckets where id = 'avatars'`;
		expect(row!.public).toBe(true);
		const [mine] = await t.sql`select count(*)::int as n from storage.buckets where id = 'mine'`;
		expect(mine!.n).toBe(0);
	});

	it('lets a user with a select policy see a bucket but still not change it', async () => {
		await t.sql`create policy "see avatars" on storage.buckets for select to authenticated using (id = 'avatars')`;
		const { client } = await t.signedIn('bucket-reader@example.com');
		expect((await client.storage.listBuckets()).data!.map((b) => b.id)).toEqual(['avatars']);
		expect((await client.storage.getBucket('avatars')).data).toMatchObject({ id: 'avatars' });
		const refused = await client.storage.deleteBucket('avatars');
		expect(refused.error).toMatchObject({ statusCode: '403' });
		expect((await svc.storage.getBucket('avatars')).error).toBeNull();
	});
});
