/**
 * Online, ask the server what became of drafts this device holds (deleted or
 * filed on another device) and settle them on the device (drafts-check.ts).
 * Loads supabase-js and the check lazily; offline or without a session it
 * quietly does nothing (the drafts' next sync or the next visit finds out).
 */
import type { BrowserBackend } from '$lib/data/browser-client';
import type { ClosedElsewhereReport } from '$lib/offline/drafts-check';

export async function checkDraftsIfOnline(backend: BrowserBackend, only?: readonly string[]): Promise<ClosedElsewhereReport[]> {
	if (!navigator.onLine) return [];
	try {
		const [{ browserClient }, { getServerDraftsById }, { checkDraftsOnServer }] = await Promise.all([
			import('$lib/data/browser-client'),
			import('$lib/data/drafts'),
			import('$lib/offline/drafts-check')
		]);
		const client = await browserClient(backend);
		return await checkDraftsOnServer((ids) => getServerDraftsById(client, ids), only ? { only } : {});
	} catch {
		return [];
	}
}
