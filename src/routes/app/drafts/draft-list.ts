/** One list of drafts from the device and the server, each with where it is. */
import type { ServerDraft } from '$lib/data/drafts';
import { hasUnsyncedChanges, type RequestDraft } from '$lib/offline/drafts-sync';

export interface ListedDraft {
	id: string;
	organisationId: string;
	templateId: string;
	title: string;
	values: Record<string, unknown>;
	agencyCount: number;
	updatedAt: string;
	/** local: saved on this device, not synced yet; synced: the server has this version. */
	state: 'local' | 'synced';
	restoredFrom: string | null;
}

function fromDevice(draft: RequestDraft): ListedDraft {
	return {
		id: draft.id,
		organisationId: draft.organisationId,
		templateId: draft.fields.templateId,
		title: draft.fields.title,
		values: draft.fields.values,
		agencyCount: draft.fields.agencyIds.length,
		updatedAt: draft.updatedAt,
		state: hasUnsyncedChanges(draft) ? 'local' : 'synced',
		restoredFrom: draft.fields.restoredFrom ?? null
	};
}

function fromServer(draft: ServerDraft): ListedDraft {
	return {
		id: draft.id,
		organisationId: draft.organisationId,
		templateId: draft.templateId,
		title: draft.title,
		values: draft.values,
		agencyCount: draft.agencyIds.length,
		updatedAt: draft.updatedAt,
		state: 'synced',
		restoredFrom: draft.restoredFrom
	};
}

/** The device's version wins where both have a draft; most recently edited first. */
export function mergeDraftLists(device: readonly RequestDraft[], server: readonly ServerDraft[]): ListedDraft[] {
	const listed = new Map<string, ListedDraft>();
	for (const draft of server) listed.set(draft.id, fromServer(draft));
	for (const draft of device) listed.set(draft.id, fromDevice(draft));
	return [...listed.values()].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}
