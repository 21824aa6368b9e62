/**
 * GET /rest/v1/<table> through supabase-js: select forms, filters, logic
 * trees, ordering, ranges and counts, HEAD, singular responses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../../support/stack';
import { expectError, rawFetch, setupSchema } from './helpers';

describe('REST reads', () => {
	let t: TestStack;
	let db: SupabaseClient;
	beforeAll(async () => {
		t = await startTestStack();
		await setupSchema(
			t,
			`create table countries (
				id int primary key,
				name text not null,
				code text,
				population bigint,
				tags text[] not null default '{}',
				info jsonb,
				founded date,
				active boolean,
				"Local Name" text
			);
			insert into countries values
				(1, 'France', 'FR', 68000000, '{europe,euro}', '{"capital":"Paris","geo":{"lat":46}}', '0843-08-10', true, 'République française'),
				(2, 'Spain', 'ES', 48000000, '{europe,euro}', '{"capital":"Madrid","geo":{"lat":40}}', '1479-01-20', true, 'España'),
				(3, 'Bosnia, Herzegovina', 'BA', 3200000, '{europe}', '{"capital":"Sarajevo"}', null, false, null),
				(4, 'Japan', 'JP', 124000000, '{asia}', null, null, null, '日本'),
				(5, 'A+B (test)', null, null, '{}', '{"capital":"x y"}', null, false, null);
			-- A column that fails whenever it is computed: a HEAD must count rows without building them.
			create function row_json_was_built(id int) returns text language plpgsql stable as
				$$ begin raise exception 'row % was turned into JSON', id; end $$;
			create view countries_unbuildable as select id, active, row_json_was_built(id) as costly from countries;
			grant select on countries_unbuildable to service_role;`
		);
		db = t.service();
	});
	afterAll(async () => t?.close());

	const ids = (data: unknown) => (data as { id: number }[]).map((r) => r.id);

	describe('select', () => {
		it('returns only the listed columns', async () => {
			const { data, error } = await db.from('countries').select('id, name').eq('id', 1);
			expect(error).toBeNull();
			expect(data).toEqual([{ id: 1, name: 'France' }]);
		});

		it('returns every column for *', async () => {
			const { data } = await db.from('countries').select('*').eq('id', 4);
			expect(Object.keys(data![0]!).sort()).toEqual(
				['Local Name', 'active', 'code', 'founded', 'id', 'info', 'name', 'population', 'tags'].sort()
			);
			expect(data![0]).toMatchObject({ tags: ['asia'], info: null, population: 124000000 });
		});

		it('renames with alias:col', async () => {
			const { data } = await db.from('countries').select('key:id, label:name').eq('id', 2);
			expect(data).toEqual([{ key: 2, label: 'Spain' }]);
		});

		it('casts with col::type', async () => {
			const { data } = await db.from('countries').select('id, population::text, pop:population::text').eq('id', 1);
			expect(data).toEqual([{ id: 1, population: '68000000', pop: '68000000' }]);
		});

		it('follows JSON paths with -> and ->>, naming the output after the last key', async () => {
			const { data } = await db.from('countries').select('id, info->capital, info->>capital, lat:info->geo->>lat').eq('id', 1);
			// both capital keys collapse to one JSON key; ->> gives text, -> keeps JSON
			expect(data![0]).toMatchObject({ id: 1, capital: 'Paris', lat: '46' });
			const { data: json } = await db.from('countries').select('geo:info->geo').eq('id', 1);
			expect(json).toEqual([{ geo: { lat: 46 } }]);
		});

		it('accepts quoted column names with spaces', async () => {
			const { data } = await db.from('countries').select('id, "Local Name"').eq('id', 2);
			expect(data).toEqual([{ id: 2, 'Local Name': 'España' }]);
		});

		it('rejects an unknown column with 400 42703', async () => {
			const res = await db.from('countries').select('id, nope');
			const error = expectError(res, 400, '42703');
			expect(error.message).toContain('nope');
		});

		it('rejects malformed select with 400 PGRST100', async () => {
			const res = await db.from('countries').select('id,(name');
			expectError(res, 400, 'PGRST100');
		});

		it('refuses aggregates by name (PGRST123)', async () => {
			const res = await db.from('countries').select('population.sum()');
			const error = expectError(res, 400, 'PGRST123');
			expect(error.message).toMatch(/aggregate/i);
		});
	});

	describe('filters', () => {
		it('eq, neq, gt, gte, lt, lte', async () => {
			expect(ids((await db.from('countries').select('id').eq('code', 'ES')).data)).toEqual([2]);
			expect(ids((await db.from('countries').select('id').neq('code', 'ES').order('id')).data)).toEqual([1, 3, 4]);
			expect(ids((await db.from('countries').select('id').gt('population', 68000000)).data)).toEqual([4]);
			expect(ids((await db.from('countries').select('id').gte('population', 68000000).order('id')).data)).toEqual([1, 4]);
			expect(ids((await db.from('countries').select('id').lt('population', 48000000)).data)).toEqual([3]);
			expect(ids((await db.from('countries').select('id').lte('population', 48000000).order('id')).data)).toEqual([2, 3]);
		});

		it('compares dates and booleans with the column type', async () => {
			expect(ids((await db.from('countries').select('id').gt('founded', '1000-01-01')).data)).toEqual([2]);
			expect(ids((await db.from('countries').select('id').eq('active', false).order('id')).data)).toEqual([3, 5]);
			expect(ids((await db.from('countries').select('id').eq('active', true).order('id')).data)).toEqual([1, 2]);
		});

		it('like and ilike, with * as %', async () => {
			expect(ids((await db.from('countries').select('id').like('name', '%pa%')).data)).toEqual([2, 4]);
			expect(ids((await db.from('countries').select('id').like('name', '*an')).data)).toEqual([4]);
			expect(ids((await db.from('countries').select('id').ilike('name', 'FR*')).data)).toEqual([1]);
		});

		it('is null / true / false and not.is.null', async () => {
			expect(ids((await db.from('countries').select('id').is('active', null)).data)).toEqual([4]);
			expect(ids((await db.from('countries').select('id').is('active', true).order('id')).data)).toEqual([1, 2]);
			expect(ids((await db.from('countries').select('id').is('active', false).order('id')).data)).toEqual([3, 5]);
			expect(ids((await db.from('countries').select('id').not('founded', 'is', null).order('id')).data)).toEqual([1, 2]);
		});

		it('rejects is with another value (PGRST100)', async () => {
			expectError(await db.from('countries').select('id').filter('active', 'is', 'maybe'), 400, 'PGRST100');
		});

		it('in with numbers and with quoted values holding commas and parentheses', async () => {
			expect(ids((await db.from('countries').select('id').in('id', [4, 2, 99]).order('id')).data)).toEqual([2, 4]);
			const names = ['Bosnia, Herzegovina', 'A+B (test)', 'Japan'];
			expect(ids((await db.from('countries').select('id').in('name', names).order('id')).data)).toEqual([3, 4, 5]);
			expect(ids((await db.from('countries').select('id').notIn('id', [1, 2, 3]).order('id')).data)).toEqual([4, 5]);
			expect((await db.from('countries').select('id').in('id', [])).data).toEqual([]);
		});

		it('cs, cd and ov on arrays, cs on jsonb', async () => {
			expect(ids((await db.from('countries').select('id').contains('tags', ['euro']).order('id')).data)).toEqual([1, 2]);
			expect(ids((await db.from('countries').select('id').containedBy('tags', ['europe', 'asia']).order('id')).data)).toEqual([3, 4, 5]);
			expect(ids((await db.from('countries').select('id').overlaps('tags', ['asia', 'euro']).order('id')).data)).toEqual([1, 2, 4]);
			expect(ids((await db.from('countries').select('id').contains('info', { geo: { lat: 40 } })).data)).toEqual([2]);
		});

		it('not.<op> negates', async () => {
			expect(ids((await db.from('countries').select('id').not('id', 'in', '(1,2,3)').order('id')).data)).toEqual([4, 5]);
			expect(ids((await db.from('countries').select('id').not('name', 'like', '*a*').order('id')).data)).toEqual([5]);
		});

		it('ANDs several filters on the same column', async () => {
			const { data } = await db.from('countries').select('id').gte('id', 2).lte('id', 3).order('id');
			expect(ids(data)).toEqual([2, 3]);
		});

		it('filters on JSON paths', async () => {
			expect(ids((await db.from('countries').select('id').eq('info->>capital', 'Madrid')).data)).toEqual([2]);
			expect(ids((await db.from('countries').select('id').eq('info->geo->lat', 46)).data)).toEqual([1]);
		});

		it('decodes form encoding (spaces, plus signs) in values', async () => {
			expect(ids((await db.from('countries').select('id').eq('name', 'A+B (test)')).data)).toEqual([5]);
			expect(ids((await db.from('countries').select('id').eq('info->>capital', 'x y')).data)).toEqual([5]);
		});

		it('takes a top-level value verbatim, commas included', async () => {
			expect(ids((await db.from('countries').select('id').eq('name', 'Bosnia, Herzegovina')).data)).toEqual([3]);
		});

		it('or=(…) with nested and(…) and not.and(…)', async () => {
			expect(ids((await db.from('countries').select('id').or('code.eq.FR,code.eq.JP').order('id')).data)).toEqual([1, 4]);
			const nested = await db.from('countries').select('id').or('id.eq.5,and(population.gt.40000000,active.is.true)').order('id');
			expect(ids(nested.data)).toEqual([1, 2, 5]);
			const negated = await db.from('countries').select('id').or('id.eq.1,not.and(id.gte.2,id.lte.4)').order('id');
			expect(ids(negated.data)).toEqual([1, 5]);
		});

		it('or=(…) tolerates spaces after commas', async () => {
			expect(ids((await db.from('countries').select('id').or('code.eq.FR, code.eq.ES').order('id')).data)).toEqual([1, 2]);
		});

		it('filters on a column whose name has a space', async () => {
			expect(ids((await db.from('countries').select('id').eq('Local Name', 'España')).data)).toEqual([2]);
		});

		it('or=(…) with quoted values and in lists inside', async () => {
			const { data } = await db.from('countries').select('id').or('name.eq."Bosnia, Herzegovina",id.in.(4,5)').order('id');
			expect(ids(data)).toEqual([3, 4, 5]);
		});

		it('and=(…) and not.or=(…) parameters', async () => {
			// supabase-js has no method for these keys; add them to the builder's URL.
			const urlOf = (builder: object) => (builder as { url: URL }).url;
			const q = db.from('countries').select('id').order('id');
			urlOf(q).searchParams.append('and', '(id.gt.1,id.lt.4)');
			expect(ids((await q).data)).toEqual([2, 3]);
			const n = db.from('countries').select('id').order('id');
			urlOf(n).searchParams.append('not.or', '(id.eq.1,id.eq.2)');
			expect(ids((await n).data)).toEqual([3, 4, 5]);
		});

		it('rejects an unknown filter column with 400 42703', async () => {
			const error = expectError(await db.from('countries').select('id').eq('nope', 1), 400, '42703');
			expect(error.message).toContain('nope');
		});

		it('rejects bad filter syntax with 400 PGRST100', async () => {
			expectError(await db.from('countries').select('id').filter('id', 'equals', 1), 400, 'PGRST100');
			expectError(await db.from('countries').select('id').or('id.eq.1,name'), 400, 'PGRST100');
		});

		it('reports a value of the wrong type as 400 22P02', async () => {
			expectError(await db.from('countries').select('id').eq('id', 'abc'), 400, '22P02');
		});
	});

	describe('order, limit, range, count', () => {
		it('orders asc/desc, by several columns, with nullsfirst/nullslast', async () => {
			expect(ids((await db.from('countries').select('id').order('population', { ascending: false, nullsFirst: false })).data)).toEqual([4, 1, 2, 3, 5]);
			expect(ids((await db.from('countries').select('id').order('population', { ascending: true, nullsFirst: true })).data)).toEqual([5, 3, 2, 1, 4]);
			const multi = await db.from('countries').select('id').order('active', { ascending: true, nullsFirst: true }).order('id', { ascending: false });
			expect(ids(multi.data)).toEqual([4, 5, 3, 2, 1]);
		});

		it('limit and range (offset)', async () => {
			expect(ids((await db.from('countries').select('id').order('id').limit(2)).data)).toEqual([1, 2]);
			expect(ids((await db.from('countries').select('id').order('id').range(1, 3)).data)).toEqual([2, 3, 4]);
		});

		it('count=exact gives the total and 206 for a partial page', async () => {
			const res = await db.from('countries').select('id', { count: 'exact' }).order('id').range(0, 1);
			expect(res.count).toBe(5);
			expect(res.status).toBe(206);
			expect(ids(res.data)).toEqual([1, 2]);
			const all = await db.from('countries').select('id', { count: 'exact' });
			expect(all.status).toBe(200);
			expect(all.count).toBe(5);
		});

		it('pages of every size and offset, each its own statement, and a count too large to be exact refused', async () => {
			// LIMIT and OFFSET are written into the statement (build-expr.ts): each page size is planned for itself.
			for (let round = 0; round < 2; round++) {
				for (const [offset, limit, expected] of [[0, 1, [1]], [0, 3, [1, 2, 3]], [2, 2, [3, 4]], [4, 5, [5]], [0, 0, []]] as const) {
					const page = await db.from('countries').select('id').order('id').range(offset, offset + limit - 1).limit(limit);
					expect(ids(page.data), `offset ${offset}, limit ${limit}`).toEqual(expected);
				}
			}
			const huge = await rawFetch(t, '/countries?select=id&limit=99999999999999999999');
			expect(huge.status).toBe(400);
			expect((await huge.json()) as { code: string }).toMatchObject({ code: expect.any(String) });
		});

		it('count=planned and estimated fall back to an exact count', async () => {
			expect((await db.from('countries').select('id', { count: 'planned' }).eq('active', true)).count).toBe(2);
			expect((await db.from('countries').select('id', { count: 'estimated' }).eq('active', true)).count).toBe(2);
		});

		it('sends Content-Range on every read', async () => {
			const page = await rawFetch(t, '/countries?select=id&order=id&offset=1&limit=2');
			expect(page.headers.get('content-range')).toBe('1-2/*');
			const counted = await rawFetch(t, '/countries?select=id&limit=2', { headers: { prefer: 'count=exact' } });
			expect(counted.headers.get('content-range')).toBe('0-1/5');
			const empty = await rawFetch(t, '/countries?select=id&id=eq.99', { headers: { prefer: 'count=exact' } });
			expect(empty.headers.get('content-range')).toBe('*/0');
			expect(empty.status).toBe(200);
		});

		it('honours Range / Range-Unit request headers', async () => {
			const res = await rawFetch(t, '/countries?select=id&order=id', {
				headers: { range: '1-2', 'range-unit': 'items', prefer: 'count=exact' }
			});
			expect(res.status).toBe(206);
			expect(res.headers.get('content-range')).toBe('1-2/5');
			expect(await res.json()).toEqual([{ id: 2 }, { id: 3 }]);
		});

		it('HEAD returns the count without a body', async () => {
			const res = await db.from('countries').select('*', { count: 'exact', head: true }).eq('active', false);
			expect(res.error).toBeNull();
			expect(res.data).toBeNull();
			expect(res.count).toBe(2);
		});

		it('HEAD counts without building any row (PostgREST sends no body for HEAD)', async () => {
			const built = await db.from('countries_unbuildable').select('*').eq('active', false);
			expect(built.error?.message).toContain('was turned into JSON');
			const head = await db.from('countries_unbuildable').select('*', { count: 'exact', head: true }).eq('active', false);
			expect(head.error).toBeNull();
			expect(head.count).toBe(2);
		});

		it('HEAD with a range reports the page and the total in Content-Range', async () => {
			const res = await rawFetch(t, '/countries_unbuildable?select=*&order=id', {
				method: 'HEAD',
				headers: { Prefer: 'count=exact', Range: '1-2', apikey: t.serviceRoleKey, authorization: `Bearer ${t.serviceRoleKey}` }
			});
			expect(res.status).toBe(206);
			expect(res.headers.get('content-range')).toBe('1-2/5');
			expect(await res.text()).toBe('');
		});

		it('an offset past the total is 416 PGRST103', async () => {
			const res = await db.from('countries').select('id', { count: 'exact' }).range(10, 12);
			const error = expectError(res, 416, 'PGRST103');
			expect(error.details).toBe('An offset of 10 was requested, but there are only 5 rows.');
		});

		it('rejects order by an unknown column with 400 42703', async () => {
			expectError(await db.from('countries').select('id').order('nope'), 400, '42703');
		});
	});

	describe('singular responses and media types', () => {
		it('single() returns the object when exactly one row matches', async () => {
			const { data, error, status } = await db.from('countries').select('id, name').eq('id', 3).single();
			expect(error).toBeNull();
			expect(status).toBe(200);
			expect(data).toEqual({ id: 3, name: 'Bosnia, Herzegovina' });
		});

		it('single() with no row is 406 PGRST116 "The result contains 0 rows"', async () => {
			const error = expectError(await db.from('countries').select('id').eq('id', 99).single(), 406, 'PGRST116');
			expect(error.message).toBe('Cannot coerce the result to a single JSON object');
			expect(error.details).toBe('The result contains 0 rows');
		});

		it('single() with several rows is 406 PGRST116', async () => {
			const error = expectError(await db.from('countries').select('id').eq('active', true).single(), 406, 'PGRST116');
			expect(error.details).toBe('The result contains 2 rows');
		});

		it('maybeSingle() gives null for no row and the object for one', async () => {
			expect((await db.from('countries').select('id').eq('id', 99).maybeSingle()).data).toBeNull();
			expect((await db.from('countries').select('id').eq('id', 1).maybeSingle()).data).toEqual({ id: 1 });
		});

		it('stripNulls() drops null fields', async () => {
			const { data } = await db.from('countries').select('id, code, founded').eq('id', 4).stripNulls();
			expect(data).toEqual([{ id: 4, code: 'JP' }]);
		});

		it('an unexposed schema is 406 PGRST106', async () => {
			const error = expectError(await db.schema('auth').from('users').select('*'), 406, 'PGRST106');
			expect(error.message).toContain('auth');
		});

		it('an unknown table is 404 PGRST205', async () => {
			const error = expectError(await db.from('countrys').select('*'), 404, 'PGRST205');
			expect(error.message).toBe("Could not find the table 'public.countrys' in the schema cache");
			expect(error.hint).toContain('countries');
		});

		it('sees tables created after a schema reload', async () => {
			await t.sql`create table late_table (id int primary key)`;
			expectError(await db.from('late_table').select('*'), 404, 'PGRST205');
			await t.stack.reloadSchema();
			expect((await db.from('late_table').select('*')).data).toEqual([]);
		});
	});
});
