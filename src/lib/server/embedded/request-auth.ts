/**
 * Who is calling: the JWT from `Authorization: Bearer …` (or, when absent, the
 * `apikey` header, as Supabase's gateway does), verified with the stack's
 * secret. No token at all means the anon role, as PostgREST's db-anon-role.
 */
import { JwtError, verifyJwt, type Claims } from './jwt';

export interface RequestAuth {
	role: string;
	claims: Claims;
	/** True when no user token was presented (PostgREST maps 42501 to 401 then). */
	anonymous: boolean;
}

export type AuthResult = { ok: true; auth: RequestAuth } | { ok: false; error: JwtError };

export function bearerToken(request: Request): string | null {
	const header = request.headers.get('authorization');
	if (header !== null) {
		const match = /^bearer\s*(.*)$/i.exec(header.trim());
		return match ? match[1]!.trim() : header.trim();
	}
	return request.headers.get('apikey');
}

export function resolveAuth(request: Request, jwtSecret: string): AuthResult {
	const token = bearerToken(request);
	if (token === null) return { ok: true, auth: { role: 'anon', claims: { role: 'anon' }, anonymous: true } };
	try {
		const claims = verifyJwt(token, jwtSecret);
		const role = typeof claims.role === 'string' && claims.role !== '' ? claims.role : 'anon';
		return { ok: true, auth: { role, claims: { ...claims, role }, anonymous: role === 'anon' } };
	} catch (error) {
		if (error instanceof JwtError) return { ok: false, error };
		throw error;
	}
}
