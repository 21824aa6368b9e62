/**
 * Signed-URL tokens: HS256 JWTs signed with the stack's JWT secret, payload
 * `{url: "<bucket>/<key>", iat, exp, scope}` (plus `owner`, `upsert` for
 * uploads). The scope keeps a download token from authorising an upload and
 * the other way round; a user's access token has no `url` and is refused.
 */
import { JwtError, signJwt, verifyJwt } from '../jwt';
import { errors } from './errors';

export type SignedScope = 'download' | 'upload';

export interface SignedPayload {
	url: string;
	scope: SignedScope;
	iat: number;
	exp: number;
	owner?: string;
	upsert?: boolean;
}

/** Signed upload URLs live two hours, as on Supabase. */
export const UPLOAD_URL_SECONDS = 2 * 60 * 60;

export function signUrlToken(
	secret: string,
	fields: { url: string; scope: SignedScope; owner?: string | null; upsert?: boolean },
	expiresIn: number
): string {
	const iat = Math.floor(Date.now() / 1000);
	const payload: Record<string, unknown> = { url: fields.url, scope: fields.scope, iat, exp: iat + expiresIn };
	if (fields.owner) payload.owner = fields.owner;
	if (fields.upsert !== undefined) payload.upsert = fields.upsert;
	return signJwt(payload, secret);
}

export function verifyUrlToken(secret: string, token: string | null, url: string, scope: SignedScope): SignedPayload {
	if (token === null || token === '') throw errors.invalidRequest("querystring must have required property 'token'");
	let claims: Record<string, unknown>;
	try {
		claims = verifyJwt(token, secret);
	} catch (error) {
		if (error instanceof JwtError && error.message === 'JWT expired') throw errors.expiredToken();
		if (error instanceof JwtError) throw errors.invalidJwt(error.message);
		throw error;
	}
	if (typeof claims.exp !== 'number' || claims.exp < Date.now() / 1000) throw errors.expiredToken();
	if (claims.url !== url) throw errors.invalidSignature();
	// Tokens from before scopes existed carry none; they can only have been download tokens.
	const tokenScope = claims.scope ?? 'download';
	if (tokenScope !== scope) throw errors.invalidSignature('The token was not issued for this operation');
	return {
		url,
		scope,
		iat: typeof claims.iat === 'number' ? claims.iat : 0,
		exp: claims.exp,
		owner: typeof claims.owner === 'string' ? claims.owner : undefined,
		upsert: claims.upsert === true
	};
}

/** `expiresIn` from a sign request: a positive number of seconds. */
export function expiresInOf(body: Record<string, unknown>): number {
	const value = body.expiresIn;
	const seconds = typeof value === 'string' ? Number(value) : value;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 1) {
		throw errors.invalidRequest('body/expiresIn must be a number >= 1');
	}
	return Math.floor(seconds);
}
