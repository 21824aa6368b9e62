import { describe, expect, it } from 'vitest';
import { deletionMarker } from '$lib/offline/draft-fates';
import type { RequestDraft } from '$lib/offline/drafts-sync';
import { closureOnDevice, hidesComposer } from './draft-closure';

const AT = '2026-11-25T10:00:00.000Z';

function draft(fields: Partial<RequestDraft['fields']> = {}): RequestDraft {
	return {
		id: 'd1',
		organisationId: 'org-1',
		kind: 'request_draft',
		fields: { templateId: 'initial_request', title: 'Detainers', values: {}, agencyIds: [], ...fields },
		updatedAt: AT,
		syncedAt: AT,
		serverVersion: '2',
		deviceId: 'phone'
	};
}

describe('closureOnDevice', () => {
	it('an ordinary draft is open', () => {
		expect(closureOnDevice(draft(), undefined)).toBeNull();
		expect(closureOnDevice(draft({ filedAt: AT }), undefined)).toBeNull();
	});

	it('a draft filed elsewhere is closed, with the copy that keeps the changes made here', () => {
		expect(closureOnDevice(draft({ closedElsewhere: { reason: 'filed', at: AT, copyId: 'c1' } }), undefined)).toEqual({ kind: 'filed', copyId: 'c1' });
	});

	it('a draft deleted elsewhere after changes here stays open on this device', () => {
		const closure = closureOnDevice(draft({ closedElsewhere: { reason: 'deleted', at: AT, copyId: null } }), undefined);
		expect(closure).toEqual({ kind: 'deletedElsewhereKept' });
		expect(hidesComposer(closure)).toBe(false);
	});

	it('a deleted draft is closed, saying where it was deleted', () => {
		const marker = deletionMarker(draft(), AT, 'elsewhere');
		expect(closureOnDevice(undefined, marker)).toEqual({ kind: 'deleted', by: 'elsewhere' });
		expect(hidesComposer(closureOnDevice(undefined, marker))).toBe(true);
	});

	it('nothing on the device says nothing', () => {
		expect(closureOnDevice(undefined, undefined)).toBeNull();
		expect(hidesComposer(null)).toBe(false);
	});
});
