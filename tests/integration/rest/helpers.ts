/**
 * Shared helpers for the /rest/v1 integration tests: a signed-in
 * supabase-js client made by minting a session-shaped JWT with the stack's
 * secret (so these tests do not depend on /auth/v1), and raw fetch for the
 * few requests supabase-js cannot produce (malformed JSON, PUT, Range).
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import ws from 'ws';
import { signJwt } from '../../../src/lib/server/embedded/jwt';
import type { TestStack } from '../../support/stack';

const clientOptions = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	// Node 20 has no native WebSocket; supabase-js needs one for its realtime client.
	realtime: { transport: ws as unknown as typeof WebSocket }
};

export function clientWithToken(t: TestStack, token: string): SupabaseClient {
	return createClient(t.url, t.anonKey, { ...clientOptions, global: { headers: { Authorization: `Bearer ${token}` } } });
}

export function userToken(t: TestStack, userId: string, email: string, extra: Record<string, unknown> = {}): string {
	const now = Math.floor(Date.now() / 1000);
	return signJwt(
		{ sub: userId, role: 'authenticated', aud: 'authenticated', email, iat: now, exp: now + 3600, session_id: randomUUID(), ...extra },
		t.stack.keys.jwtSecret
	);
}

/** Inserts an auth.users row and returns a supabase-js client carrying that user's access token. */
export async function userClient(t: TestStack, email: string): Promise<{ client: SupabaseClient; userId: string }> {
	const [user] = await t.sql`insert into auth.users (id, aud, role, created_at, email, email_confirmed_at) values (gen_random_uuid(), 'authenticated', 'authenticated', now(), ${email}, now()) returning id`;
	const userId = user!.id as string;
	return { client: clientWithToken(t, userToken(t, userId, email)), userId };
}

/** A raw request to /rest/v1 with the anon key. */
export function rawFetch(t: TestStack, path: string, init: RequestInit = {}): Promise<Response> {
	const headers = new Headers(init.headers);
	if (!headers.has('apikey')) headers.set('apikey', t.anonKey);
	if (!headers.has('authorization')) headers.set('authorization', `Bearer ${t.anonKey}`);
	return fetch(`${t.url}/rest/v1${path}`, { ...init, headers });
}

/** Runs DDL as superuser, then reloads the REST schema cache. */
export async function setupSchema(t: TestStack, ddl: string): Promise<void> {
	await t.sql.unsafe(ddl);
	await t.stack.reloadSchema();
}

interface ErrorResult {
	error: { code?: string; message?: string; details?: unknown; hint?: unknown } | null;
	status: number;
}

/** Asserts a supabase-js result is the given PostgREST error, with all four keys present. */
export function expectError(result: ErrorResult, status: number, code: string): NonNullable<ErrorResult['error']> {
	if (result.status !== status || result.error?.code !== code) {
		throw new Error(`expected ${status} ${code}, got ${result.status} ${JSON.stringify(result.error)}`);
	}
	const error = result.error;
	for (const key of ['code', 'message', 'details', 'hint']) {
		if (!(key in error)) throw new Error(`error body lacks "${key}": ${JSON.stringify(error)}`);
	}
	return error;
}
