/**
 * Embedded resources through foreign keys: to-one objects, to-many arrays,
 * one-to-one, many-to-many, hints, !inner, embedded filters/order/limit,
 * and the ambiguity / missing-relationship errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../../support/stack';
import { expectError, setupSchema } from './helpers';

describe('REST embedding', () => {
	let t: TestStack;
	let db: SupabaseClient;
	beforeAll(async () => {
		t = await startTestStack();
		await setupSchema(
			t,
			`create table authors (id int primary key, name text not null);
			create table profiles (author_id int primary key references authors, bio text);
			create table books (
				id int primary key,
				title text not null,
				author_id int not null constraint books_author_fk references authors,
				editor_id int constraint books_editor_fk references authors,
				year int
			);
			create table reviews (id int primary key, book_id int not null references books, stars int not null);
			create table tags (id int primary key, name text not null);
			create table book_tags (book_id int references books, tag_id int references tags, primary key (book_id, tag_id));
			create table categories (id int primary key, name text, parent_id int references categories);
			create table loners (id int primary key);
			create view book_titles as select id, title, author_id from books;

			insert into authors values (1, 'Ann'), (2, 'Bob'), (3, 'Cy');
			insert into profiles values (1, 'Ann writes');
			insert into books values
				(10, 'Alpha', 1, 2, 2001), (11, 'Beta', 1, null, 2005), (12, 'Gamma', 2, 1, 1999);
			insert into reviews values (100, 10, 5), (101, 10, 3), (102, 12, 1);
			insert into tags values (1, 'fiction'), (2, 'classic');
			insert into book_tags values (10, 1), (10, 2), (12, 2);
			insert into categories values (1, 'root', null), (2, 'child', 1);`
		);
		db = t.service();
	});
	afterAll(async () => t?.close());

	it('embeds a to-one relationship as an object (or null)', async () => {
		const { data, error } = await db.from('reviews').select('id, books(title)').order('id');
		expect(error).toBeNull();
		expect(data).toEqual([
			{ id: 100, books: { title: 'Alpha' } },
			{ id: 101, books: { title: 'Alpha' } },
			{ id: 102, books: { title: 'Gamma' } }
		]);
		const editors = await db.from('books').select('title, editor:authors!books_editor_fk(name)').order('id');
		expect(editors.data).toEqual([
			{ title: 'Alpha', editor: { name: 'Bob' } },
			{ title: 'Beta', editor: null },
			{ title: 'Gamma', editor: { name: 'Ann' } }
		]);
	});

	it('embeds a to-many relationship as an array (empty when none)', async () => {
		const { data } = await db.from('books').select('id, reviews(stars)').order('id').order('id', { referencedTable: 'reviews' });
		expect(data).toEqual([
			{ id: 10, reviews: [{ stars: 5 }, { stars: 3 }] },
			{ id: 11, reviews: [] },
			{ id: 12, reviews: [{ stars: 1 }] }
		]);
	});

	it('embeds one-to-one (unique FK) as an object', async () => {
		const { data } = await db.from('authors').select('name, profiles(bio)').order('id');
		expect(data).toEqual([
			{ name: 'Ann', profiles: { bio: 'Ann writes' } },
			{ name: 'Bob', profiles: null },
			{ name: 'Cy', profiles: null }
		]);
	});

	it('embeds many-to-many through a junction table', async () => {
		const { data } = await db.from('books').select('title, tags(name)').order('id').order('name', { referencedTable: 'tags' });
		expect(data).toEqual([
			{ title: 'Alpha', tags: [{ name: 'classic' }, { name: 'fiction' }] },
			{ title: 'Beta', tags: [] },
			{ title: 'Gamma', tags: [{ name: 'classic' }] }
		]);
	});

	it('disambiguates with rel!fk_column and a bare FK column name', async () => {
		const byColumn = await db.from('books').select('title, writer:authors!author_id(name)').eq('id', 12);
		expect(byColumn.data).toEqual([{ title: 'Gamma', writer: { name: 'Bob' } }]);
		const bare = await db.from('books').select('title, author_id(name)').eq('id', 10);
		expect(bare.data).toEqual([{ title: 'Alpha', author_id: { name: 'Ann' } }]);
		const reverse = await db.from('authors').select('name, written:books!books_author_fk(title)').eq('id', 2);
		expect(reverse.data).toEqual([{ name: 'Bob', written: [{ title: 'Gamma' }] }]);
	});

	it('nests embeds', async () => {
		const { data } = await db
			.from('authors')
			.select('name, books!author_id(title, reviews(stars))')
			.eq('id', 1)
			.order('id', { referencedTable: 'books' })
			.order('stars', { referencedTable: 'books.reviews', ascending: false });
		expect(data).toEqual([
			{ name: 'Ann', books: [{ title: 'Alpha', reviews: [{ stars: 5 }, { stars: 3 }] }, { title: 'Beta', reviews: [] }] }
		]);
	});

	it('filters embedded rows only, keeping every parent', async () => {
		const { data } = await db.from('books').select('id, reviews(stars)').eq('reviews.stars', 5).order('id');
		expect(data).toEqual([
			{ id: 10, reviews: [{ stars: 5 }] },
			{ id: 11, reviews: [] },
			{ id: 12, reviews: [] }
		]);
	});

	it('!inner drops parents without matching embedded rows', async () => {
		const { data } = await db.from('books').select('id, reviews!inner(stars)').lte('reviews.stars', 3).order('id');
		expect(data).toEqual([
			{ id: 10, reviews: [{ stars: 3 }] },
			{ id: 12, reviews: [{ stars: 1 }] }
		]);
		const counted = await db.from('books').select('id, reviews!inner(stars)', { count: 'exact' }).eq('reviews.stars', 5);
		expect(counted.count).toBe(1);
	});

	it('combines a hint with !inner on a to-one embed', async () => {
		const { data } = await db.from('books').select('title, editor:authors!editor_id!inner(name)').eq('editor.name', 'Ann');
		expect(data).toEqual([{ title: 'Gamma', editor: { name: 'Ann' } }]);
	});

	it('reads and filters views like tables', async () => {
		const { data } = await db.from('book_titles').select('title').eq('author_id', 1).order('title', { ascending: false });
		expect(data).toEqual([{ title: 'Beta' }, { title: 'Alpha' }]);
	});

	it('rel=not.is.null and rel=is.null filter parents by the embed', async () => {
		const withReviews = await db.from('books').select('id, reviews()').not('reviews', 'is', null).order('id');
		expect(withReviews.data).toEqual([{ id: 10 }, { id: 12 }]); // an empty embed is left out of the output
		const without = await db.from('books').select('id, reviews(id)').is('reviews', null);
		expect(without.data).toEqual([{ id: 11, reviews: [] }]);
	});

	it('or=(…) can test embeds for null across resources', async () => {
		const { data } = await db
			.from('books')
			.select('id, reviews(), tags()')
			.eq('reviews.stars', 1)
			.eq('tags.name', 'fiction')
			.or('reviews.not.is.null,tags.not.is.null')
			.order('id');
		expect(data).toEqual([{ id: 10 }, { id: 12 }]);
	});

	it('only (not.)is.null may filter an embed itself (PGRST120)', async () => {
		expectError(await db.from('books').select('id, reviews(stars)').eq('reviews', 5), 400, 'PGRST120');
	});

	it('orders, limits and or-filters embedded rows', async () => {
		const { data } = await db
			.from('books')
			.select('id, reviews(stars)')
			.eq('id', 10)
			.order('stars', { referencedTable: 'reviews', ascending: true })
			.limit(1, { referencedTable: 'reviews' });
		expect(data).toEqual([{ id: 10, reviews: [{ stars: 3 }] }]);
		const ored = await db.from('books').select('id, reviews(stars)').eq('id', 10).or('stars.eq.5,stars.eq.1', { referencedTable: 'reviews' });
		expect(ored.data).toEqual([{ id: 10, reviews: [{ stars: 5 }] }]);
	});

	it('an ambiguous embed is 300 PGRST201 with the candidates in details', async () => {
		const res = await db.from('books').select('title, authors(name)');
		const error = expectError(res, 300, 'PGRST201');
		expect(error.details).toHaveLength(2);
		expect(error.hint).toContain("'authors!books_author_fk'");
		expect(error.hint).toContain("'authors!books_editor_fk'");
	});

	it('a self-referencing table is ambiguous without a computed relationship (300)', async () => {
		expectError(await db.from('categories').select('name, categories(name)'), 300, 'PGRST201');
	});

	it('no relationship is 400 PGRST200', async () => {
		const error = expectError(await db.from('books').select('title, loners(id)'), 400, 'PGRST200');
		expect(error.message).toBe("Could not find a relationship between 'books' and 'loners' in the schema cache");
	});

	it('embedding through a view is refused as PGRST200 naming views', async () => {
		const error = expectError(await db.from('book_titles').select('title, authors(name)'), 400, 'PGRST200');
		expect(String(error.hint)).toMatch(/views/);
	});

	it('a filter on an embed that is not selected is 400 PGRST108', async () => {
		expectError(await db.from('books').select('id').eq('reviews.stars', 5), 400, 'PGRST108');
	});

	it('an unknown column inside an embed is 400 42703', async () => {
		expectError(await db.from('books').select('id, reviews(nope)'), 400, '42703');
	});

	it('spread embeds are refused by name (400 PGRST127)', async () => {
		const error = expectError(await db.from('books').select('title, ...authors!author_id(name)'), 400, 'PGRST127');
		expect(error.message).toMatch(/spread/i);
	});
});
