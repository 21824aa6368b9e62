/**
 * Secure email change (Supabase's `double_confirm_changes`, on by default): a
 * new address takes effect only once BOTH the new and the current address have
 * followed their link or entered their code. Until then `auth.users.email` — the
 * address invitations and sign-in use — stays the old one, and the pending
 * address is only in `email_change` (shown as `new_email`).
 *
 * Each confirmed half leaves a marker token (type `email_change_confirmed`,
 * relates_to 'new' or 'current'); the change applies when the other half's marker
 * exists. Markers are not codes: nothing can consume or guess them, and a new
 * change request removes the old markers.
 */
import type { Sql } from 'postgres';
import { randomBytes } from 'node:crypto';
import { AuthError } from './errors';
import { findUserByEmail, findUserById, type UserRow } from './users';
import type { OneTimeTokens, TokenType } from './one-time-tokens';

export interface EmailChangeMail {
	to: string;
	tokenHash: string;
	code: string;
	side: 'new' | 'current';
}

/** Records the pending address and issues one token per side; returns what to email. */
export async function requestEmailChange(sql: Sql, tokens: OneTimeTokens, user: UserRow, newEmail: string): Promise<{ user: UserRow; mails: EmailChangeMail[] }> {
	const owner = await findUserByEmail(sql, newEmail);
	if (owner && owner.id !== user.id) {
		throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered');
	}
	await sql`delete from auth.one_time_tokens where user_id = ${user.id} and token_type = 'email_change_confirmed'`;
	await sql`update auth.users set email_change = ${newEmail}, email_change_sent_at = now(), updated_at = now() where id = ${user.id}`;
	const toNew = await tokens.issue(user, 'email_change_new', newEmail);
	const mails: EmailChangeMail[] = [{ to: newEmail, ...toNew, side: 'new' }];
	if (user.email) mails.push({ to: user.email, ...(await tokens.issue(user, 'email_change_current', user.email)), side: 'current' });
	return { user: (await findUserById(sql, user.id))!, mails };
}

export function isEmailChangeToken(type: TokenType): boolean {
	return type === 'email_change_new' || type === 'email_change_current';
}

/**
 * After one side's token was consumed: 'pending' while the other side has not
 * confirmed, else the user with the new address in place.
 */
export async function confirmEmailChange(sql: Sql, user: UserRow, consumed: TokenType): Promise<'pending' | UserRow> {
	const side = consumed === 'email_change_new' ? 'new' : 'current';
	const other = side === 'new' ? 'current' : 'new';
	const needsOther = other === 'new' || user.email !== null;
	const [otherDone] = await sql`select 1 from auth.one_time_tokens
		where user_id = ${user.id} and token_type = 'email_change_confirmed' and relates_to = ${other}`;
	if (needsOther && !otherDone) {
		await sql`insert into auth.one_time_tokens (user_id, token_type, token_hash, otp_hash, relates_to, expires_at)
			select ${user.id}, 'email_change_confirmed', ${randomBytes(28).toString('hex')}, ${randomBytes(28).toString('hex')}, ${side}, expires_at
			from (select coalesce(max(expires_at), now() + interval '1 day') as expires_at from auth.one_time_tokens
			      where user_id = ${user.id} and token_type like 'email_change_%') as latest`;
		return 'pending';
	}
	try {
		const rows = await sql`update auth.users set email = email_change, email_change = null, email_change_sent_at = null,
				email_confirmed_at = now(), updated_at = now()
			where id = ${user.id} and email_change is not null returning id`;
		if (!rows[0]) throw new AuthError(403, 'otp_expired', 'Email link is invalid or has expired');
	} catch (error) {
		if ((error as { code?: string }).code === '23505') {
			throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered');
		}
		throw error;
	}
	await sql`delete from auth.one_time_tokens where user_id = ${user.id} and token_type like 'email_change_%'`;
	return (await findUserById(sql, user.id))!;
}
