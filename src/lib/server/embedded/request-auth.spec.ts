import { describe, expect, it } from 'vitest';
import { resolveAuth } from './request-auth';
import { signJwt } from './jwt';

const secret = 'another-test-secret-1234567890';
const req = (headers: Record<string, string>) => new Request('http://x/rest/v1/t', { headers });

describe('resolveAuth', () => {
	it('treats a request without any token as anon', () => {
		expect(resolveAuth(req({}), secret)).toEqual({ ok: true, auth: { role: 'anon', claims: { role: 'anon' }, anonymous: true } });
	});
	it('uses the Bearer token, falling back to apikey like Supabase’s gateway', () => {
		const user = signJwt({ sub: 'u', role: 'authenticated' }, secret);
		const anon = signJwt({ role: 'anon' }, secret);
		const both = resolveAuth(req({ authorization: `Bearer ${user}`, apikey: anon }), secret);
		expect(both.ok && both.auth.role).toBe('authenticated');
		const keyOnly = resolveAuth(req({ apikey: anon }), secret);
		expect(keyOnly.ok && keyOnly.auth).toMatchObject({ role: 'anon', anonymous: true });
	});
	it('reports a forged token instead of downgrading it to anon', () => {
		const result = resolveAuth(req({ authorization: `Bearer ${signJwt({ role: 'service_role' }, 'wrong')}` }), secret);
		expect(result.ok).toBe(false);
	});
	it('defaults a token without a role claim to anon', () => {
		const result = resolveAuth(req({ authorization: `Bearer ${signJwt({ sub: 'x' }, secret)}` }), secret);
		expect(result.ok && result.auth.role).toBe('anon');
	});
});
