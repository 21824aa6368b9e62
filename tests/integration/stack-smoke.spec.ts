import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

describe('embedded stack on a fresh template clone', () => {
	let t: TestStack;
	beforeAll(async () => {
		t = await startTestStack();
	});
	afterAll(async () => t?.close());

	it('has the Supabase roles, schemas and auth helpers before any migration', async () => {
		const roles = await t.sql`select rolname from pg_roles where rolname in ('anon','authenticated','service_role','authenticator') order by 1`;
		expect(roles.map((r) => r.rolname)).toEqual(['anon', 'authenticated', 'authenticator', 'service_role']);
		const [row] = await t.sql.begin(async (tx) => {
			await tx`select set_config('request.jwt.claims', '{"sub":"2b6c0b0e-0000-4000-8000-000000000001","role":"authenticated"}', true)`;
			return tx`select auth.uid() as uid, auth.role() as role, auth.jwt() ->> 'role' as jwt_role`;
		});
		expect(row).toEqual({ uid: '2b6c0b0e-0000-4000-8000-000000000001', role: 'authenticated', jwt_role: 'authenticated' });
	});
});
