/**
 * The caseload list against the real embedded stack with real supabase-js:
 * sections (server filters agree with the pure classification), counts,
 * search by title / tracking number / tag / agency name, paging, and RLS
 * (another organisation's requests never appear, even when asked for by id).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from '../../support/stack';
import { listCaseload, type CaseloadQuery } from '../../../src/lib/data/requests';
import { classifyRequest } from '../../../src/lib/caseload/classify-request';
import { CASELOAD_SECTIONS, type CaseloadFilter } from '../../../src/lib/caseload/sections';
import type { Database } from '../../../src/lib/database.types';
import { agencyIds, seedRequests, type SeedRequest } from './seed-caseload';

const TODAY = '2025-11-24';
const HORIZON = '2025-11-28';

describe('the caseload list', () => {
	let t: TestStack;
	let client: SupabaseClient<Database>;
	let outsider: SupabaseClient<Database>;
	let orgId: string;
	let otherOrgId: string;
	let seeded: SeedRequest[];

	const query = (overrides: Partial<CaseloadQuery> = {}): CaseloadQuery => ({
		filter: 'open',
		search: '',
		organisationIds: [orgId],
		page: 1,
		pageSize: 50,
		today: TODAY,
		horizon: HORIZON,
		...overrides
	});

	beforeAll(async () => {
		t = await startTestStack();
		const owner = await t.signedIn('owner@caseload.test');
		const other = await t.signedIn('other@caseload.test');
		client = owner.client as SupabaseClient<Database>;
		outsider = other.client as SupabaseClient<Database>;
		const created = async (member: SupabaseClient<Database>, name: string) => {
			const org = await member.rpc('create_organisation', { name }).single();
			expect(org.error).toBeNull();
			return (org.data as unknown as { id: string }).id;
		};
		orgId = await created(client, 'Caseload Rights');
		otherOrgId = await created(outsider, 'Another Group');
		const agency = await agencyIds(t.sql, ['CDOR', 'CDLE']);
		const cdor = agency.CDOR!;
		const cdle = agency.CDLE!;
		seeded = [
			{ title: 'Overdue DMV records', agencyId: cdor, dueOn: '2025-11-19', trackingNumber: 'R-2025-118', tags: ['dmv'] },
			{ title: 'Overdue after extension', agencyId: cdle, status: 'extended', dueOn: '2025-11-05', extendedDueOn: '2025-11-20' },
			{ title: 'Due Wednesday', agencyId: cdle, dueOn: '2025-11-26', tags: ['subpoenas'] },
			{ title: 'Due today', agencyId: cdor, status: 'acknowledged', dueOn: TODAY },
			{ title: 'Due after Thanksgiving', agencyId: cdle, dueOn: '2025-11-28' },
			{ title: 'Extended to December', agencyId: cdle, status: 'extended', dueOn: '2025-11-19', extendedDueOn: '2025-12-03' },
			{ title: 'Fee owed', agencyId: cdor, status: 'awaiting_payment', dueOn: '2025-11-01' },
			{ title: 'Clarification owed', agencyId: cdle, status: 'awaiting_clarification', dueOn: '2025-11-26' },
			{ title: 'Not sent yet', agencyId: cdle, status: 'draft' },
			{ title: 'CCJRA follow-up next month', agencyId: cdle, regime: 'CCJRA', dueOn: '2025-12-15' },
			{ title: 'CCJRA follow-up passed', agencyId: cdle, regime: 'CCJRA', dueOn: '2025-11-10' },
			{ title: 'Notice of intent', agencyId: cdor, status: 'notice_of_intent_sent', dueOn: '2025-11-03' },
			{ title: 'Released in full', agencyId: cdor, status: 'released', dueOn: '2025-11-03' },
			{ title: 'Closed by date', agencyId: cdle, status: 'partially_released', dueOn: '2025-11-03', closedAt: '2025-11-10T10:00:00Z' },
			{ title: 'Running, no due date', agencyId: cdle }
		];
		await seedRequests(t.sql, orgId, seeded);
		await seedRequests(t.sql, otherOrgId, [
			{ title: 'Overdue DMV records of another group', agencyId: cdor, dueOn: '2025-11-19', trackingNumber: 'R-2025-118', tags: ['dmv'] }
		]);
	});
	afterAll(async () => t?.close());

	it('puts each request in the same section the pure classification gives it', async () => {
		for (const section of CASELOAD_SECTIONS) {
			const page = await listCaseload(client, query({ filter: section }));
			const expected = seeded
				.filter(
					(r) =>
						classifyRequest(
							{ status: r.status ?? 'sent', regime: r.regime ?? 'CORA', due_on: r.dueOn ?? null, extended_due_on: r.extendedDueOn ?? null, closed_at: r.closedAt ?? null },
							TODAY,
							HORIZON
						).section === section
				)
				.map((r) => r.title)
				.sort();
			expect(page.rows.map((r) => r.title).sort(), section).toEqual(expected);
			expect(page.counts[section], section).toBe(expected.length);
		}
	});

	it('shows the expected requests in overdue and due soon, counts open as everything not closed', async () => {
		const overdue = await listCaseload(client, query({ filter: 'overdue' }));
		expect(overdue.rows.map((r) => r.title).sort()).toEqual(['Overdue DMV records', 'Overdue after extension']);
		const soon = await listCaseload(client, query({ filter: 'due_soon' }));
		expect(soon.rows.map((r) => r.title)).toEqual(['CCJRA follow-up passed', 'Due today', 'Due Wednesday', 'Due after Thanksgiving']);
		expect(overdue.counts.open).toBe(seeded.length - overdue.counts.closed);
		expect(overdue.counts.closed).toBe(2);
	});

	it('searches titles, tracking numbers, tags and agency names', async () => {
		const titles = async (search: string, filter: CaseloadFilter = 'open') => (await listCaseload(client, query({ search, filter }))).rows.map((r) => r.title).sort();
		expect(await titles('thanksgiving')).toEqual(['Due after Thanksgiving']);
		expect(await titles('2025-118')).toEqual(['Overdue DMV records']);
		expect(await titles('subpoenas')).toEqual(['Due Wednesday']);
		expect(await titles('Revenue')).toEqual(['Due today', 'Fee owed', 'Notice of intent', 'Overdue DMV records']);
		expect(await titles('Revenue', 'closed')).toEqual(['Released in full']);
		expect(await titles('no such thing')).toEqual([]);
		const counted = await listCaseload(client, query({ search: 'Revenue' }));
		expect(counted.counts.overdue).toBe(1);
	});

	it('pages 50 at a time (here 4), with the total across pages', async () => {
		const first = await listCaseload(client, query({ pageSize: 4 }));
		const last = await listCaseload(client, query({ pageSize: 4, page: 4 }));
		const beyond = await listCaseload(client, query({ pageSize: 4, page: 9 }));
		expect(first.rows).toHaveLength(4);
		expect(first.total).toBe(13);
		expect(last.rows).toHaveLength(1);
		expect(beyond.rows).toEqual([]);
		expect(beyond.total).toBe(13);
	});

	it("never shows another organisation's requests, even when asked for its id", async () => {
		const mine = await listCaseload(client, query({ organisationIds: [orgId, otherOrgId], search: 'DMV' }));
		expect(mine.rows.map((r) => r.title)).toEqual(['Overdue DMV records']);
		const theirs = await listCaseload(client, query({ organisationIds: [otherOrgId], filter: 'overdue' }));
		expect(theirs.rows).toEqual([]);
		expect(theirs.counts.overdue).toBe(0);
		const outsiderView = await listCaseload(outsider, query({ organisationIds: [orgId, otherOrgId] }));
		expect(outsiderView.rows.map((r) => r.title)).toEqual(['Overdue DMV records of another group']);
	});

	it('shows nothing to someone with no organisation', async () => {
		const loner = await t.signedIn('loner@caseload.test');
		const page = await listCaseload(loner.client as SupabaseClient<Database>, query({ organisationIds: [] }));
		expect(page).toMatchObject({ rows: [], total: 0 });
	});
});
