/**
 * The draft a composer opens, as the device holds it, shown as soon as the
 * composer mounts: read while the page loads (from `src/app.html`'s early
 * read, see `early-draft.ts`, or from the device database), before the sync
 * code has loaded. Pure rules, no I/O.
 */
import type { ServerDraft } from '$lib/data/drafts';
import type { DeviceAccount, Draft } from './db-schema';
import { REQUEST_DRAFT_KIND, hasUnsyncedChanges, isVisibleTo, keepsDeviceCopy } from './draft-state';
import type { RequestDraft } from './drafts-sync';

export interface OpenedDraft {
	draft: RequestDraft;
	/** It has changes not yet synced ("Saved on this device"). */
	unsynced: boolean;
}

function isDraftRecord(value: unknown): value is Draft {
	if (!value || typeof value !== 'object') return false;
	const record = value as Record<string, unknown>;
	return typeof record.id === 'string' && typeof record.updatedAt === 'string' && !!record.fields && typeof record.fields === 'object';
}

/**
 * `stored` as the composer may show it before the server's copy is merged in: `account`'s own (or an unowned)
 * request draft, which merging the server's copy (`server`, when the page has one of that draft) leaves as it is.
 * Undefined otherwise: the composer then waits for the merge (or says the draft is not on this device).
 */
export function openedDraft(stored: unknown, account: DeviceAccount | null, server: ServerDraft | null): OpenedDraft | undefined {
	if (!isDraftRecord(stored) || stored.kind !== REQUEST_DRAFT_KIND || !isVisibleTo(stored, account)) return undefined;
	if (server && server.id === stored.id && !keepsDeviceCopy(stored, server)) return undefined;
	return { draft: stored as RequestDraft, unsynced: hasUnsyncedChanges(stored) };
}
