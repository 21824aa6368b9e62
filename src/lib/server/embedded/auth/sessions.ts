/**
 * Sessions, access tokens and rotating refresh tokens, shaped like Supabase
 * Auth's token response (access_token, token_type, expires_in, expires_at,
 * refresh_token, user) with its JWT claims (sub, aud, role, email, exp,
 * session_id, aal, amr, …).
 */
import type { Sql } from 'postgres';
import { randomBytes } from 'node:crypto';
import { signJwt, verifyJwt, JwtError, type Claims } from '../jwt';
import { AuthError } from './errors';
import { findUserById, updateUser, userJson, type UserRow } from './users';

/** Supabase's default JWT expiry. */
export const ACCESS_TOKEN_SECONDS = 3600;
/** GoTrue's refresh-token reuse interval: concurrent refreshes (tabs, SSR) get the same result. */
const REFRESH_REUSE_SECONDS = 10;

export interface SessionContext {
	sql: Sql;
	jwtSecret: string;
	issuer: string;
}

function accessToken(ctx: SessionContext, user: UserRow, sessionId: string, method: string): { token: string; exp: number } {
	const iat = Math.floor(Date.now() / 1000);
	const exp = iat + ACCESS_TOKEN_SECONDS;
	const claims: Claims = {
		iss: ctx.issuer,
		sub: user.id,
		aud: user.aud,
		exp,
		iat,
		email: user.email ?? '',
		phone: user.phone ?? '',
		app_metadata: user.raw_app_meta_data ?? {},
		user_metadata: user.raw_user_meta_data ?? {},
		role: user.role,
		aal: 'aal1',
		amr: [{ method, timestamp: iat }],
		session_id: sessionId,
		is_anonymous: user.is_anonymous
	};
	return { token: signJwt(claims, ctx.jwtSecret), exp };
}

function sessionJson(ctx: SessionContext, user: UserRow, sessionId: string, refreshToken: string, method: string) {
	const { token, exp } = accessToken(ctx, user, sessionId, method);
	return {
		access_token: token,
		token_type: 'bearer',
		expires_in: ACCESS_TOKEN_SECONDS,
		expires_at: exp,
		refresh_token: refreshToken,
		user: userJson(user)
	};
}

const newRefreshToken = () => randomBytes(16).toString('base64url');

export async function startSession(ctx: SessionContext, user: UserRow, method: 'password' | 'otp' | 'magiclink') {
	if (user.banned_until && user.banned_until > new Date()) throw new AuthError(400, 'user_banned', 'User is banned');
	const signedIn = await updateUser(ctx.sql, user.id, { signedIn: true });
	const refresh = newRefreshToken();
	const [session] = await ctx.sql`insert into auth.sessions (user_id) values (${user.id}) returning id`;
	await ctx.sql`insert into auth.refresh_tokens (token, user_id, session_id)
		values (${refresh}, ${user.id}, ${session!.id})`;
	return sessionJson(ctx, signedIn, session!.id as string, refresh, method);
}

export async function refreshSession(ctx: SessionContext, token: unknown) {
	if (typeof token !== 'string' || token === '') {
		throw new AuthError(400, 'validation_failed', 'refresh_token required');
	}
	const [row] = await ctx.sql`select token, user_id, session_id, revoked, updated_at from auth.refresh_tokens where token = ${token}`;
	if (!row) throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
	const user = await findUserById(ctx.sql, row.user_id as string);
	if (!user) throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
	if (row.revoked) {
		const recent = Date.now() - (row.updated_at as Date).getTime() < REFRESH_REUSE_SECONDS * 1000;
		const [child] = recent
			? await ctx.sql`select token from auth.refresh_tokens where parent = ${token} and not revoked`
			: [];
		if (!child) throw new AuthError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
		return sessionJson(ctx, user, row.session_id as string, child.token as string, 'token_refresh');
	}
	const next = newRefreshToken();
	await ctx.sql.begin(async (tx) => {
		await tx`update auth.refresh_tokens set revoked = true, updated_at = now() where token = ${token}`;
		await tx`insert into auth.refresh_tokens (token, user_id, session_id, parent)
			values (${next}, ${user.id}, ${row.session_id}, ${token})`;
		await tx`update auth.sessions set updated_at = now() where id = ${row.session_id}`;
	});
	return sessionJson(ctx, user, row.session_id as string, next, 'token_refresh');
}

/** The signed-in user behind a Bearer token, with a live session (logout ends it). */
export async function authenticate(ctx: SessionContext, request: Request): Promise<{ user: UserRow; sessionId: string }> {
	const header = request.headers.get('authorization') ?? '';
	const match = /^bearer\s+(.+)$/i.exec(header.trim());
	if (!match) throw new AuthError(401, 'no_authorization', 'This endpoint requires a Bearer token');
	let claims: Claims;
	try {
		claims = verifyJwt(match[1]!, ctx.jwtSecret);
	} catch (error) {
		if (error instanceof JwtError) {
			throw new AuthError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${error.message}`);
		}
		throw error;
	}
	if (typeof claims.sub !== 'string' || typeof claims.session_id !== 'string') {
		throw new AuthError(403, 'bad_jwt', 'invalid claim: missing sub claim');
	}
	const [session] = await ctx.sql`select id from auth.sessions where id = ${claims.session_id}`;
	if (!session) throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
	const user = await findUserById(ctx.sql, claims.sub);
	if (!user) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
	return { user, sessionId: claims.session_id };
}

export async function endSessions(ctx: SessionContext, userId: string, sessionId: string, scope: string) {
	if (scope === 'local') await ctx.sql`delete from auth.sessions where id = ${sessionId}`;
	else if (scope === 'others') await ctx.sql`delete from auth.sessions where user_id = ${userId} and id <> ${sessionId}`;
	else await ctx.sql`delete from auth.sessions where user_id = ${userId}`;
}
