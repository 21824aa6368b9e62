import { describe, expect, it } from 'vitest';
import type { AttachmentFile, DeviceAccount, Draft, OutboxEntry } from './db-schema';
import { holdsWaitingWork, isVisibleTo, summariseDeviceWork, withOwner } from './ownership';

const ana: DeviceAccount = { userId: 'user-ana', email: 'ana@example.org' };
const ben: DeviceAccount = { userId: 'user-ben', email: 'ben@example.org' };

function entry(seq: number, id: string, owner?: DeviceAccount): OutboxEntry {
	return withOwner<OutboxEntry>(
		{ seq, id, table: 'records_requests', operation: 'upsert', payload: {}, createdAt: '2026-11-25T10:00:00.000Z', revision: 1, attempts: 0, lastError: null, status: 'pending' },
		owner
	);
}

function draft(id: string, owner: DeviceAccount | undefined, syncedAt: string | null): Draft {
	return withOwner<Draft>(
		{ id, organisationId: 'org', kind: 'request_draft', fields: {}, updatedAt: '2026-11-25T10:00:00.000Z', syncedAt, serverVersion: null, deviceId: 'd' },
		owner
	);
}

function file(id: string, owner: DeviceAccount): AttachmentFile {
	return withOwner<AttachmentFile>(
		{
			id,
			organisationId: 'org',
			requestId: 'r',
			eventId: 'e',
			fileName: 'a.pdf',
			mimeType: 'application/pdf',
			size: 1,
			sha256: '',
			blob: new Blob(['a']),
			status: 'waiting',
			attempts: 0,
			lastError: null,
			createdAt: '2026-11-25T10:00:00.000Z'
		},
		owner
	);
}

describe('whose records an account sees', () => {
	it('its own and unowned ones (made before accounts were recorded), never another account’s', () => {
		expect(isVisibleTo(entry(1, 'a', ana), ana)).toBe(true);
		expect(isVisibleTo(entry(1, 'a'), ana)).toBe(true);
		expect(isVisibleTo(entry(1, 'a', ben), ana)).toBe(false);
	});

	it('with nobody signed in: only unowned ones', () => {
		expect(isVisibleTo(entry(1, 'a'), null)).toBe(true);
		expect(isVisibleTo(entry(1, 'a', ana), null)).toBe(false);
	});

	it('records an owner, or none, without keeping a stale one', () => {
		expect(withOwner(entry(1, 'a', ana), ben).owner).toEqual(ben);
		expect('owner' in withOwner(entry(1, 'a', ana), null)).toBe(false);
	});

	it('another account’s draft holds waiting work while it is unsynced or has an outbox entry', () => {
		expect(holdsWaitingWork(draft('d', ben, null), false)).toBe(true);
		expect(holdsWaitingWork(draft('d', ben, '2026-11-25T10:00:00.000Z'), true)).toBe(true);
		expect(holdsWaitingWork(draft('d', ben, '2026-11-25T10:00:00.000Z'), false)).toBe(false);
	});
});

describe('the work on a shared device', () => {
	it('counts the account’s own work and sums up other accounts’ waiting work without their content', () => {
		const entries = [entry(1, 'b1', ben), entry(2, 'a1', ana), entry(3, 'u1'), entry(4, 'b2', ben)];
		const drafts = [
			draft('a1', ana, null), // has an entry: one change, not two
			draft('b-local', ben, null), // never synced, no entry (no organisation yet): would be lost too
			draft('b-synced', ben, '2026-11-25T10:00:00.000Z') // on the server: nothing waits
		];
		const work = summariseDeviceWork(ana, entries, drafts, [file('f1', ben), file('f2', ana)]);
		expect(work.pending).toBe(2);
		expect(work.first?.id).toBe('a1');
		expect(work.unsyncedDrafts).toBe(1);
		expect(work.waiting).toBe(3);
		expect(work.others).toEqual([{ owner: ben, changes: 4 }]);
	});

	it('lists every other account, in the order their work appears', () => {
		const carla: DeviceAccount = { userId: 'user-carla', email: 'carla@example.org' };
		const work = summariseDeviceWork(null, [entry(1, 'c', carla), entry(2, 'a', ana), entry(3, 'c2', carla)], [], []);
		expect(work.others).toEqual([
			{ owner: carla, changes: 2 },
			{ owner: ana, changes: 1 }
		]);
		expect(work.pending).toBe(0);
	});
});
