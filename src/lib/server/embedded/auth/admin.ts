/**
 * /auth/v1/admin: the part of GoTrue's admin API that auth-js's
 * `auth.admin.createUser` uses. Only a service-role JWT may call it (as on
 * Supabase, where the service-role key must never reach a browser).
 */
import type { Sql } from 'postgres';
import { JwtError, verifyJwt } from '../jwt';
import { AuthError } from './errors';
import { checkPassword, createUser, normaliseEmail, userJson } from './users';

type Body = Record<string, unknown>;

/** Throws GoTrue's 401/403 unless the request carries a valid service-role JWT. */
export function requireServiceRole(request: Request, jwtSecret: string): void {
	const match = /^bearer\s+(.+)$/i.exec((request.headers.get('authorization') ?? '').trim());
	if (!match) throw new AuthError(401, 'no_authorization', 'This endpoint requires a Bearer token');
	try {
		if (verifyJwt(match[1]!, jwtSecret).role === 'service_role') return;
	} catch (error) {
		if (!(error instanceof JwtError)) throw error;
		throw new AuthError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${error.message}`);
	}
	throw new AuthError(403, 'not_admin', 'User not allowed');
}

/** POST /admin/users: `{ email, password?, email_confirm?, user_metadata? }` → the user (GoTrue's shape). */
export async function createUserAsAdmin(sql: Sql, body: Body): Promise<Record<string, unknown>> {
	const email = normaliseEmail(body.email);
	const password = body.password === undefined ? undefined : checkPassword(body.password);
	const data = body.user_metadata && typeof body.user_metadata === 'object' ? (body.user_metadata as Body) : {};
	try {
		return userJson(await createUser(sql, { email, password, data, confirmed: body.email_confirm === true }));
	} catch (error) {
		if (error instanceof AuthError && error.code === 'user_already_exists') {
			throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered');
		}
		throw error;
	}
}
