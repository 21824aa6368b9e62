import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../../support/stack';
import { exists, listFiles, locateStorageDir } from './helpers';

/**
 * A deferred constraint trigger makes chosen transactions fail at COMMIT,
 * after the file work inside the transaction already happened: the files must
 * be put back as they were.
 */
describe('files follow the database transaction', () => {
	let t: TestStack;
	let svc: SupabaseClient;
	let dir: string;
	const box = () => svc.storage.from('box');

	beforeAll(async () => {
		t = await startTestStack();
		svc = t.service();
		await t.sql`insert into storage.buckets (id, name) values ('box', 'box')`;
		await t.sql.unsafe(`
			create function public.fail_at_commit() returns trigger language plpgsql as $$
			begin
				if tg_op = 'DELETE' then
					if old.name like '%undeletable%' then raise exception 'refused at commit: %', old.name; end if;
					return old;
				end if;
				if new.name like '%doomed%' or (new.metadata ->> 'size')::int = 13 then
					raise exception 'refused at commit: %', new.name;
				end if;
				return new;
			end $$;
			create constraint trigger fail_at_commit after insert or update or delete on storage.objects
				deferrable initially deferred for each row execute function public.fail_at_commit();`);
		dir = await locateStorageDir(t, 'box');
	});
	afterAll(async () => t?.close());

	async function rowNames(): Promise<string[]> {
		const rows = await t.sql`select name from storage.objects where bucket_id = 'box' order by name`;
		return rows.map((r) => r.name as string);
	}

	it('removes the new file when the insert fails at commit', async () => {
		const { error } = await box().upload('in/doomed.txt', 'never stored');
		expect(error).toMatchObject({ status: 400, message: expect.stringContaining('refused at commit') });
		expect(await rowNames()).toEqual([]);
		expect(await listFiles(dir)).toEqual([]);
	});

	it('restores the previous bytes when an upsert fails at commit', async () => {
		await box().upload('keep.txt', 'original');
		const { error } = await box().upload('keep.txt', '13 bytes here', { upsert: true });
		expect(error).not.toBeNull();
		expect(await readFile(join(dir, 'box/keep.txt'), 'utf8')).toBe('original');
		const update = await box().update('keep.txt', 'thirteen byte');
		expect(update.error).not.toBeNull();
		expect(await readFile(join(dir, 'box/keep.txt'), 'utf8')).toBe('original');
		expect(await listFiles(dir)).toEqual(['box/keep.txt']);
	});

	it('moves the file back when a move fails at commit', async () => {
		await box().upload('src/move-me.txt', 'moving');
		const { error } = await box().move('src/move-me.txt', 'dst/doomed.txt');
		expect(error).not.toBeNull();
		expect(await readFile(join(dir, 'box/src/move-me.txt'), 'utf8')).toBe('moving');
		expect(await exists(join(dir, 'box/dst'))).toBe(false);
		expect(await rowNames()).toEqual(['keep.txt', 'src/move-me.txt']);
	});

	it('removes the copied file when a copy fails at commit', async () => {
		const { error } = await box().copy('keep.txt', 'copies/doomed.txt');
		expect(error).not.toBeNull();
		expect(await exists(join(dir, 'box/copies/doomed.txt'))).toBe(false);
	});

	it('keeps the file when a delete fails at commit', async () => {
		await box().upload('undeletable.txt', 'still here');
		const { error } = await box().remove(['undeletable.txt']);
		expect(error).not.toBeNull();
		expect(await readFile(join(dir, 'box/undeletable.txt'), 'utf8')).toBe('still here');
		expect(await rowNames()).toContain('undeletable.txt');
	});

	it('leaves no temp or backup files behind', async () => {
		expect((await listFiles(dir)).filter((f) => f.startsWith('.tmp/'))).toEqual([]);
	});
});
