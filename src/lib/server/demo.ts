import type { Sql } from 'postgres';
import { randomBytes } from 'node:crypto';
import { devAidsEnabled } from './dev-aids';

/** The demo account that supabase/seed-demo.sql creates, in the embedded default only. */
export const DEMO_ACCOUNT = { email: 'demo@disclose.test', password: 'disclose-demo' } as const;

/**
 * The demo account keeps its published password only where the development aids are on
 * (src/lib/server/dev-aids.ts). Anywhere else, on every start, it gets a random password,
 * which only `npm run status` (reading the data folder) shows. Returns the password in force.
 */
export async function secureDemoAccount(sql: Sql): Promise<string> {
	const password = devAidsEnabled() ? DEMO_ACCOUNT.password : randomBytes(18).toString('base64url');
	await sql`
		update auth.users set encrypted_password = extensions.crypt(${password}, extensions.gen_salt('bf', 10))
		where email = ${DEMO_ACCOUNT.email}`;
	return password;
}
