/**
 * auth.users rows and their JSON form (Supabase Auth's user object).
 * Auth runs as the database owner, as GoTrue does with its own role.
 */
import type { Sql } from 'postgres';
import { AuthError } from './errors';

export interface UserRow {
	id: string;
	aud: string;
	role: string;
	email: string | null;
	email_confirmed_at: Date | null;
	invited_at: Date | null;
	confirmation_sent_at: Date | null;
	recovery_sent_at: Date | null;
	/** The address a pending (unconfirmed) email change goes to. */
	email_change: string | null;
	email_change_sent_at: Date | null;
	last_sign_in_at: Date | null;
	/** Nullable in Supabase Auth's schema (as are the timestamps): rows written by others may lack them. */
	raw_app_meta_data: Record<string, unknown> | null;
	raw_user_meta_data: Record<string, unknown> | null;
	phone: string | null;
	phone_confirmed_at: Date | null;
	confirmed_at: Date | null;
	banned_until: Date | null;
	is_anonymous: boolean;
	created_at: Date | null;
	updated_at: Date | null;
}

const USER_COLUMNS = `id, aud, role, email, email_confirmed_at, invited_at, confirmation_sent_at,
	recovery_sent_at, email_change, email_change_sent_at, last_sign_in_at, raw_app_meta_data, raw_user_meta_data, phone,
	phone_confirmed_at, confirmed_at, banned_until, is_anonymous, created_at, updated_at`;

/** Supabase's default minimum password length. */
export const MIN_PASSWORD_LENGTH = 6;
/** bcrypt cost GoTrue uses. */
const BCRYPT_COST = 10;

const iso = (d: Date | null) => (d ? d.toISOString() : undefined);

export function userJson(row: UserRow): Record<string, unknown> {
	const json: Record<string, unknown> = {
		id: row.id,
		aud: row.aud,
		role: row.role,
		email: row.email ?? '',
		email_confirmed_at: iso(row.email_confirmed_at),
		invited_at: iso(row.invited_at),
		phone: row.phone ?? '',
		confirmation_sent_at: iso(row.confirmation_sent_at),
		confirmed_at: iso(row.confirmed_at ?? row.email_confirmed_at),
		recovery_sent_at: iso(row.recovery_sent_at),
		new_email: row.email_change || undefined,
		email_change_sent_at: row.email_change ? iso(row.email_change_sent_at) : undefined,
		last_sign_in_at: iso(row.last_sign_in_at),
		app_metadata: row.raw_app_meta_data ?? {},
		user_metadata: row.raw_user_meta_data ?? {},
		identities: row.email
			? [
					{
						identity_id: row.id,
						id: row.id,
						user_id: row.id,
						identity_data: { sub: row.id, email: row.email, email_verified: row.email_confirmed_at !== null },
						provider: 'email',
						email: row.email,
						created_at: iso(row.created_at),
						updated_at: iso(row.updated_at)
					}
				]
			: [],
		created_at: iso(row.created_at),
		updated_at: iso(row.updated_at),
		is_anonymous: row.is_anonymous
	};
	for (const key of Object.keys(json)) if (json[key] === undefined) delete json[key];
	return json;
}

export function normaliseEmail(value: unknown): string {
	if (typeof value !== 'string' || value.trim() === '') {
		throw new AuthError(400, 'validation_failed', 'missing email or phone');
	}
	const email = value.trim().toLowerCase();
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
		throw new AuthError(400, 'validation_failed', 'Unable to validate email address: invalid format');
	}
	return email;
}

export function checkPassword(password: unknown): string {
	if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
		throw new AuthError(422, 'weak_password', `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`, {
			weak_password: { reasons: ['length'] }
		});
	}
	return password;
}

export async function findUserById(sql: Sql, id: string): Promise<UserRow | null> {
	const rows = await sql.unsafe<UserRow[]>(`select ${USER_COLUMNS} from auth.users where id = $1 and deleted_at is null`, [id]);
	return rows[0] ?? null;
}

export async function findUserByEmail(sql: Sql, email: string): Promise<UserRow | null> {
	const rows = await sql.unsafe<UserRow[]>(
		`select ${USER_COLUMNS} from auth.users where email = $1 and deleted_at is null`,
		[email]
	);
	return rows[0] ?? null;
}

/** Password check in the database (bcrypt via pgcrypto); null when wrong or unset. */
export async function findUserByPassword(sql: Sql, email: string, password: string): Promise<UserRow | null> {
	const rows = await sql.unsafe<UserRow[]>(
		`select ${USER_COLUMNS} from auth.users
		 where email = $1 and deleted_at is null and encrypted_password is not null
		   and encrypted_password = extensions.crypt($2, encrypted_password)`,
		[email, password]
	);
	return rows[0] ?? null;
}

export async function createUser(
	sql: Sql,
	input: { email: string; password?: string; data?: Record<string, unknown>; appData?: Record<string, unknown>; confirmed: boolean }
): Promise<UserRow> {
	const rows = await sql.unsafe<UserRow[]>(
		// Auth sets the id, audience, role and timestamps itself (auth.users has no defaults for them).
		`insert into auth.users (id, aud, role, created_at, updated_at, email, encrypted_password, email_confirmed_at,
		   raw_app_meta_data, raw_user_meta_data)
		 values (gen_random_uuid(), 'authenticated', 'authenticated', now(), now(), $1, case when $2::text is null then null else extensions.crypt($2, extensions.gen_salt('bf', ${BCRYPT_COST})) end,
		         case when $3::boolean then now() end, $5::jsonb || '{"provider":"email","providers":["email"]}', $4::jsonb)
		 on conflict (email) do nothing
		 returning ${USER_COLUMNS}`,
		[input.email, input.password ?? null, input.confirmed, (input.data ?? {}) as never, (input.appData ?? {}) as never]
	);
	if (!rows[0]) throw new AuthError(422, 'user_already_exists', 'User already registered');
	return rows[0];
}

export async function updateUser(
	sql: Sql,
	id: string,
	changes: { password?: string; data?: Record<string, unknown>; email?: string; confirmEmail?: boolean; signedIn?: boolean }
): Promise<UserRow> {
	const rows = await sql.unsafe<UserRow[]>(
		`update auth.users set
		   encrypted_password = coalesce(extensions.crypt($2, extensions.gen_salt('bf', ${BCRYPT_COST})), encrypted_password),
		   raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || coalesce($3::jsonb, '{}'::jsonb),
		   email = coalesce($4, email),
		   email_confirmed_at = case when $5::boolean then coalesce(email_confirmed_at, now()) else email_confirmed_at end,
		   last_sign_in_at = case when $6::boolean then now() else last_sign_in_at end,
		   updated_at = now()
		 where id = $1
		 returning ${USER_COLUMNS}`,
		[
			id,
			changes.password ?? null,
			(changes.data ?? null) as never,
			changes.email ?? null,
			changes.confirmEmail ?? false,
			changes.signedIn ?? false
		]
	);
	if (!rows[0]) throw new AuthError(404, 'user_not_found', 'User not found');
	return rows[0];
}
