/**
 * The early read of `src/app.html` (the script itself, read from the file) against
 * an in-memory IndexedDB, and `takeEarlyDraftRead`, which hands it to the composer.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import { closeDatabase, saveDraft } from './db';
import { DATABASE_NAME, DATABASE_VERSION, type Draft } from './db-schema';
import { takeEarlyDraftRead } from './early-draft';
import { useFreshDatabase } from './test-support';

const ID = '0b6c1a52-5d1e-4f7e-9a57-3f0b8c2f6d11';

/** The inline script of src/app.html that starts the early read. */
function earlyReadScript(): string {
	const html = readFileSync('src/app.html', 'utf8');
	const script = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).find((body) => body.includes('__discloseEarlyDraft'));
	if (!script) throw new Error('src/app.html has no early draft read');
	return script;
}

type FakeWindow = { indexedDB?: IDBFactory; __discloseEarlyDraft?: { id: string; read: Promise<unknown> } };

/** Runs the script as the page at `address` would, in a window of its own. */
function startPage(address: string): FakeWindow {
	const page: FakeWindow = { indexedDB: globalThis.indexedDB };
	vi.stubGlobal('window', page);
	new Function('window', 'location', 'indexedDB', earlyReadScript())(page, new URL(address), globalThis.indexedDB);
	return page;
}

function draft(id: string): Draft {
	return { id, organisationId: 'org-1', kind: 'request_draft', fields: { title: 'Kept' }, updatedAt: '2026-11-26T10:00:00.000Z', syncedAt: null, serverVersion: null, deviceId: 'device-1' };
}

beforeEach(useFreshDatabase);
afterEach(() => vi.unstubAllGlobals());

describe('the early draft read (src/app.html)', () => {
	it('reads the draft the composer address names, and hands it over once', async () => {
		await saveDraft(draft(ID));
		await closeDatabase();
		startPage(`https://disclose.test/app/compose?draft=${ID}`);
		expect(takeEarlyDraftRead('another-id')).toBeNull();
		const read = takeEarlyDraftRead(ID);
		expect(await read).toMatchObject({ id: ID, fields: { title: 'Kept' } });
		expect(takeEarlyDraftRead(ID)).toBeNull();
	});

	it('answers undefined for a draft the device does not hold', async () => {
		await saveDraft(draft('other'));
		await closeDatabase();
		const page = startPage(`https://disclose.test/app/compose?draft=${ID}`);
		expect(await page.__discloseEarlyDraft?.read).toBeUndefined();
	});

	it('never creates the database: the app creates it at its version', async () => {
		const page = startPage(`https://disclose.test/app/compose?draft=${ID}`);
		expect(await page.__discloseEarlyDraft?.read).toBeUndefined();
		expect((await indexedDB.databases()).map((db) => db.name)).not.toContain(DATABASE_NAME);
		await saveDraft(draft(ID));
		const db = await openDB(DATABASE_NAME);
		expect(db.version).toBe(DATABASE_VERSION);
		db.close();
	});

	it('closes its connection, so a newer version of the app can upgrade the database', async () => {
		await saveDraft(draft(ID));
		await closeDatabase();
		const page = startPage(`https://disclose.test/app/compose?draft=${ID}`);
		await page.__discloseEarlyDraft?.read;
		const blocked = vi.fn();
		const upgraded = await openDB(DATABASE_NAME, DATABASE_VERSION + 1, { blocked });
		expect(blocked).not.toHaveBeenCalled();
		expect(upgraded.version).toBe(DATABASE_VERSION + 1);
		upgraded.close();
	});

	it('does nothing on other pages, or without a draft in the address', () => {
		expect(startPage(`https://disclose.test/app/drafts?draft=${ID}`).__discloseEarlyDraft).toBeUndefined();
		expect(startPage('https://disclose.test/app/compose').__discloseEarlyDraft).toBeUndefined();
	});
});
