/**
 * The embedded stack's secrets: a JWT secret generated into the data folder on
 * first start, and the anon / service_role API keys derived from it (long-lived
 * JWTs with the same claim shape as Supabase's legacy keys).
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { signJwt } from './jwt';

export interface StackKeys {
	jwtSecret: string;
	anonKey: string;
	serviceRoleKey: string;
}

const TEN_YEARS = 10 * 365 * 24 * 3600;

export function deriveKeys(jwtSecret: string): StackKeys {
	const iat = 1_700_000_000;
	const key = (role: string) => signJwt({ iss: 'supabase', role, iat, exp: iat + TEN_YEARS }, jwtSecret);
	return { jwtSecret, anonKey: key('anon'), serviceRoleKey: key('service_role') };
}

export async function loadOrCreateKeys(dataDir: string): Promise<StackKeys> {
	const file = join(dataDir, 'jwt-secret');
	let secret: string;
	if (existsSync(file)) {
		secret = (await readFile(file, 'utf8')).trim();
	} else {
		secret = randomBytes(32).toString('base64url');
		await writeFile(file, secret + '\n', { mode: 0o600 });
	}
	return deriveKeys(secret);
}
