/**
 * The supabase-js client of the browser, made on first use: supabase-js is
 * imported lazily so it stays off the first-load critical path of every page.
 * The session comes from the cookies the server set at sign-in (@supabase/ssr).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';

export interface BrowserBackend {
	url: string;
	key: string;
}

let client: Promise<SupabaseClient<Database>> | null = null;
let madeFor = '';

export function browserClient(backend: BrowserBackend): Promise<SupabaseClient<Database>> {
	const key = `${backend.url} ${backend.key}`;
	if (!client || madeFor !== key) {
		madeFor = key;
		client = import('@supabase/ssr')
			.then(({ createBrowserClient }) => createBrowserClient<Database>(backend.url, backend.key))
			.catch((error: unknown) => {
				client = null;
				throw error;
			});
	}
	return client;
}
