import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../../support/stack';
import { signJwt } from '../../../src/lib/server/embedded/jwt';
import { exists, listFiles, locateStorageDir } from './helpers';

describe('storage.objects policies through HTTP', () => {
	let t: TestStack;
	let dir: string;
	let alice: { client: SupabaseClient; userId: string };
	let bob: { client: SupabaseClient; userId: string };
	const docs = (client: SupabaseClient) => client.storage.from('docs');
	const aliceKey = (name: string) => `${alice.userId}/${name}`;

	async function rows(name: string) {
		return t.sql`select owner, owner_id from storage.objects where bucket_id = 'docs' and name = ${name}`;
	}

	beforeAll(async () => {
		t = await startTestStack();
		const created = await t.service().storage.createBucket('docs', { public: false });
		if (created.error) throw created.error;
		const own = `bucket_id = 'docs' and (storage.foldername(name))[1] = (select auth.uid())::text`;
		await t.sql.unsafe(`create policy "docs read own" on storage.objects for select to authenticated using (${own})`);
		await t.sql.unsafe(`create policy "docs write own" on storage.objects for insert to authenticated with check (${own})`);
		await t.sql.unsafe(`create policy "docs delete own" on storage.objects for delete to authenticated using (${own})`);
		dir = await locateStorageDir(t, 'docs');
		alice = await t.signedIn('alice@example.com');
		bob = await t.signedIn('bob@example.com');
	});
	afterAll(async () => t?.close());

	it('lets the owner upload into their folder, recording owner and owner_id', async () => {
		const { error } = await docs(alice.client).upload(aliceKey('report.pdf'), 'alice report', { contentType: 'application/pdf' });
		expect(error).toBeNull();
		expect(await rows(aliceKey('report.pdf'))).toEqual([{ owner: alice.userId, owner_id: alice.userId }]);
		expect(await readFile(join(dir, 'docs', alice.userId, 'report.pdf'), 'utf8')).toBe('alice report');
	});

	it('lets the owner download, list, sign and get info in their folder', async () => {
		const { data } = await docs(alice.client).download(aliceKey('report.pdf'));
		expect(await data!.text()).toBe('alice report');
		const list = await docs(alice.client).list(alice.userId);
		expect(list.data!.map((e) => e.name)).toEqual(['report.pdf']);
		expect((await docs(alice.client).list('')).data!.map((e) => e.name)).toEqual([alice.userId]);
		expect((await docs(alice.client).info(aliceKey('report.pdf'))).error).toBeNull();
		const signed = await docs(alice.client).createSignedUrl(aliceKey('report.pdf'), 60);
		expect(signed.error).toBeNull();
		expect(await (await fetch(signed.data!.signedUrl)).text()).toBe('alice report');
	});

	it('refuses the owner writes outside their folder and leaves no row and no file', async () => {
		const key = `${bob.userId}/planted.txt`;
		const { error } = await docs(alice.client).upload(key, 'planted');
		expect(error).toMatchObject({ status: 400, statusCode: '403', message: 'new row violates row-level security policy' });
		expect(await rows(key)).toEqual([]);
		expect(await exists(join(dir, 'docs', bob.userId))).toBe(false);
	});

	it('hides the owner’s objects from another user (download, exists, info, list, sign)', async () => {
		const key = aliceKey('report.pdf');
		expect((await docs(bob.client).download(key)).error).toMatchObject({ statusCode: '404', message: 'Object not found' });
		expect((await docs(bob.client).exists(key)).data).toBe(false);
		expect((await docs(bob.client).info(key)).error).toMatchObject({ statusCode: '404' });
		expect((await docs(bob.client).list(alice.userId)).data).toEqual([]);
		expect((await docs(bob.client).list('')).data).toEqual([]);
		expect((await docs(bob.client).createSignedUrl(key, 60)).error).toMatchObject({ statusCode: '404' });
		const many = await docs(bob.client).createSignedUrls([key], 60);
		expect(many.data).toEqual([
			expect.objectContaining({ path: key, signedUrl: null, error: 'Either the object does not exist or you do not have access to it' })
		]);
	});

	it('refuses another user writing into the owner’s folder: no row, no file, old bytes kept', async () => {
		const key = aliceKey('evil.txt');
		const upload = await docs(bob.client).upload(key, 'evil');
		expect(upload.error).toMatchObject({ statusCode: '403', message: 'new row violates row-level security policy' });
		expect(await rows(key)).toEqual([]);
		expect(await exists(join(dir, 'docs', key))).toBe(false);
		const overwrite = await docs(bob.client).upload(aliceKey('report.pdf'), 'overwritten', { upsert: true });
		expect(overwrite.error).toMatchObject({ statusCode: '403' });
		expect((await docs(bob.client).update(aliceKey('report.pdf'), 'overwritten')).error).toMatchObject({ statusCode: '404' });
		expect(await readFile(join(dir, 'docs', alice.userId, 'report.pdf'), 'utf8')).toBe('alice report');
	});

	it('refuses another user removing, moving or copying the owner’s objects', async () => {
		const key = aliceKey('report.pdf');
		expect((await docs(bob.client).remove([key])).data).toEqual([]);
		expect((await docs(bob.client).move(key, `${bob.userId}/stolen.pdf`)).error).toMatchObject({ statusCode: '404' });
		expect((await docs(bob.client).copy(key, `${bob.userId}/stolen.pdf`)).error).toMatchObject({ statusCode: '404' });
		expect(await rows(key)).toHaveLength(1);
		expect(await exists(join(dir, 'docs', key))).toBe(true);
		expect(await rows(`${bob.userId}/stolen.pdf`)).toEqual([]);
	});

	it('refuses anon: upload (no row, no file), download, list', async () => {
		const anon = t.anon();
		const up = await docs(anon).upload(aliceKey('anon.txt'), 'anon');
		expect(up.error).toMatchObject({ statusCode: '403', message: 'new row violates row-level security policy' });
		expect(await rows(aliceKey('anon.txt'))).toEqual([]);
		expect(await exists(join(dir, 'docs', alice.userId, 'anon.txt'))).toBe(false);
		expect((await docs(anon).download(aliceKey('report.pdf'))).error).toMatchObject({ statusCode: '404' });
		expect((await docs(anon).list(alice.userId)).data).toEqual([]);
		const publicUrl = docs(anon).getPublicUrl(aliceKey('report.pdf')).data.publicUrl;
		expect((await (await fetch(publicUrl)).json()).statusCode).toBe('404');
	});

	it('needs an UPDATE policy for upsert over an existing object (none here): refused, bytes kept', async () => {
		const { error } = await docs(alice.client).upload(aliceKey('report.pdf'), 'v2', { upsert: true });
		expect(error).toMatchObject({ statusCode: '403' });
		expect(await readFile(join(dir, 'docs', alice.userId, 'report.pdf'), 'utf8')).toBe('alice report');
		expect((await listFiles(dir)).filter((f) => f.startsWith('.tmp/'))).toEqual([]);
	});

	it('refuses bad and expired tokens with InvalidJWT', async () => {
		const garbage = await fetch(`${t.url}/storage/v1/object/list/docs`, {
			method: 'POST',
			headers: { apikey: t.anonKey, authorization: 'Bearer not.a.jwt', 'content-type': 'application/json' },
			body: JSON.stringify({ prefix: '' })
		});
		expect(garbage.status).toBe(400);
		expect(await garbage.json()).toMatchObject({ statusCode: '400', code: 'InvalidJWT' });
		const now = Math.floor(Date.now() / 1000);
		const expired = signJwt({ role: 'authenticated', sub: alice.userId, iat: now - 3600, exp: now - 600 }, t.stack.keys.jwtSecret);
		const res = await fetch(`${t.url}/storage/v1/object/docs/${aliceKey('report.pdf')}`, {
			headers: { apikey: t.anonKey, authorization: `Bearer ${expired}` }
		});
		expect(await res.json()).toMatchObject({ statusCode: '400', error: 'InvalidJWT', message: 'jwt expired' });
		const forged = signJwt({ role: 'service_role' }, 'not-the-secret');
		const forgedRes = await fetch(`${t.url}/storage/v1/bucket`, { headers: { authorization: `Bearer ${forged}` } });
		expect(await forgedRes.json()).toMatchObject({ code: 'InvalidJWT' });
	});

	it('lets the owner remove their object: row and file gone, emptied folder pruned', async () => {
		const { data, error } = await docs(alice.client).remove([aliceKey('report.pdf')]);
		expect(error).toBeNull();
		expect(data!.map((r) => r.name)).toEqual([aliceKey('report.pdf')]);
		expect(await rows(aliceKey('report.pdf'))).toEqual([]);
		expect(await exists(join(dir, 'docs', alice.userId))).toBe(false);
	});
});
