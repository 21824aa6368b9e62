/**
 * The impersonated role's settings, as PostgREST applies them: every /rest/v1
 * request runs with the statement timeout Supabase gives its role (anon 3 s,
 * authenticated 8 s; service_role has none and keeps the 8 s of authenticator,
 * the role PostgREST logs in as), so a slow query as anon ends with
 * PostgREST's error for SQLSTATE 57014 instead of holding a connection.
 * The functions are test fixtures, not migrations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAs } from '../../../src/lib/server/embedded/run-as';
import { startTestStack, type TestStack } from '../../support/stack';
import { expectError, setupSchema, userClient } from './helpers';

describe('REST role settings', () => {
	let t: TestStack;
	beforeAll(async () => {
		t = await startTestStack();
		await setupSchema(
			t,
			`create function public.fixture_statement_timeout() returns text language sql stable as
				$$ select current_setting('statement_timeout') $$;
			create function public.fixture_sleep(seconds float8) returns text language sql volatile as
				$$ select pg_sleep(seconds)::text $$;
			grant execute on function public.fixture_statement_timeout(), public.fixture_sleep(float8) to anon, authenticated, service_role;`
		);
	});
	afterAll(() => t?.close());

	it('runs each request with the statement timeout of the role it acts as', async () => {
		const { client } = await userClient(t, 'timeouts@example.org');
		expect((await t.anon().rpc('fixture_statement_timeout')).data).toBe('3s');
		expect((await client.rpc('fixture_statement_timeout')).data).toBe('8s');
		expect((await t.service().rpc('fixture_statement_timeout')).data).toBe('8s');
	});

	it('ends a slow query as anon with the statement-timeout error, as PostgREST does', async () => {
		const result = await t.anon().rpc('fixture_sleep', { seconds: 30 });
		const error = expectError(result, 500, '57014');
		expect(error.message).toBe('canceling statement due to statement timeout');
	});

	it('reads the role settings once, as PostgREST, and again when the schema is reloaded', async () => {
		const [{ db } = { db: '' }] = await t.sql<{ db: string }[]>`select current_database() as db`;
		// This database only (the cluster's other test databases keep Supabase's 3 s).
		await t.sql.unsafe(`alter role anon in database "${db}" set statement_timeout = '2500ms'`);
		try {
			expect((await t.anon().rpc('fixture_statement_timeout')).data).toBe('3s');
			await t.stack.reloadSchema();
			expect((await t.anon().rpc('fixture_statement_timeout')).data).toBe('2500ms');
		} finally {
			await t.sql.unsafe(`alter role anon in database "${db}" reset statement_timeout`);
			await t.stack.reloadSchema();
		}
		expect((await t.anon().rpc('fixture_statement_timeout')).data).toBe('3s');
	});

	it('leaves the pooled connection without the timeout once the request is over', async () => {
		await t.anon().rpc('fixture_sleep', { seconds: 30 });
		const [row] = await t.sql`select current_setting('statement_timeout') as timeout`;
		expect(row!.timeout).toBe('0');
		expect((await t.service().rpc('fixture_statement_timeout')).data).toBe('8s');
		const [after] = await t.sql`select current_setting('lock_timeout') as timeout`;
		expect(after!.timeout).toBe('0');
	});

	it('reports the error of a setting that fails, not the aborted transaction of the statement after it', async () => {
		const auth = { role: 'anon', claims: { role: 'anon' }, anonymous: true };
		const options = { readOnly: true, method: 'GET', path: '/rest/v1/x', settings: { statement_timeout: 'a while' } };
		const failure = await runAs(t.sql, auth, options, (tx) => tx`select 1`).then(
			() => null,
			(error: unknown) => error as { code?: string; message?: string }
		);
		expect(failure?.code).toBe('22023');
		expect(failure?.message).toContain('statement_timeout');
		// The pooled connection is fine afterwards.
		expect((await t.anon().rpc('fixture_statement_timeout')).data).toBe('3s');
	});
});
