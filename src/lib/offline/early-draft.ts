/**
 * `src/app.html` starts reading the draft the composer's address names
 * (`/app/compose?draft=…`) from IndexedDB while the page is parsed, long before
 * the app's JavaScript has loaded; offline on a slow phone that read is done by
 * the time the composer mounts. The script never creates the database and
 * closes its connection at once (an app upgrade is never blocked by it).
 */
declare global {
	interface Window {
		__discloseEarlyDraft?: { id: string; read: Promise<unknown> };
	}
}

/** The page's early read of draft `id`, taken once (a later load reads the database itself); null when there is none. */
export function takeEarlyDraftRead(id: string): Promise<unknown> | null {
	const early = window.__discloseEarlyDraft;
	if (!early || early.id !== id) return null;
	delete window.__discloseEarlyDraft;
	return early.read;
}
