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
	/**
	 * local: saved on this device, not synced yet; synced: the server has this version;
	 * deletedElsewhere: deleted on another device after it was changed here, kept on this device only.
	 */
	state: 'local' | 'synced' | 'deletedElsewhere';
	restoredFrom: string | null;
	/** Its author as the server knows it; undefined for a draft that has only been on this device. */
	createdBy: string | null | undefined;
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
		state: draft.fields.closedElsewhere?.reason === 'deleted' ? 'deletedElsewhere' : hasUnsyncedChanges(draft) ? 'local' : 'synced',
		restoredFrom: draft.fields.restoredFrom ?? null,
		createdBy: draft.fields.createdBy
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
		restoredFrom: draft.restoredFrom,
		createdBy: draft.createdBy
	};
}

/**
 * The device's version wins where both have a draft; most recently edited first. Drafts deleted on (or for) this
 * device are left out, even if the server's list (perhaps read before the deletion) still has them, and so are
 * filed drafts: their requests are under Requests.
 */
export function mergeDraftLists(device: readonly RequestDraft[], server: readonly ServerDraft[], deleted: ReadonlySet<string> = new Set()): ListedDraft[] {
	const listed = new Map<string, ListedDraft>();
	for (const draft of server) if (draft.filedAt === null) listed.set(draft.id, fromServer(draft));
	for (const draft of device) {
		if (typeof draft.fields.filedAt === 'string') listed.delete(draft.id);
		else listed.set(draft.id, fromDevice(draft));
	}
	for (const id of deleted) listed.delete(id);
	return [...listed.values()].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}
