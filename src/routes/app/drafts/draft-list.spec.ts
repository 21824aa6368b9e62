import { describe, expect, it } from 'vitest';
import type { ServerDraft } from '$lib/data/drafts';
import type { RequestDraft } from '$lib/offline/drafts-sync';
import { mergeDraftLists } from './draft-list';

const T0 = '2026-11-25T10:00:00.000Z';
const T1 = '2026-11-25T11:00:00.000Z';

function server(id: string, overrides: Partial<ServerDraft> = {}): ServerDraft {
	return {
		id,
		organisationId: 'org-1',
		templateId: 'initial_request',
		title: `Server ${id}`,
		values: {},
		agencyIds: [],
		restoredFrom: null,
		revision: 1,
		filedAt: null,
		createdBy: 'user-1',
		createdAt: T0,
		updatedAt: T0,
		...overrides
	};
}

function device(id: string, fields: Partial<RequestDraft['fields']> = {}, updatedAt = T1): RequestDraft {
	return {
		id,
		organisationId: 'org-1',
		kind: 'request_draft',
		fields: { templateId: 'initial_request', title: `Device ${id}`, values: {}, agencyIds: ['a'], ...fields },
		updatedAt,
		syncedAt: T0,
		serverVersion: '1',
		deviceId: 'phone'
	};
}

describe('mergeDraftLists', () => {
	it('shows the device’s version where both have the draft, newest first', () => {
		const list = mergeDraftLists([device('a')], [server('a'), server('b')]);
		expect(list.map((d) => [d.id, d.title, d.state])).toEqual([
			['a', 'Device a', 'local'],
			['b', 'Server b', 'synced']
		]);
	});

	it('leaves out a draft deleted on this device even when the server’s list still has it', () => {
		expect(mergeDraftLists([], [server('a'), server('b')], new Set(['a'])).map((d) => d.id)).toEqual(['b']);
	});

	it('leaves out filed drafts, from either side', () => {
		const list = mergeDraftLists([device('a', { filedAt: T1 })], [server('a'), server('b', { filedAt: T1 })]);
		expect(list).toEqual([]);
	});

	it('marks a draft deleted elsewhere and kept here', () => {
		const [draft] = mergeDraftLists([device('a', { closedElsewhere: { reason: 'deleted', at: T1, copyId: null } })], []);
		expect(draft?.state).toBe('deletedElsewhere');
	});

	it('knows the author of server drafts, not of drafts only ever on this device', () => {
		const list = mergeDraftLists([device('mine', {}, T0)], [server('theirs', { createdBy: 'user-2' })]);
		expect(Object.fromEntries(list.map((d) => [d.id, d.createdBy]))).toEqual({ mine: undefined, theirs: 'user-2' });
	});
});
