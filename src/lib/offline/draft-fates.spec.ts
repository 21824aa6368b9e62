import { describe, expect, it } from 'vitest';
import type { Draft } from './db-schema';
import { closedElsewhereOf, deletionMarker, hasUnsyncedChanges, isDeletedDraft, isExpiredMarker, remoteFate } from './draft-fates';

const T0 = '2026-11-25T10:00:00.000Z';
const T1 = '2026-11-25T11:00:00.000Z';

function draft(overrides: Partial<Draft> = {}): Draft {
	return {
		id: 'd1',
		organisationId: 'org-1',
		kind: 'request_draft',
		fields: { title: 'Detainers' },
		updatedAt: T0,
		syncedAt: T0,
		serverVersion: '3',
		deviceId: 'phone',
		...overrides
	};
}

const unfiled = { filedAt: null };
const filed = { filedAt: T1 };

describe('remoteFate: what the server says about a draft on this device', () => {
	it('a synced, unchanged draft the server no longer has was deleted elsewhere: remove it here too', () => {
		expect(remoteFate(draft(), undefined, false)).toBe('deleted');
	});

	it('a synced, unchanged draft the server has filed was filed elsewhere: mark it filed', () => {
		expect(remoteFate(draft(), filed, false)).toBe('filed');
	});

	it('a draft still on the server, unfiled, is unchanged', () => {
		expect(remoteFate(draft(), unfiled, false)).toBe('unchanged');
	});

	it('a draft changed here since it synced is left to its own sync (which keeps the changes)', () => {
		const changed = draft({ updatedAt: T1 });
		expect(hasUnsyncedChanges(changed)).toBe(true);
		expect(remoteFate(changed, undefined, false)).toBe('leave');
		expect(remoteFate(changed, filed, false)).toBe('leave');
	});

	it('a draft with a change waiting in the outbox is left alone too', () => {
		expect(remoteFate(draft(), undefined, true)).toBe('leave');
	});

	it('a draft that never reached the server is never taken for deleted', () => {
		expect(remoteFate(draft({ serverVersion: null, syncedAt: null }), undefined, false)).toBe('unchanged');
	});

	it('a draft without an organisation stays on the device only', () => {
		expect(remoteFate(draft({ organisationId: '' }), undefined, false)).toBe('unchanged');
	});

	it('a draft filed on this device, or already marked closed, is not looked at again', () => {
		expect(remoteFate(draft({ fields: { filedAt: T1 } }), undefined, false)).toBe('unchanged');
		expect(remoteFate(draft({ fields: { closedElsewhere: { reason: 'deleted', at: T1, copyId: null } } }), undefined, false)).toBe('unchanged');
	});
});

describe('deletion markers', () => {
	it('keep the id and organisation but none of the content, and are not work waiting to sync', () => {
		const marker = deletionMarker(draft({ fields: { title: 'Secret subject' } }), T1, 'here');
		expect(isDeletedDraft(marker)).toBe(true);
		expect(isDeletedDraft(draft())).toBe(false);
		expect(marker).toMatchObject({ id: 'd1', organisationId: 'org-1', fields: { deletedAt: T1, by: 'here' } });
		expect(JSON.stringify(marker)).not.toContain('Secret subject');
		expect(hasUnsyncedChanges(marker)).toBe(false);
	});

	it('expire after 31 days, not before', () => {
		const marker = deletionMarker(draft(), T0, 'elsewhere');
		expect(isExpiredMarker(marker, new Date('2026-12-26T09:00:00.000Z'))).toBe(false);
		expect(isExpiredMarker(marker, new Date('2026-12-26T11:00:00.000Z'))).toBe(true);
	});
});

describe('closedElsewhereOf', () => {
	it('reads a well-formed marker and ignores anything else', () => {
		expect(closedElsewhereOf({ closedElsewhere: { reason: 'filed', at: T1, copyId: 'c1' } })).toEqual({ reason: 'filed', at: T1, copyId: 'c1' });
		expect(closedElsewhereOf({ closedElsewhere: { reason: 'deleted', at: T1 } })).toEqual({ reason: 'deleted', at: T1, copyId: null });
		expect(closedElsewhereOf({ closedElsewhere: { reason: 'archived', at: T1 } })).toBeNull();
		expect(closedElsewhereOf({ closedElsewhere: null })).toBeNull();
		expect(closedElsewhereOf({})).toBeNull();
	});
});
