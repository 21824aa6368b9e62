import { describe, expect, it } from 'vitest';
import { signJwt, verifyJwt, JwtError } from './jwt';

const secret = 'test-secret-that-is-long-enough-123';

describe('HS256 JWTs', () => {
	it('round-trips claims signed with the secret', () => {
		const token = signJwt({ sub: 'u1', role: 'authenticated', exp: 2_000_000_000 }, secret);
		expect(verifyJwt(token, secret, 1_900_000_000)).toMatchObject({ sub: 'u1', role: 'authenticated' });
	});

	it.each([
		['a token signed with another secret', () => signJwt({ role: 'anon' }, 'other'), 'JWT cryptographic operation failed', 'decode'],
		['a token with two parts', () => 'abc.def', 'Expected 3 parts in JWT; got 2', 'decode'],
		['an empty token', () => '', 'Empty JWT is sent in Authorization header', 'decode'],
		['an expired token', () => signJwt({ exp: 1000 }, secret), 'JWT expired', 'claims'],
		['a token not valid yet', () => signJwt({ nbf: 5_000_000_000 }, secret), 'JWT not yet valid', 'claims'],
		['a non-numeric exp', () => signJwt({ exp: 'soon' as unknown as number }, secret), "The JWT 'exp' claim must be a number", 'claims']
	])('rejects %s', (_name, make, message, kind) => {
		try {
			verifyJwt(make(), secret, 1_900_000_000);
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(JwtError);
			expect((error as JwtError).message).toBe(message);
			expect((error as JwtError).kind).toBe(kind);
		}
	});

	it('allows 30 seconds of clock skew on exp', () => {
		const token = signJwt({ exp: 1000 }, secret);
		expect(() => verifyJwt(token, secret, 1029)).not.toThrow();
		expect(() => verifyJwt(token, secret, 1031)).toThrow('JWT expired');
	});

	it('rejects algorithms other than HS256', () => {
		const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
		const payload = Buffer.from(JSON.stringify({ role: 'service_role' })).toString('base64url');
		expect(() => verifyJwt(`${header}.${payload}.`, secret)).toThrow('Wrong or unsupported encoding algorithm');
	});

	it('a token verified once is still checked for its times and its secret on every later use', () => {
		const token = signJwt({ sub: 'u2', role: 'authenticated', exp: 2_000_000_000 }, secret);
		expect(verifyJwt(token, secret, 1_900_000_000)).toMatchObject({ sub: 'u2' });
		expect(() => verifyJwt(token, secret, 2_100_000_000)).toThrow('JWT expired');
		expect(() => verifyJwt(token, 'another-secret-that-is-long-enough', 1_900_000_000)).toThrow('JWT cryptographic operation failed');
		expect(verifyJwt(token, secret, 1_900_000_000)).toMatchObject({ sub: 'u2' });
	});
});
