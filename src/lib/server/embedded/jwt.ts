/**
 * HS256 JSON Web Tokens, as Supabase Auth issues them and PostgREST checks
 * them (30 s clock skew on exp/nbf/iat).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type Claims = Record<string, unknown> & { role?: string; sub?: string; exp?: number };

const CLOCK_SKEW_SECONDS = 30;

function base64url(input: string | Buffer): string {
	return Buffer.from(input).toString('base64url');
}

export function signJwt(claims: Claims, secret: string): string {
	const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
	const payload = base64url(JSON.stringify(claims));
	const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
	return `${header}.${payload}.${signature}`;
}

export class JwtError extends Error {
	constructor(
		message: string,
		/** 'decode' problems are PGRST301, 'claims' problems PGRST303. */
		readonly kind: 'decode' | 'claims'
	) {
		super(message);
	}
}

/**
 * Tokens whose signature was checked, with their claims: an app sends the same access token on every request for
 * its hour, and the HMAC was a twentieth of a /rest/v1 read's time. Only the signature check is remembered (by the
 * token's full text and the secret); the time claims are checked on every use. Bounded: the oldest entry goes first.
 * (PostgREST ≥ 12 caches validated JWTs too, `jwt-cache-max-lifetime`.)
 */
const VERIFIED_MAX = 1000;
const verified = new Map<string, { secret: string; claims: Claims }>();

export function verifyJwt(token: string, secret: string, now = Date.now() / 1000): Claims {
	const known = verified.get(token);
	const claims = known && known.secret === secret ? known.claims : verifySignature(token, secret);
	checkTimes(claims, now);
	return claims;
}

function verifySignature(token: string, secret: string): Claims {
	if (token === '') throw new JwtError('Empty JWT is sent in Authorization header', 'decode');
	const parts = token.split('.');
	if (parts.length !== 3) throw new JwtError(`Expected 3 parts in JWT; got ${parts.length}`, 'decode');
	const [header, payload, signature] = parts as [string, string, string];
	let alg: unknown;
	let claims: Claims;
	try {
		alg = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')).alg;
		claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
	} catch {
		throw new JwtError('JWT cryptographic operation failed', 'decode');
	}
	if (alg !== 'HS256') throw new JwtError('Wrong or unsupported encoding algorithm', 'decode');
	const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
	const given = Buffer.from(signature, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		throw new JwtError('JWT cryptographic operation failed', 'decode');
	}
	if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
		throw new JwtError('JWT cryptographic operation failed', 'decode');
	}
	// Frozen: every caller of a remembered token gets the same object.
	Object.freeze(claims);
	if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
	verified.set(token, { secret, claims });
	return claims;
}

function checkTimes(claims: Claims, now: number): void {
	if (claims.exp !== undefined) {
		if (typeof claims.exp !== 'number') throw new JwtError("The JWT 'exp' claim must be a number", 'claims');
		if (now - CLOCK_SKEW_SECONDS > claims.exp) throw new JwtError('JWT expired', 'claims');
	}
	if (typeof claims.nbf === 'number' && now + CLOCK_SKEW_SECONDS < claims.nbf) {
		throw new JwtError('JWT not yet valid', 'claims');
	}
	if (typeof claims.iat === 'number' && now + CLOCK_SKEW_SECONDS < claims.iat) {
		throw new JwtError('JWT issued at future', 'claims');
	}
}
