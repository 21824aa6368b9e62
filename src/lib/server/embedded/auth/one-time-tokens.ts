/**
 * Magic links and email codes: one random link token and one 6-digit code per
 * request, stored only as SHA-256 hashes, single use, valid for the configured
 * expiry (./config.ts). Sending a new one replaces the old. A code is dead
 * after `maxAttempts` wrong tries for its address (the counter lives in memory;
 * killing the code is in the database, so a restart does not revive it).
 */
import type { Sql } from 'postgres';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { AuthError } from './errors';
import { findUserByEmail, type UserRow } from './users';

export type TokenType = 'magiclink' | 'confirmation' | 'recovery' | 'email_change_new' | 'email_change_current';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface IssuedToken {
	tokenHash: string;
	code: string;
}

export interface TokenPolicy {
	expirySeconds: number;
	maxAttempts: number;
}

export function createOneTimeTokens(sql: Sql, policy: TokenPolicy) {
	const wrongCodes = new Map<string, number>();

	/** A new link and code for `address` (the user's email, or the new one for an email change). */
	async function issue(user: UserRow, tokenType: TokenType, address = user.email ?? ''): Promise<IssuedToken> {
		const tokenHash = randomBytes(28).toString('hex');
		const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
		await sql.begin(async (tx) => {
			await tx`delete from auth.one_time_tokens where user_id = ${user.id} and token_type = ${tokenType}`;
			await tx`insert into auth.one_time_tokens (user_id, token_type, token_hash, otp_hash, relates_to, expires_at)
				values (${user.id}, ${tokenType}, ${sha256(tokenHash)}, ${sha256(`${address}:${code}`)}, ${address},
				        now() + make_interval(secs => ${policy.expirySeconds}))`;
		});
		wrongCodes.delete(address);
		return { tokenHash, code };
	}

	/** Consumes a token (link hash, or address + code); throws otp_expired when it is wrong, used, old or dead. */
	async function consume(input: { tokenHash?: string; email?: string; code?: string }): Promise<{ user: UserRow; tokenType: TokenType }> {
		const byHash = input.tokenHash !== undefined;
		const message = byHash ? 'Email link is invalid or has expired' : 'Token has expired or is invalid';
		const address = input.email ?? '';
		const rows = byHash
			? await sql`delete from auth.one_time_tokens where token_hash = ${sha256(input.tokenHash!)}
				returning user_id, token_type, expires_at`
			: await sql`delete from auth.one_time_tokens where relates_to = ${address}
				and otp_hash = ${sha256(`${address}:${input.code}`)} returning user_id, token_type, expires_at`;
		const row = rows[0];
		if (!row && !byHash) await countWrongCode(address);
		if (!row || (row.expires_at as Date) < new Date()) throw new AuthError(403, 'otp_expired', message);
		if (!byHash) wrongCodes.delete(address);
		const email = (await sql`select email from auth.users where id = ${row.user_id}`)[0]?.email as string | undefined;
		const user = email ? await findUserByEmail(sql, email) : null;
		if (!user) throw new AuthError(403, 'otp_expired', message);
		return { user, tokenType: row.token_type as TokenType };
	}

	async function countWrongCode(address: string) {
		// Only an address with a code waiting is counted, so guesses at other addresses cost no memory.
		if (!wrongCodes.has(address) && (await sql`select 1 from auth.one_time_tokens where relates_to = ${address} limit 1`).length === 0) return;
		const wrong = (wrongCodes.get(address) ?? 0) + 1;
		if (wrong < policy.maxAttempts) {
			wrongCodes.set(address, wrong);
			return;
		}
		wrongCodes.delete(address);
		// Too many wrong codes: every code for this address is dead; a new email brings a new one.
		await sql`delete from auth.one_time_tokens where relates_to = ${address}`;
	}

	return { issue, consume };
}

export type OneTimeTokens = ReturnType<typeof createOneTimeTokens>;
