/**
 * Magic links and email codes: one random link token and one 6-digit code per
 * request, stored only as SHA-256 hashes, single use, valid for an hour
 * (Supabase's default OTP expiry). Sending a new one replaces the old.
 */
import type { Sql } from 'postgres';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { AuthError } from './errors';
import { findUserByEmail, type UserRow } from './users';

const OTP_EXPIRY_SECONDS = 3600;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface IssuedToken {
	tokenHash: string;
	code: string;
}

export async function issueToken(sql: Sql, user: UserRow, tokenType: 'magiclink' | 'confirmation' | 'recovery'): Promise<IssuedToken> {
	const tokenHash = randomBytes(28).toString('hex');
	const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
	await sql.begin(async (tx) => {
		await tx`delete from auth.one_time_tokens where user_id = ${user.id} and token_type = ${tokenType}`;
		await tx`insert into auth.one_time_tokens (user_id, token_type, token_hash, otp_hash, relates_to, expires_at)
			values (${user.id}, ${tokenType}, ${sha256(tokenHash)}, ${sha256(`${user.email}:${code}`)}, ${user.email},
			        now() + make_interval(secs => ${OTP_EXPIRY_SECONDS}))`;
	});
	return { tokenHash, code };
}

/** Consumes a token (link hash or email + code); throws otp_expired when it is wrong, used or old. */
export async function consumeToken(
	sql: Sql,
	input: { tokenHash?: string; email?: string; code?: string }
): Promise<{ user: UserRow; tokenType: string }> {
	const byHash = input.tokenHash !== undefined;
	const rows = byHash
		? await sql`delete from auth.one_time_tokens where token_hash = ${sha256(input.tokenHash!)}
			returning user_id, token_type, expires_at`
		: await sql`delete from auth.one_time_tokens where relates_to = ${input.email ?? ''}
			and otp_hash = ${sha256(`${input.email}:${input.code}`)} returning user_id, token_type, expires_at`;
	const row = rows[0];
	const message = byHash ? 'Email link is invalid or has expired' : 'Token has expired or is invalid';
	if (!row || (row.expires_at as Date) < new Date()) throw new AuthError(403, 'otp_expired', message);
	const email = (await sql`select email from auth.users where id = ${row.user_id}`)[0]?.email as string | undefined;
	const user = email ? await findUserByEmail(sql, email) : null;
	if (!user) throw new AuthError(403, 'otp_expired', message);
	return { user, tokenType: row.token_type as string };
}
