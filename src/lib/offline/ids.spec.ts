import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { webcrypto } from 'node:crypto';
import { deviceId, forgetDeviceId, newId } from './ids';
import { closeDatabase } from './db';
import { useFreshDatabase } from './test-support';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

beforeEach(async () => {
	forgetDeviceId();
	await useFreshDatabase();
});
afterEach(() => vi.unstubAllGlobals());

describe('newId', () => {
	it('makes a different version 4 UUID every time', () => {
		const ids = new Set(Array.from({ length: 50 }, newId));
		expect(ids.size).toBe(50);
		for (const id of ids) expect(id).toMatch(UUID_V4);
	});

	it('still makes UUIDs where crypto.randomUUID is missing (pages served over plain http)', () => {
		vi.stubGlobal('crypto', { getRandomValues: (array: Uint8Array<ArrayBuffer>) => webcrypto.getRandomValues(array) });
		expect(newId()).toMatch(UUID_V4);
		expect(newId()).not.toBe(newId());
	});
});

describe('deviceId', () => {
	it('is made once and kept in the database across page loads', async () => {
		const first = await deviceId();
		expect(first).toMatch(UUID_V4);
		expect(await deviceId()).toBe(first);
		forgetDeviceId();
		await closeDatabase();
		expect(await deviceId()).toBe(first);
	});
});
