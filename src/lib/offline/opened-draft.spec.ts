import { describe, expect, it } from 'vitest';
import type { ServerDraft } from '$lib/data/drafts';
import type { DeviceAccount, Draft } from './db-schema';
import { openedDraft } from './opened-draft';

const ana: DeviceAccount = { userId: 'user-ana', email: 'ana@example.org' };
const ben: DeviceAccount = { userId: 'user-ben', email: 'ben@example.org' };

function stored(overrides: Partial<Draft> = {}): Draft {
	return {
		id: 'draft-1',
		organisationId: 'org-1',
		kind: 'request_draft',
		fields: { templateId: 'initial_request', title: 'Subpoenas', values: {}, agencyIds: [] },
		updatedAt: '2026-11-26T10:00:00.000Z',
		syncedAt: '2026-11-26T10:00:00.000Z',
		serverVersion: '3',
		deviceId: 'device-1',
		owner: ana,
		...overrides
	};
}

function server(revision: number, filedAt: string | null = null): ServerDraft {
	return {
		id: 'draft-1',
		organisationId: 'org-1',
		templateId: 'initial_request',
		title: 'Subpoenas (server)',
		values: {},
		agencyIds: [],
		restoredFrom: null,
		revision,
		filedAt,
		createdBy: ana.userId,
		createdAt: '2026-11-25T10:00:00.000Z',
		updatedAt: '2026-11-26T10:00:00.000Z'
	};
}

describe('openedDraft', () => {
	it("shows the account's own draft, saying whether it waits to sync", () => {
		expect(openedDraft(stored(), ana, null)).toMatchObject({ draft: { id: 'draft-1' }, unsynced: false });
		expect(openedDraft(stored({ syncedAt: null }), ana, null)?.unsynced).toBe(true);
	});

	it("never shows another account's draft; an unowned one shows", () => {
		expect(openedDraft(stored(), ben, null)).toBeUndefined();
		expect(openedDraft(stored(), null, null)).toBeUndefined();
		expect(openedDraft(stored({ owner: undefined }), ben, null)).toBeDefined();
	});

	it('shows only request drafts read back whole', () => {
		expect(openedDraft(undefined, ana, null)).toBeUndefined();
		expect(openedDraft({ id: 'draft-1' }, ana, null)).toBeUndefined();
		expect(openedDraft(stored({ kind: 'request_draft_deleted' }), ana, null)).toBeUndefined();
	});

	it("waits for the merge when the page's server copy is newer than the device's", () => {
		expect(openedDraft(stored(), ana, server(4))).toBeUndefined();
		expect(openedDraft(stored(), ana, server(3))).toBeDefined();
		// Changes not synced yet are the device's to keep: shown at once.
		expect(openedDraft(stored({ syncedAt: null }), ana, server(4))).toBeDefined();
		// Filed elsewhere: the merge marks it filed first.
		expect(openedDraft(stored(), ana, server(3, '2026-11-26T11:00:00.000Z'))).toBeUndefined();
	});
});
