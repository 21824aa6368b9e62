/** Messages the app posts to the service worker (`src/sw.ts`). */

/** Activate the waiting new version now (sent only when the user chose "Update now"). */
export const SKIP_WAITING = 'SKIP_WAITING';
/** Forget the pages and agency directory kept for the signed-in person (sign-out). Answers on the message port. */
export const CLEAR_USER_CACHES = 'CLEAR_USER_CACHES';

export type ServiceWorkerMessage = { type: typeof SKIP_WAITING } | { type: typeof CLEAR_USER_CACHES };

export function isServiceWorkerMessage(data: unknown): data is ServiceWorkerMessage {
	if (typeof data !== 'object' || data === null || !('type' in data)) return false;
	return data.type === SKIP_WAITING || data.type === CLEAR_USER_CACHES;
}
