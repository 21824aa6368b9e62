/**
 * How this page connects sync when it is needed: the signed-in layout provides
 * it (loading supabase-js and the sync code only then, `app-sync.ts`), and
 * `syncNow()` asks for it when a change is sent before anything waited on the
 * device (the user just queued one), so that first send is not lost. Tiny and
 * free of imports: it is on the first load of every signed-in page.
 */
type Connect = () => Promise<void>;

let connector: Connect | null = null;

/** Say how sync connects on this page (null: it cannot, e.g. outside the signed-in area). */
export function provideSyncConnection(connect: Connect | null): void {
	connector = connect;
}

/** Connect sync if this page can; resolves once connected, or once it could not be. */
export async function connectSyncOnDemand(): Promise<void> {
	await connector?.().catch(() => {});
}
