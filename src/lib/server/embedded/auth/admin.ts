/**
 * /auth/v1/admin: the part of GoTrue's admin API the app and its tests use
 * (`supabase.auth.admin.createUser`). Only a service_role JWT may call it, as
 * GoTrue's requireAdmin: no token is 401 no_authorization, a bad one 403
 * bad_jwt, any other role 403 not_admin "User not allowed".
 */
import type { Sql } from 'postgres';
import { JwtError, verifyJwt } from '../jwt';
import { AuthError } from './errors';
import { checkPassword, createUser, normaliseEmail, userJson } from './users';

const ADMIN_ROLES = new Set(['service_role', 'supabase_admin']);

export function requireAdmin(request: Request, jwtSecret: string): void {
	const match = /^bearer\s+(.+)$/i.exec((request.headers.get('authorization') ?? '').trim());
	if (!match) throw new AuthError(401, 'no_authorization', 'This endpoint requires a Bearer token');
	let role: unknown;
	try {
		role = verifyJwt(match[1]!, jwtSecret).role;
	} catch (error) {
		if (error instanceof JwtError) throw new AuthError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${error.message}`);
		throw error;
	}
	if (typeof role !== 'string' || !ADMIN_ROLES.has(role)) throw new AuthError(403, 'not_admin', 'User not allowed');
}

const objectOrEmpty = (value: unknown): Record<string, unknown> =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** POST /admin/users `{email, password?, email_confirm?, user_metadata?, app_metadata?}` → the user (200). */
export async function adminCreateUser(sql: Sql, body: Record<string, unknown>): Promise<Record<string, unknown>> {
	const email = normaliseEmail(body.email);
	const password = body.password === undefined || body.password === '' ? undefined : checkPassword(body.password);
	try {
		const user = await createUser(sql, {
			email,
			password,
			data: objectOrEmpty(body.user_metadata),
			appData: objectOrEmpty(body.app_metadata),
			confirmed: body.email_confirm === true
		});
		return userJson(user);
	} catch (error) {
		if (error instanceof AuthError && error.code === 'user_already_exists') {
			throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered');
		}
		throw error;
	}
}
