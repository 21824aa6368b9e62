/**
 * Per-test-file embedded stack: a fresh database cloned from the migrated
 * template, the real Supabase-compatible HTTP surface on a random local port,
 * and real supabase-js clients against it.
 */
import { inject } from 'vitest';
import postgres, { type Sql } from 'postgres';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import { createEmbeddedStack, type EmbeddedStack } from '../../src/lib/server/embedded/stack';
import { deriveKeys } from '../../src/lib/server/embedded/keys';
import { serve } from '../../src/lib/server/embedded/http/node-server';
import { harnessAuthConfig, type AuthConfig } from '../../src/lib/server/embedded/auth/config';
import { devMailboxTransport } from '../../src/lib/server/embedded/auth/mailbox';

export interface TestStackOptions {
	/** Auth settings to change from the harness's (dev mailbox, instant sign-up). */
	auth?: Partial<AuthConfig>;
	/** adapter-node's BODY_SIZE_LIMIT for the HTTP server, in bytes (none by default). */
	bodySizeLimit?: number;
	/** The stack's own JSON body limits (createEmbeddedStack's `bodyLimits`). */
	bodyLimits?: { rest?: number; auth?: number };
}

export interface TestStack {
	url: string;
	anonKey: string;
	serviceRoleKey: string;
	/** Superuser connection to this file's database (setup and assertions only). */
	sql: Sql;
	stack: EmbeddedStack;
	/** Where this file's storage objects are kept on disk. */
	storageDir: string;
	/** A supabase-js client with the anon key (no session). */
	anon(): SupabaseClient;
	/** A supabase-js client with the service-role key. */
	service(): SupabaseClient;
	/** Create a confirmed user with a password and return a signed-in client. */
	signedIn(email: string, password?: string): Promise<{ client: SupabaseClient; userId: string }>;
	close(): Promise<void>;
}

function clientOptions() {
	return {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		// Node 20 has no native WebSocket; supabase-js needs one for its realtime client.
		realtime: { transport: ws as unknown as typeof WebSocket }
	};
}

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
	const clusterUrl = inject('clusterUrl');
	const dbName = `t_${randomBytes(6).toString('hex')}`;
	const admin = postgres(clusterUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${dbName} template ${inject('templateDb')}`);
	// Database privileges are not copied from a template; bootstrap.sql gives postgres these.
	await admin.unsafe(`grant all on database ${dbName} to postgres`);
	await admin.end();
	const dbUrl = clusterUrl.replace(/\/postgres$/, `/${dbName}`);
	const sql = postgres(dbUrl, { max: 10, onnotice: () => {} });
	const storageDir = await mkdtemp(join(tmpdir(), 'disclose-storage-'));
	const keys = deriveKeys(randomBytes(32).toString('base64url'));
	const auth = { ...harnessAuthConfig(devMailboxTransport(sql)), ...options.auth };
	const stack = await createEmbeddedStack({ sql, keys, storageDir, auth, bodyLimits: options.bodyLimits });
	const server = await serve(stack.handle, { bodySizeLimit: options.bodySizeLimit });
	const make = (key: string) => createClient(server.url, key, clientOptions());

	return {
		url: server.url,
		anonKey: keys.anonKey,
		serviceRoleKey: keys.serviceRoleKey,
		sql,
		stack,
		storageDir,
		anon: () => make(keys.anonKey),
		service: () => make(keys.serviceRoleKey),
		async signedIn(email, password = 'correct horse battery staple') {
			const [user] = await sql`
				insert into auth.users (id, aud, role, created_at, email, encrypted_password, email_confirmed_at, raw_app_meta_data)
				values (gen_random_uuid(), 'authenticated', 'authenticated', now(), ${email.toLowerCase()}, extensions.crypt(${password}, extensions.gen_salt('bf', 6)), now(),
					'{"provider":"email","providers":["email"]}')
				returning id`;
			const client = make(keys.anonKey);
			const { error } = await client.auth.signInWithPassword({ email, password });
			if (error) throw new Error(`Test sign-in failed for ${email}: ${error.message}`);
			return { client, userId: user!.id as string };
		},
		async close() {
			await server.close();
			await sql.end();
			await rm(storageDir, { recursive: true, force: true });
			const drop = postgres(clusterUrl, { max: 1, onnotice: () => {} });
			await drop.unsafe(`drop database if exists ${dbName} with (force)`);
			await drop.end();
		}
	};
}
