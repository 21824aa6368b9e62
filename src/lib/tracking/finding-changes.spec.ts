import { describe, expect, it } from 'vitest';
import { applyFindingChanges, changesNotYetShown, findingChangesOf, mergeFindingChanges, type DeviceFindingChanges } from './finding-changes';
import type { FindingChanges } from './finding-form';

const entry = (id: string, operation: string, payload: Record<string, unknown> = {}, status = 'pending', table = 'disclosure_findings') => ({ id, table, operation, payload, status });
const findings = [
	{ id: 'f-1', people_count: 3 as number | null, summary: 'first' },
	{ id: 'f-2', people_count: 5 as number | null, summary: 'second' }
];

describe('finding edits and deletions waiting on this device', () => {
	it('shows a waiting edit over the saved finding, marked as edited', () => {
		const changes = findingChangesOf([entry('f-1', 'update', { people_count: null })]);
		expect(applyFindingChanges(findings, changes)).toEqual([
			{ id: 'f-1', people_count: null, summary: 'first', edited: true },
			{ id: 'f-2', people_count: 5, summary: 'second', edited: false }
		]);
	});

	it('hides a finding whose deletion waits, but keeps one whose deletion the server refused', () => {
		expect(applyFindingChanges(findings, findingChangesOf([entry('f-2', 'delete')])).map((f) => f.id)).toEqual(['f-1']);
		expect(applyFindingChanges(findings, findingChangesOf([entry('f-2', 'delete', {}, 'failed')])).map((f) => f.id)).toEqual(['f-1', 'f-2']);
	});

	it('ignores other tables and creations (those are shown from their own rows)', () => {
		const changes = findingChangesOf([entry('f-1', 'update', { people_count: 9 }, 'pending', 'records_requests'), entry('f-2', 'upsert', { people_count: 1 })]);
		expect(changes.edits.size).toBe(0);
		expect(changes.deleted.size).toBe(0);
	});

	it('lets what this page did win over what the outbox held when it was read', () => {
		const outbox = findingChangesOf([entry('f-1', 'update', { people_count: 7, summary: 'outbox' })]);
		const page = { edits: new Map([['f-1', { people_count: 8 }]]), deleted: new Set(['f-2']) };
		const merged = mergeFindingChanges(page, outbox);
		expect(applyFindingChanges(findings, mergeFindingChanges(outbox, page))).toEqual([{ id: 'f-1', people_count: 8, summary: 'outbox', edited: true }]);
		expect(merged.deleted).toEqual(new Set(['f-2']));
	});
});

describe("the page's own finding changes once they have left the outbox", () => {
	const edit: Partial<FindingChanges> = { people_count: 40, data_categories: ['employer'] };
	const changes: DeviceFindingChanges = { edits: new Map([['f1', edit]]), deleted: new Set(['f2']) };

	it('are dropped once the server findings show them', () => {
		const server = [{ id: 'f1', people_count: 40, data_categories: ['employer'], records_count: 120 }];
		const left = changesNotYetShown(changes, server, new Set());
		expect([...left.edits.keys()]).toEqual([]);
		expect([...left.deleted]).toEqual([]);
	});

	it('are kept while the findings the page holds are older (an edit not in them, a deleted finding still there)', () => {
		const older = [
			{ id: 'f1', people_count: 35, data_categories: ['employer'] },
			{ id: 'f2', people_count: 3, data_categories: [] }
		];
		const left = changesNotYetShown(changes, older, new Set());
		expect(left.edits.get('f1')).toEqual({ people_count: 40, data_categories: ['employer'] });
		expect([...left.deleted]).toEqual(['f2']);
		expect(applyFindingChanges(older, left)).toEqual([{ id: 'f1', people_count: 40, data_categories: ['employer'], edited: true }]);
	});

	it('are kept while they wait to sync, whatever the server shows', () => {
		const server = [{ id: 'f1', people_count: 40, data_categories: ['employer'] }];
		expect([...changesNotYetShown(changes, server, new Set(['f1'])).edits.keys()]).toEqual(['f1']);
	});
});
