/**
 * The browser's supabase-js client for the attachment components, from the
 * signed-in layout's data (`page.data.supabase`); null outside /app.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { BrowserBackend } from '$lib/data/browser-client';

export function isBrowserBackend(value: unknown): value is BrowserBackend {
	return typeof value === 'object' && value !== null && typeof (value as BrowserBackend).url === 'string' && typeof (value as BrowserBackend).key === 'string';
}

export async function attachmentsClient(backend: unknown): Promise<SupabaseClient<Database> | null> {
	if (!isBrowserBackend(backend)) return null;
	const { browserClient } = await import('$lib/data/browser-client');
	return browserClient(backend);
}
