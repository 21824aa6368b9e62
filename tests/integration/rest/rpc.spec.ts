/**
 * /rest/v1/rpc/<fn> through supabase-js: named arguments by POST and GET,
 * scalar / composite / set-returning / void results, READ ONLY rules,
 * overload resolution and RAISE-driven errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../../support/stack';
import { expectError, rawFetch, setupSchema } from './helpers';

describe('REST rpc', () => {
	let t: TestStack;
	let db: SupabaseClient;
	beforeAll(async () => {
		t = await startTestStack();
		await setupSchema(
			t,
			`create table shelves (id int primary key, label text);
			create table items (id int primary key, name text not null, qty int not null, shelf_id int references shelves);
			create table counters (id int primary key, n int not null);
			insert into shelves values (1, 'top'), (2, 'bottom');
			insert into items values (1, 'apple', 5, 1), (2, 'pear', 0, 1), (3, 'plum', 12, 2), (4, 'kiwi', 7, null);
			insert into counters values (1, 0);

			create function add(a int, b int) returns int language sql immutable as 'select a + b';
			create function greet(name text default 'world') returns text language sql immutable as $$ select 'hello ' || name $$;
			create function items_over(min_qty int) returns setof items language sql stable as 'select * from items where qty > min_qty';
			create function item_totals() returns table (item text, doubled int) language sql stable as 'select name, qty * 2 from items order by id';
			create function one_item(item_id int) returns items language sql stable as 'select * from items where id = item_id';
			create function series(n int) returns setof int language sql immutable as 'select generate_series(1, n)';
			create function bump(by_n int default 1) returns int language sql volatile as
				'update counters set n = n + by_n where id = 1 returning n';
			create function tx_read_only_stable() returns text language sql stable as $$ select current_setting('transaction_read_only') $$;
			create function tx_read_only_volatile() returns text language sql volatile as $$ select current_setting('transaction_read_only') $$;
			create function noop() returns void language sql as 'select';
			create function fail(msg text) returns void language plpgsql as $$ begin raise exception '%', msg using hint = 'try again'; end $$;
			create function pay_up() returns void language plpgsql as $$ begin raise sqlstate 'PT402' using message = 'Payment required'; end $$;
			create function teapot() returns void language plpgsql as $$ begin
				raise sqlstate 'PGRST' using message = '{"code":"T001","message":"short and stout","hint":"tip me over"}',
					detail = '{"status":418,"headers":{"X-Brew":"earl grey"}}';
			end $$;
			create function echo_json(payload jsonb) returns jsonb language sql immutable as 'select payload';
			create function sum_array(xs int[]) returns int language sql immutable as 'select sum(x)::int from unnest(xs) x';
			create function whole_body(jsonb) returns text language sql immutable as $$ select $1->>'anything' $$;
			create function over(a int) returns text language sql immutable as $$ select 'int' $$;
			create function over(a text) returns text language sql immutable as $$ select 'text' $$;
			create function secret() returns int language sql as 'select 42';
			revoke execute on function secret() from public, anon;`
		);
		db = t.service();
	});
	afterAll(async () => t?.close());

	it('calls with named arguments by POST and returns the scalar', async () => {
		const { data, error, status } = await db.rpc('add', { a: 2, b: 40 });
		expect(error).toBeNull();
		expect(status).toBe(200);
		expect(data).toBe(42);
	});

	it('calls with GET and query arguments', async () => {
		expect((await db.rpc('add', { a: 1, b: 2 }, { get: true })).data).toBe(3);
		expect((await db.rpc('greet', { name: 'you & me' }, { get: true })).data).toBe('hello you & me');
	});

	it('leaves defaulted arguments out', async () => {
		expect((await db.rpc('greet')).data).toBe('hello world');
	});

	it('passes arrays and JSON objects as arguments', async () => {
		expect((await db.rpc('sum_array', { xs: [1, 2, 3] })).data).toBe(6);
		expect((await db.rpc('sum_array', { xs: [4, 5] }, { get: true })).data).toBe(9);
		expect((await db.rpc('echo_json', { payload: { a: [1, { b: null }] } })).data).toEqual({ a: [1, { b: null }] });
	});

	it('hands the whole body to a single unnamed jsonb parameter', async () => {
		expect((await db.rpc('whole_body', { anything: 'goes' })).data).toBe('goes');
	});

	it('set-returning functions accept select, filters, order, limit and embeds', async () => {
		const { data } = await db.rpc('items_over', { min_qty: 0 }).select('name, shelves(label)').lt('qty', 10).order('name').limit(5);
		expect(data).toEqual([
			{ name: 'apple', shelves: { label: 'top' } },
			{ name: 'kiwi', shelves: null }
		]);
	});

	it('set-returning functions support count, range and single()', async () => {
		const counted = await db.rpc('items_over', { min_qty: 0 }, { count: 'exact' }).select('id').order('id').range(0, 0);
		expect(counted.count).toBe(3);
		expect(counted.data).toEqual([{ id: 1 }]);
		const head = await db.rpc('items_over', { min_qty: 0 }, { head: true, count: 'exact' });
		expect(head.data).toBeNull();
		expect(head.count).toBe(3);
		expect((await db.rpc('items_over', { min_qty: 10 }).select('name').single()).data).toEqual({ name: 'plum' });
		expectError(await db.rpc('items_over', { min_qty: 0 }).single(), 406, 'PGRST116');
	});

	it('RETURNS TABLE functions return rows of their OUT columns', async () => {
		const { data } = await db.rpc('item_totals').gte('doubled', 10);
		expect(data).toEqual([{ item: 'apple', doubled: 10 }, { item: 'plum', doubled: 24 }, { item: 'kiwi', doubled: 14 }]);
	});

	it('a function returning one composite answers with an object', async () => {
		const { data } = await db.rpc('one_item', { item_id: 3 });
		expect(data).toEqual({ id: 3, name: 'plum', qty: 12, shelf_id: 2 });
	});

	it('setof scalar returns an array of values, filterable by the function name', async () => {
		expect((await db.rpc('series', { n: 3 })).data).toEqual([1, 2, 3]);
		expect((await db.rpc('series', { n: 5 }).gt('series', 3)).data).toEqual([4, 5]);
	});

	it('void functions answer 204 with no data', async () => {
		const res = await db.rpc('noop');
		expect(res.error).toBeNull();
		expect(res.status).toBe(204);
		expect(res.data).toBeNull();
	});

	it('a VOLATILE function may write when called by POST', async () => {
		expect((await db.rpc('bump', { by_n: 2 })).data).toBe(2);
		expect((await t.sql`select n from counters`)[0]!.n).toBe(2);
	});

	it('GET runs READ ONLY: a write is 405 25006 and nothing changes', async () => {
		expectError(await db.rpc('bump', { by_n: 5 }, { get: true }), 405, '25006');
		expect((await t.sql`select n from counters`)[0]!.n).toBe(2);
	});

	it('STABLE functions run READ ONLY even by POST; VOLATILE ones READ WRITE', async () => {
		expect((await db.rpc('tx_read_only_stable')).data).toBe('on');
		expect((await db.rpc('tx_read_only_volatile')).data).toBe('off');
		expect((await db.rpc('tx_read_only_volatile', {}, { get: true })).data).toBe('on');
	});

	it('RAISE EXCEPTION is 400 P0001 with message and hint', async () => {
		const error = expectError(await db.rpc('fail', { msg: 'nope, not today' }), 400, 'P0001');
		expect(error.message).toBe('nope, not today');
		expect(error.hint).toBe('try again');
	});

	it("RAISE sqlstate 'PTxyz' sets the HTTP status", async () => {
		const error = expectError(await db.rpc('pay_up'), 402, 'PT402');
		expect(error.message).toBe('Payment required');
	});

	it("RAISE sqlstate 'PGRST' sets code, message, status and headers", async () => {
		const res = await rawFetch(t, '/rpc/teapot', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(res.status).toBe(418);
		expect(res.headers.get('x-brew')).toBe('earl grey');
		expect(await res.json()).toEqual({ code: 'T001', message: 'short and stout', details: null, hint: 'tip me over' });
	});

	it('an unknown function is 404 PGRST202', async () => {
		const error = expectError(await db.rpc('nope', { x: 1 }), 404, 'PGRST202');
		expect(error.message).toBe('Could not find the function public.nope(x) in the schema cache');
	});

	it('unknown argument names are 404 PGRST202', async () => {
		expectError(await db.rpc('add', { a: 1, c: 2 }), 404, 'PGRST202');
	});

	it('an ambiguous overload is 300 PGRST203', async () => {
		expectError(await db.rpc('over', { a: 1 }), 300, 'PGRST203');
	});

	it('methods other than GET/POST are 405 PGRST101', async () => {
		const res = await rawFetch(t, '/rpc/add', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"a":1,"b":2}' });
		expect(res.status).toBe(405);
		expect((await res.json()).code).toBe('PGRST101');
	});

	it('EXECUTE privilege is enforced: anon gets 401 42501', async () => {
		const res = await t.anon().rpc('secret');
		expectError(res, 401, '42501');
		expect((await db.rpc('secret')).data).toBe(42);
	});
});
