/**
 * Filing a batch draft against the real embedded stack, through the same
 * supabase-js outbox transport the phone uses: N agencies make N requests
 * sharing batch_id with one 'sent' event each, replays add nothing, and a
 * viewer is refused by row-level security.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { startTestStack, type TestStack } from '../../support/stack';
import { planBatch } from '../../../src/lib/filing/batch-plan';
import { checkSentForm, sentRows } from '../../../src/lib/filing/sent-record';
import type { AgencyChannel, ComposerDraft } from '../../../src/lib/filing/types';
import type { OutboxEntry, OutboxMutation } from '../../../src/lib/offline/db-schema';
import { supabaseTransport } from '../../../src/lib/offline/transport';
import { saveSentRows } from '../../../src/lib/data/requests';

interface Member {
	client: SupabaseClient;
	userId: string;
}

const VALUES = {
	letter_date: '2025-11-19',
	requester_name: 'Ana Ruiz',
	requester_contact: 'ana@example.org',
	subject_summary: 'ICE subpoenas received in 2025',
	records_description: 'Every administrative subpoena from ICE received in 2025.',
	date_range_start: '2025-01-01',
	date_range_end: '2025-11-01',
	fee_notice_threshold: 2500
};

let seq = 0;
function entry(mutation: OutboxMutation): OutboxEntry {
	seq += 1;
	return { ...mutation, seq, createdAt: new Date().toISOString(), revision: 1, attempts: 0, lastError: null, status: 'pending' };
}

describe('filing a batch through the outbox transport', () => {
	let t: TestStack;
	let owner: Member;
	let editor: Member;
	let viewer: Member;
	let orgId: string;
	let agencies: AgencyChannel[];
	let draft: ComposerDraft;
	let entries: OutboxEntry[];

	async function invite(email: string, role: 'editor' | 'viewer'): Promise<Member> {
		const issued = await owner.client.rpc('create_invitation', { organisation_id: orgId, email, role }).single();
		expect(issued.error).toBeNull();
		const member = await t.signedIn(email);
		const accepted = await member.client.rpc('accept_invitation', { token: (issued.data as { token: string }).token });
		expect(accepted.error).toBeNull();
		return member;
	}

	/** The outbox entries the filing panel queues for every agency of the draft, in order. */
	function filingEntries(sender: ComposerDraft, channels: AgencyChannel[]): OutboxEntry[] {
		const plan = planBatch(sender, channels);
		const queued: OutboxEntry[] = [];
		for (const card of plan.cards) {
			const checked = checkSentForm(
				{ channel: card.agency.requestEmail ? 'email' : 'portal', sentAtLocal: '2025-11-19T15:30', hasTrackingNumber: false, trackingNumber: '', followUpOn: '' },
				{ regime: card.agency.regime, now: new Date('2025-11-20T00:00:00Z') }
			);
			if (!checked.ok || !card.letter.ok) throw new Error('fixture draft must file');
			const rows = sentRows({ draft: sender, agency: card.agency, letter: card.letter, requestId: randomUUID(), eventId: randomUUID(), facts: checked.facts });
			queued.push(entry({ id: rows.request.id, table: 'records_requests', operation: 'upsert', payload: rows.request }));
			queued.push(entry({ id: rows.event.id, table: 'request_events', operation: 'upsert', payload: rows.event }));
		}
		return queued;
	}

	beforeAll(async () => {
		t = await startTestStack();
		owner = await t.signedIn('owner@filing.test');
		const org = await owner.client.rpc('create_organisation', { name: 'Filing Advocacy' }).single();
		expect(org.error).toBeNull();
		orgId = (org.data as { id: string }).id;
		editor = await invite('editor@filing.test', 'editor');
		viewer = await invite('viewer@filing.test', 'viewer');

		const view = await editor.client
			.from('organisation_agencies')
			.select('agency_id, name, abbreviation, regime, request_email, portal_url, mailing_address, phone_or_fax, receipt_cutoff')
			.eq('organisation_id', orgId)
			.in('abbreviation', ['CDOR', 'CDLE']);
		expect(view.error).toBeNull();
		agencies = (view.data ?? []).map((row) => ({
			id: row.agency_id,
			name: row.name,
			abbreviation: row.abbreviation,
			regime: row.regime,
			requestEmail: row.request_email,
			portalUrl: row.portal_url,
			mailingAddress: row.mailing_address,
			phoneOrFax: row.phone_or_fax,
			receiptCutoff: row.receipt_cutoff
		}));
		expect(agencies).toHaveLength(2);

		draft = { id: randomUUID(), organisationId: orgId, templateId: 'initial_request', title: 'ICE subpoenas 2025', values: VALUES, agencyIds: agencies.map((a) => a.id) };
		const saved = await editor.client.from('request_drafts').insert({
			id: draft.id,
			organisation_id: orgId,
			template_id: draft.templateId,
			title: draft.title,
			fields: draft.values,
			agency_ids: draft.agencyIds,
			created_at: '2025-11-18T10:00:00Z'
		});
		expect(saved.error).toBeNull();
		entries = [
			...filingEntries(draft, agencies),
			entry({ id: draft.id, table: 'request_drafts', operation: 'update', payload: { filed_at: new Date().toISOString() }, match: { id: draft.id } })
		];
	});
	afterAll(async () => t?.close());

	it('creates one request per agency sharing the batch id, each with one sent event, and marks the draft filed', async () => {
		const transport = supabaseTransport(editor.client);
		for (const queued of entries) expect(await transport.send(queued), `${queued.table} ${queued.operation}`).toEqual({ ok: true });

		const requests = await owner.client
			.from('records_requests')
			.select('id, agency_id, batch_id, status, regime, sent_at, received_at, due_on, delivery_channel, fee_ceiling, created_by, letter_body')
			.eq('batch_id', draft.id);
		expect(requests.error).toBeNull();
		expect(requests.data).toHaveLength(2);
		for (const row of requests.data ?? []) {
			expect(row).toMatchObject({ batch_id: draft.id, status: 'sent', regime: 'CORA', created_by: editor.userId, fee_ceiling: 25 });
			expect(Date.parse(row.sent_at!)).toBe(Date.parse('2025-11-19T22:30:00Z'));
			expect(row.received_at).toBe(row.sent_at);
			const agency = agencies.find((a) => a.id === row.agency_id)!;
			expect(row.letter_body).toContain(agency.name);
		}
		// Each with its own clock: CDOR's 3 p.m. cut-off moves day zero to Thursday.
		const cdor = agencies.find((a) => a.abbreviation === 'CDOR')!;
		expect(requests.data?.find((r) => r.agency_id === cdor.id)?.due_on).toBe('2025-11-25');

		const events = await owner.client.from('request_events').select('request_id, type').in('request_id', (requests.data ?? []).map((r) => r.id));
		expect(events.data).toHaveLength(2);
		expect(new Set(events.data?.map((e) => e.request_id)).size).toBe(2);
		expect(events.data?.every((e) => e.type === 'sent')).toBe(true);

		const filed = await owner.client.from('request_drafts').select('filed_at').eq('id', draft.id).single();
		expect(filed.data?.filed_at).not.toBeNull();
	});

	it('replaying the same request and event entries (same ids) creates nothing new', async () => {
		const transport = supabaseTransport(editor.client);
		for (const queued of entries.filter((e) => e.operation === 'upsert')) expect(await transport.send(queued)).toEqual({ ok: true });
		const requests = await owner.client.from('records_requests').select('id').eq('batch_id', draft.id);
		expect(requests.data).toHaveLength(2);
		const events = await owner.client.from('request_events').select('id').eq('organisation_id', orgId);
		expect(events.data).toHaveLength(2);
	});

	it('refuses a viewer’s attempt through row-level security, and nothing is written', async () => {
		const other: ComposerDraft = { ...draft, id: randomUUID() };
		const [request] = filingEntries(other, agencies);
		const result = await supabaseTransport(viewer.client).send(request!);
		expect(result).toMatchObject({ ok: false, failure: 'rejected', code: '42501' });
		const none = await owner.client.from('records_requests').select('id').eq('batch_id', other.id);
		expect(none.data).toEqual([]);
	});

	it('refuses a send the database finds inconsistent (due date before the send) with a readable reason', async () => {
		const [request] = filingEntries({ ...draft, id: randomUUID() }, agencies);
		const bad = { ...request!, id: randomUUID(), payload: { ...request!.payload, id: undefined, due_on: '2025-11-01' } };
		const result = await supabaseTransport(editor.client).send(bad);
		expect(result).toMatchObject({ ok: false, failure: 'rejected', code: '23514' });
	});

	it('the no-JS form action’s write (saveSentRows) is harmless when the same form is submitted twice', async () => {
		const other: ComposerDraft = { ...draft, id: randomUUID() };
		const [request, event] = filingEntries(other, agencies);
		const rows = { request: request!.payload as never, event: event!.payload as never };
		await saveSentRows(editor.client as never, rows);
		await saveSentRows(editor.client as never, rows);
		const created = await owner.client.from('records_requests').select('id').eq('batch_id', other.id);
		expect(created.data).toHaveLength(1);
		const events = await owner.client.from('request_events').select('id').eq('request_id', request!.id);
		expect(events.data).toHaveLength(1);
	});
});
