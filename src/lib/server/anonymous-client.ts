/**
 * A supabase-js client with no session and no cookies, for public responses that must not
 * touch the visitor's session (the embeddable widget): anonymous visitors and signed-in ones
 * get the same bytes, and no Set-Cookie.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import type { Database } from '$lib/database.types';
import { backendFor } from './backend';

export async function anonymousClient(origin: string, clientIp?: string): Promise<SupabaseClient<Database>> {
	const backend = await backendFor(origin, clientIp);
	return createClient<Database>(backend.url, backend.publishableKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		global: { fetch: backend.fetch },
		// Node 20 has no native WebSocket; supabase-js's realtime client needs one on the server.
		realtime: { transport: ws as unknown as typeof WebSocket }
	});
}
