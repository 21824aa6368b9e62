/**
 * Helpers for the storage tests: finding this stack's storage folder on disk
 * (TestStack does not expose it) and listing the object files in it.
 */
import { readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { TestStack } from '../../support/stack';

/** Uploads a probe object as service role and finds the folder that holds its bytes. */
export async function locateStorageDir(t: TestStack, bucket: string): Promise<string> {
	const key = `probe/${randomUUID()}.txt`;
	const { error } = await t.service().storage.from(bucket).upload(key, 'probe');
	if (error) throw error;
	const candidates = (await readdir(tmpdir())).filter((d) => d.startsWith('disclose-storage-'));
	for (const candidate of candidates) {
		const dir = join(tmpdir(), candidate);
		if (await exists(join(dir, bucket, key))) {
			await t.service().storage.from(bucket).remove([key]);
			return dir;
		}
	}
	throw new Error('storage folder not found');
}

export async function exists(path: string): Promise<boolean> {
	try {
		await stat(path);
		return true;
	} catch {
		return false;
	}
}

/** Every file below `dir` (relative paths), temp folder included. */
export async function listFiles(dir: string): Promise<string[]> {
	const out: string[] = [];
	async function walk(current: string) {
		let entries;
		try {
			entries = await readdir(current, { withFileTypes: true });
		} catch {
			return;
		}
		for (const entry of entries) {
			const full = join(current, entry.name);
			if (entry.isDirectory()) await walk(full);
			else out.push(relative(dir, full));
		}
	}
	await walk(dir);
	return out.sort();
}

/** Raw fetch against /storage/v1 with the given bearer token (or none). */
export function storageFetch(t: TestStack, path: string, init: RequestInit & { token?: string | null } = {}) {
	const headers = new Headers(init.headers);
	headers.set('apikey', t.anonKey);
	const token = init.token === undefined ? t.anonKey : init.token;
	if (token !== null) headers.set('authorization', `Bearer ${token}`);
	return fetch(`${t.url}/storage/v1${path}`, { ...init, headers });
}
