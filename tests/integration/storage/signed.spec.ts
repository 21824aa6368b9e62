import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../../support/stack';
import { signJwt, verifyJwt } from '../../../src/lib/server/embedded/jwt';

describe('signed URLs', () => {
	let t: TestStack;
	let svc: SupabaseClient;
	const vault = () => svc.storage.from('vault');

	beforeAll(async () => {
		t = await startTestStack();
		svc = t.service();
		await t.sql`insert into storage.buckets (id, name) values ('vault', 'vault')`;
		await vault().upload('reports/q1 2024.txt', 'quarter one', { contentType: 'text/plain' });
		await vault().upload('reports/q2.txt', 'quarter two');
	});
	afterAll(async () => t?.close());

	it('creates a signed URL that downloads without any credentials', async () => {
		const { data, error } = await vault().createSignedUrl('reports/q1 2024.txt', 60);
		expect(error).toBeNull();
		expect(data!.signedUrl).toContain('/storage/v1/object/sign/vault/reports/q1%202024.txt?token=');
		const res = await fetch(data!.signedUrl);
		expect(res.status).toBe(200);
		expect(await res.text()).toBe('quarter one');
		expect(res.headers.get('content-type')).toBe('text/plain');
		expect(res.headers.get('expires')).toBeTruthy();
		const token = new URL(data!.signedUrl).searchParams.get('token')!;
		const claims = verifyJwt(token, t.stack.keys.jwtSecret);
		expect(claims).toMatchObject({ url: 'vault/reports/q1 2024.txt' });
		expect((claims.exp as number) - (claims.iat as number)).toBe(60);
	});

	it('adds Content-Disposition for the download option', async () => {
		const named = await vault().createSignedUrl('reports/q2.txt', 60, { download: 'Q2 report.txt' });
		const res = await fetch(named.data!.signedUrl);
		expect(res.headers.get('content-disposition')).toBe(
			"attachment; filename=Q2%20report.txt; filename*=UTF-8''Q2%20report.txt;"
		);
		const plain = await vault().createSignedUrl('reports/q2.txt', 60, { download: true });
		expect((await fetch(plain.data!.signedUrl)).headers.get('content-disposition')).toBe('attachment;');
		const none = await vault().createSignedUrl('reports/q2.txt', 60);
		expect((await fetch(none.data!.signedUrl)).headers.get('content-disposition')).toBeNull();
	});

	it('creates several signed URLs, reporting missing paths', async () => {
		const { data, error } = await vault().createSignedUrls(['reports/q2.txt', 'reports/missing.txt'], 60);
		expect(error).toBeNull();
		expect(data![0]).toMatchObject({ path: 'reports/q2.txt', error: null });
		expect(await (await fetch(data![0]!.signedUrl!)).text()).toBe('quarter two');
		expect(data![1]).toMatchObject({
			path: 'reports/missing.txt',
			signedUrl: null,
			error: 'Either the object does not exist or you do not have access to it'
		});
	});

	it('refuses to sign a missing object and a bad expiresIn', async () => {
		expect((await vault().createSignedUrl('reports/none.txt', 60)).error).toMatchObject({ statusCode: '404' });
		expect((await vault().createSignedUrl('reports/q2.txt', 0)).error).toMatchObject({ status: 400, statusCode: '400' });
	});

	it('refuses a token for another path (InvalidSignature), a tampered token and an expired one (ExpiredToken)', async () => {
		const { data } = await vault().createSignedUrl('reports/q2.txt', 60);
		const token = new URL(data!.signedUrl).searchParams.get('token')!;
		const other = await fetch(`${t.url}/storage/v1/object/sign/vault/reports/q1%202024.txt?token=${token}`);
		expect(other.status).toBe(400);
		expect(await other.json()).toMatchObject({ statusCode: '400', code: 'InvalidSignature' });
		const [h, p] = token.split('.');
		const tampered = await fetch(`${t.url}/storage/v1/object/sign/vault/reports/q2.txt?token=${h}.${p}.AAAA`);
		expect(await tampered.json()).toMatchObject({ statusCode: '400', code: 'InvalidJWT' });
		const now = Math.floor(Date.now() / 1000);
		const expired = signJwt({ url: 'vault/reports/q2.txt', iat: now - 120, exp: now - 5 }, t.stack.keys.jwtSecret);
		const old = await fetch(`${t.url}/storage/v1/object/sign/vault/reports/q2.txt?token=${expired}`);
		expect(await old.json()).toMatchObject({ statusCode: '400', code: 'ExpiredToken', message: 'The provided token has expired.' });
		const missing = await fetch(`${t.url}/storage/v1/object/sign/vault/reports/q2.txt`);
		expect(missing.status).toBe(400);
		// An API key or access token is not a signed-URL token.
		const access = await fetch(`${t.url}/storage/v1/object/sign/vault/reports/q2.txt?token=${t.serviceRoleKey}`);
		expect(await access.json()).toMatchObject({ code: 'InvalidSignature' });
	});

	it('stops serving a signed URL once the object is removed', async () => {
		await vault().upload('tmp/gone.txt', 'soon gone');
		const { data } = await vault().createSignedUrl('tmp/gone.txt', 60);
		await vault().remove(['tmp/gone.txt']);
		expect(await (await fetch(data!.signedUrl)).json()).toMatchObject({ statusCode: '404' });
	});

	describe('signed upload URLs', () => {
		beforeAll(async () => {
			await t.sql.unsafe(`create policy "vault insert" on storage.objects for insert to authenticated
				with check (bucket_id = 'vault' and (storage.foldername(name))[1] = 'inbox')`);
		});

		it('lets anyone holding the token upload once, owned by the signer', async () => {
			const { client, userId } = await t.signedIn('signer@example.com');
			const { data, error } = await client.storage.from('vault').createSignedUploadUrl('inbox/upload.txt');
			expect(error).toBeNull();
			expect(data!.token).toBeTruthy();
			const up = await t.anon().storage.from('vault').uploadToSignedUrl('inbox/upload.txt', data!.token, 'via token');
			expect(up.error).toBeNull();
			expect(up.data!.fullPath).toBe('vault/inbox/upload.txt');
			const [row] = await t.sql`select owner, owner_id from storage.objects where name = 'inbox/upload.txt'`;
			expect(row).toEqual({ owner: userId, owner_id: userId });
			expect(await (await vault().download('inbox/upload.txt')).data!.text()).toBe('via token');
			const again = await t.anon().storage.from('vault').uploadToSignedUrl('inbox/upload.txt', data!.token, 'again');
			expect(again.error).toMatchObject({ statusCode: '409' });
		});

		it('refuses to sign an upload the caller’s policies would refuse', async () => {
			const { client } = await t.signedIn('nosigner@example.com');
			const { error } = await client.storage.from('vault').createSignedUploadUrl('elsewhere/x.txt');
			expect(error).toMatchObject({ statusCode: '403', message: 'new row violates row-level security policy' });
			const [count] = await t.sql`select count(*)::int as n from storage.objects where name = 'elsewhere/x.txt'`;
			expect(count!.n).toBe(0);
		});

		it('keeps download and upload tokens apart', async () => {
			const down = await vault().createSignedUrl('reports/q2.txt', 60);
			const downloadToken = new URL(down.data!.signedUrl).searchParams.get('token')!;
			const misuse = await t.anon().storage.from('vault').uploadToSignedUrl('reports/q2.txt', downloadToken, 'x');
			expect(misuse.error).toMatchObject({ statusCode: '400' });
			expect(await (await vault().download('reports/q2.txt')).data!.text()).toBe('quarter two');
			const up = await vault().createSignedUploadUrl('inbox/other.txt');
			const asDownload = await fetch(`${t.url}/storage/v1/object/sign/vault/inbox/other.txt?token=${up.data!.token}`);
			expect(await asDownload.json()).toMatchObject({ code: 'InvalidSignature' });
			const wrongPath = await t.anon().storage.from('vault').uploadToSignedUrl('inbox/third.txt', up.data!.token, 'x');
			expect(wrongPath.error).toMatchObject({ statusCode: '400' });
		});

		it('honours upsert in signed upload URLs', async () => {
			await vault().upload('inbox/replace.txt', 'v1');
			const { data } = await vault().createSignedUploadUrl('inbox/replace.txt', { upsert: true });
			const up = await t.anon().storage.from('vault').uploadToSignedUrl('inbox/replace.txt', data!.token, 'v2');
			expect(up.error).toBeNull();
			expect(await (await vault().download('inbox/replace.txt')).data!.text()).toBe('v2');
		});
	});
});
