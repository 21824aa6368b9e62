/**
 * Oversized request bodies to /rest/v1 answer 413 in PostgREST's error shape
 * and write nothing: over our own limit (DISCLOSE_REST_BODY_LIMIT, by the
 * declared Content-Length or counted while streaming) and over the server's
 * BODY_SIZE_LIMIT (here adapter-node's default of 512 KB, as with `node build`
 * run without it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/stack';
import { expectError, rawFetch, setupSchema } from './helpers';

const ADAPTER_DEFAULT = 512 * 1024;

describe('REST body limits', () => {
	let t: TestStack;
	const count = async () => ((await t.sql`select count(*)::int as n from notes`)[0]!.n as number);
	const note = (bytes: number) => ({ body: 'x'.repeat(bytes) });

	beforeAll(async () => {
		t = await startTestStack({ bodySizeLimit: ADAPTER_DEFAULT, bodyLimits: { rest: 256 * 1024 } });
		await setupSchema(
			t,
			`create table notes (id serial primary key, body text not null);
			create function add_note(body text) returns int language sql as $$ insert into notes (body) values (body) returning id $$;`
		);
	});
	afterAll(async () => t?.close());

	it('a 5 MB insert is 413 with the limit named, and nothing is written', async () => {
		const rows = Array.from({ length: 5 }, () => note(1024 * 1024));
		const error = expectError(await t.service().from('notes').insert(rows), 413, 'request_too_large');
		expect(error.message).toBe('Request body is larger than the limit of 262144 bytes');
		expect(error.hint).toMatch(/DISCLOSE_REST_BODY_LIMIT/);
		expect(await count()).toBe(0);
		// Under the limit the same client writes (the refused body did not spoil the connection).
		expect((await t.service().from('notes').insert(note(200 * 1024))).error).toBeNull();
		expect(await count()).toBe(1);
		await t.sql`truncate notes`;
	});

	it('an update and an rpc call over the limit are 413 too', async () => {
		await t.sql`insert into notes (body) values ('kept')`;
		expectError(await t.service().from('notes').update(note(300 * 1024)).eq('id', 1), 413, 'request_too_large');
		expectError(await t.service().rpc('add_note', note(300 * 1024)), 413, 'request_too_large');
		expect(await t.sql`select body from notes`).toEqual([{ body: 'kept' }]);
		await t.sql`truncate notes`;
	});

	it('a streamed body without Content-Length is counted and refused past the limit', async () => {
		const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
		let sent = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent === 0) controller.enqueue(new TextEncoder().encode(`{"body":"`));
				if (sent++ < 8) controller.enqueue(chunk);
				else {
					controller.enqueue(new TextEncoder().encode(`"}`));
					controller.close();
				}
			}
		});
		const res = await rawFetch(t, '/notes', {
			method: 'POST',
			headers: { 'content-type': 'application/json', apikey: t.serviceRoleKey, authorization: `Bearer ${t.serviceRoleKey}` },
			body,
			duplex: 'half'
		} as RequestInit);
		expect(res.status).toBe(413);
		expect(await res.json()).toEqual({
			code: 'request_too_large',
			message: 'Request body is larger than the limit of 262144 bytes',
			details: null,
			hint: expect.stringMatching(/DISCLOSE_REST_BODY_LIMIT/)
		});
		expect(await count()).toBe(0);
	});
});

describe('REST body over the server limit (adapter-node default BODY_SIZE_LIMIT)', () => {
	let t: TestStack;

	beforeAll(async () => {
		t = await startTestStack({ bodySizeLimit: ADAPTER_DEFAULT });
		await setupSchema(t, `create table notes (id serial primary key, body text not null);`);
	});
	afterAll(async () => t?.close());

	it('a 1 MB insert under our 4 MB limit but over BODY_SIZE_LIMIT is 413, not 500, and nothing is written', async () => {
		const error = expectError(await t.service().from('notes').insert({ body: 'x'.repeat(1024 * 1024) }), 413, 'request_too_large');
		expect(error.message).toBe("Request body is larger than the server's BODY_SIZE_LIMIT");
		expect((await t.sql`select count(*)::int as n from notes`)[0]!.n).toBe(0);
	});

	it('a 5 MB insert is refused by our own default limit first', async () => {
		const rows = Array.from({ length: 5 }, () => ({ body: 'x'.repeat(1024 * 1024) }));
		const error = expectError(await t.service().from('notes').insert(rows), 413, 'request_too_large');
		expect(error.message).toBe('Request body is larger than the limit of 4194304 bytes');
		expect((await t.sql`select count(*)::int as n from notes`)[0]!.n).toBe(0);
	});
});
