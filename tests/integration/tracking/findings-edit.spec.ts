/**
 * Disclosure findings from a release, edited and deleted, against the real
 * embedded stack: through the outbox transport the phone uses and the data
 * functions the no-JavaScript form actions use. Editors and owners may edit
 * and delete; a viewer's or another organisation's attempt changes nothing
 * and says so; a finding only comes from a release of its own request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { startTestStack, type TestStack } from '../../support/stack';
import type { OutboxEntry, OutboxMutation } from '../../../src/lib/offline/db-schema';
import { supabaseTransport } from '../../../src/lib/offline/transport';
import { checkFindingForm, findingChanges, type FindingFormValues, type FindingRow } from '../../../src/lib/tracking/finding-form';
import { deleteFinding, FINDING_NOT_CHANGED, trackingData, updateFinding } from '../../../src/lib/data/timeline';

interface Member {
	client: SupabaseClient;
	userId: string;
}

let seq = 0;
function entry(mutation: OutboxMutation): OutboxEntry {
	seq += 1;
	return { ...mutation, seq, createdAt: new Date().toISOString(), revision: 1, attempts: 0, lastError: null, status: 'pending' };
}

describe('findings from a release: record, edit, delete', () => {
	let t: TestStack;
	let owner: Member;
	let editor: Member;
	let viewer: Member;
	let outsider: Member;
	let orgId: string;
	let agencyId: string;

	interface Released {
		id: string;
		releaseId: string;
		sentEventId: string;
	}

	async function releasedRequest(): Promise<Released> {
		const id = randomUUID();
		const releaseId = randomUUID();
		const sentEventId = randomUUID();
		const made = await owner.client.from('records_requests').insert({
			id, organisation_id: orgId, agency_id: agencyId, title: 'ICE data sharing', regime: 'CORA', status: 'partially_released',
			sent_at: '2025-03-10T16:00:00Z', received_at: '2025-03-10T16:00:00Z', due_on: '2025-03-13'
		});
		expect(made.error).toBeNull();
		const events = await owner.client.from('request_events').insert([
			{ id: sentEventId, request_id: id, organisation_id: orgId, type: 'sent', occurred_at: '2025-03-10T16:00:00Z', payload: { channel: 'email' } },
			{ id: releaseId, request_id: id, organisation_id: orgId, type: 'records_released', occurred_at: '2025-03-12T16:00:00Z', payload: { completeness: 'partial' } }
		]);
		expect(events.error).toBeNull();
		return { id, releaseId, sentEventId };
	}

	function row(request: Released, values: Partial<FindingFormValues> = {}): FindingRow {
		const checked = checkFindingForm(
			{ categories: ['address'], people_count: '35', records_count: '12', event_id: request.releaseId, ...values },
			{ id: randomUUID(), requestId: request.id, organisationId: orgId, attachmentIds: [], releaseIds: [request.releaseId] }
		);
		if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
		return checked.row;
	}

	async function recorded(request: Released): Promise<FindingRow> {
		const finding = row(request);
		expect(await supabaseTransport(editor.client).send(entry({ id: finding.id, table: 'disclosure_findings', operation: 'upsert', payload: finding }))).toEqual({ ok: true });
		return finding;
	}

	const stored = async (id: string) => (await owner.client.from('disclosure_findings').select('event_id, people_count, period_start, period_end, summary').eq('id', id).maybeSingle()).data;

	beforeAll(async () => {
		t = await startTestStack();
		owner = await t.signedIn('owner@findings.test');
		const org = await owner.client.rpc('create_organisation', { name: 'Findings Advocacy' }).single();
		expect(org.error).toBeNull();
		orgId = (org.data as { id: string }).id;
		for (const [email, role] of [['editor@findings.test', 'editor'], ['viewer@findings.test', 'viewer']] as const) {
			const issued = await owner.client.rpc('create_invitation', { organisation_id: orgId, email, role }).single();
			expect(issued.error).toBeNull();
			const member = await t.signedIn(email);
			expect((await member.client.rpc('accept_invitation', { token: (issued.data as { token: string }).token })).error).toBeNull();
			if (role === 'editor') editor = member;
			else viewer = member;
		}
		outsider = await t.signedIn('outsider@findings.test');
		expect((await outsider.client.rpc('create_organisation', { name: 'Other Group' }).single()).error).toBeNull();
		const agencies = await owner.client.from('organisation_agencies').select('agency_id').eq('organisation_id', orgId).eq('abbreviation', 'CDLE');
		agencyId = agencies.data![0]!.agency_id!;
	});
	afterAll(async () => t?.close());

	it('a finding recorded from a release keeps its release, and the page data has it', async () => {
		const request = await releasedRequest();
		const finding = await recorded(request);
		const data = await trackingData(owner.client as never, { id: request.id, organisationId: orgId, agencyId, batchId: null });
		expect(data.findings).toEqual([expect.objectContaining({ id: finding.id, event_id: request.releaseId, people_count: 35 })]);
	});

	it('refuses a finding from an event that is not a release, in words', async () => {
		const request = await releasedRequest();
		const finding = { ...row(request), event_id: request.sentEventId };
		const result = await supabaseTransport(editor.client).send(entry({ id: finding.id, table: 'disclosure_findings', operation: 'upsert', payload: finding }));
		expect(result).toMatchObject({ ok: false, failure: 'rejected', message: 'A finding can only come from a records-released event (partial or full), not a sent event' });
	});

	it('an editor edits through the outbox (replays harmlessly) and an owner without JavaScript; the release stays', async () => {
		const request = await releasedRequest();
		const finding = await recorded(request);
		const edit = findingChanges(row(request, { people_count: undefined, people_unknown: 'on', summary: 'Names and addresses' }));
		const queued = entry({ id: finding.id, table: 'disclosure_findings', operation: 'update', payload: { ...edit } });
		expect(await supabaseTransport(editor.client).send(queued)).toEqual({ ok: true });
		expect(await supabaseTransport(editor.client).send(queued)).toEqual({ ok: true });
		expect(await stored(finding.id)).toMatchObject({ event_id: request.releaseId, people_count: null, summary: 'Names and addresses' });

		await updateFinding(owner.client as never, finding.id, findingChanges(row(request, { period_start: '2025-01-01', period_end: '2025-06-30' })));
		expect(await stored(finding.id)).toMatchObject({ event_id: request.releaseId, people_count: 35, period_start: '2025-01-01', period_end: '2025-06-30', summary: null });
	});

	it('the database refuses an edit to a negative count or a period ending before it starts', async () => {
		const request = await releasedRequest();
		const finding = await recorded(request);
		const base = findingChanges(finding);
		await expect(updateFinding(editor.client as never, finding.id, { ...base, people_count: -4 })).rejects.toThrow(/people_count_not_negative/);
		await expect(updateFinding(editor.client as never, finding.id, { ...base, period_start: '2025-06-01', period_end: '2025-01-01' })).rejects.toThrow(/period_in_order/);
		expect(await stored(finding.id)).toMatchObject({ people_count: 35, period_start: null });
	});

	it('a viewer and another organisation’s member can neither edit nor delete, and are told nothing changed', async () => {
		const request = await releasedRequest();
		const finding = await recorded(request);
		const edit = { ...findingChanges(finding), people_count: 1 };
		expect(await supabaseTransport(viewer.client).send(entry({ id: finding.id, table: 'disclosure_findings', operation: 'update', payload: edit }))).toMatchObject({ ok: false, failure: 'rejected', code: 'not_found' });
		for (const member of [viewer, outsider]) {
			await expect(updateFinding(member.client as never, finding.id, edit)).rejects.toThrow(FINDING_NOT_CHANGED);
			await expect(deleteFinding(member.client as never, finding.id)).rejects.toThrow(FINDING_NOT_CHANGED);
		}
		expect(await stored(finding.id)).toMatchObject({ people_count: 35 });
	});

	it('an editor deletes through the outbox (a replay is harmless), an owner without JavaScript; each deletion is logged', async () => {
		const request = await releasedRequest();
		const first = await recorded(request);
		const second = await recorded(request);
		const deletion = entry({ id: first.id, table: 'disclosure_findings', operation: 'delete', payload: {} });
		expect(await supabaseTransport(editor.client).send(deletion)).toEqual({ ok: true });
		expect(await supabaseTransport(editor.client).send(deletion)).toEqual({ ok: true });
		await deleteFinding(owner.client as never, second.id);
		expect(await stored(first.id)).toBeNull();
		expect(await stored(second.id)).toBeNull();
		const log = await owner.client.from('audit_log').select('action, target_id').in('target_id', [first.id, second.id]).eq('action', 'finding.deleted');
		expect(log.data).toHaveLength(2);
	});
});
