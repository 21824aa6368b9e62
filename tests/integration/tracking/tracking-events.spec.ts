/**
 * Tracking a request against the real embedded stack, through the same
 * supabase-js outbox transport the phone uses: every update form's payload is
 * accepted by the database, a replayed event id adds nothing, the request row
 * follows the engine, a viewer's event (forged, no UI) is refused by
 * row-level security, and findings the form would refuse are refused by the
 * database too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { startTestStack, type TestStack } from '../../support/stack';
import type { OutboxEntry, OutboxMutation } from '../../../src/lib/offline/db-schema';
import { supabaseTransport } from '../../../src/lib/offline/transport';
import { checkEventForm, type UpdateEventType } from '../../../src/lib/tracking/event-forms';
import { correctionRow, eventRow, requestRowUpdate } from '../../../src/lib/tracking/event-rows';
import { mergeTimeline } from '../../../src/lib/tracking/timeline-merge';
import { trackedState } from '../../../src/lib/tracking/tracked-state';
import { timelineRows } from '../../../src/lib/data/timeline';

interface Member {
	client: SupabaseClient;
	userId: string;
}

let seq = 0;
function entry(mutation: OutboxMutation): OutboxEntry {
	seq += 1;
	return { ...mutation, seq, createdAt: new Date().toISOString(), revision: 1, attempts: 0, lastError: null, status: 'pending' };
}

/** What each update form sends, filled in as a person would. */
const FILLED: Record<UpdateEventType, Record<string, string>> = {
	acknowledged: { tracking_number: 'R-2025-1' },
	extension_claimed: { new_due_on: '2025-03-24', reason: 'Volume of records' },
	fee_estimate: { amount: '90.00', hours: '3', hourly_rate: '45', deposit: '20', pages: '12' },
	payment_made: { amount: '90', method: 'check' },
	clarification_requested: { question: 'Which years?' },
	clarification_given: { answer: '2025 only' },
	records_released: { completeness: 'partial', pages: '40', files: '2' },
	no_responsive_records: { reason: 'Not held', custodian: 'CDPHE' },
	denied: { grounds: 'Criminal justice records\nDeliberative process', statute: '24-72-204' },
	grounds_requested: {},
	notice_of_intent_sent: { expedited: 'on' },
	litigation: { case_number: '2025CV1', court: 'Denver District Court' },
	withdrawn: { reason: 'Duplicate' },
	closed: { reason: 'Done' },
	note: { note: 'Called the custodian.' }
};

describe('tracking updates through the outbox transport', () => {
	let t: TestStack;
	let owner: Member;
	let viewer: Member;
	let orgId: string;
	let agencyId: string;

	async function newRequest(): Promise<{ id: string; organisationId: string; regime: 'CORA' }> {
		const id = randomUUID();
		const made = await owner.client.from('records_requests').insert({
			id, organisation_id: orgId, agency_id: agencyId, title: 'ICE subpoenas', regime: 'CORA', status: 'sent',
			sent_at: '2025-03-10T16:00:00Z', received_at: '2025-03-10T16:00:00Z', due_on: '2025-03-13'
		});
		expect(made.error).toBeNull();
		const sent = await owner.client.from('request_events').insert({ id: randomUUID(), request_id: id, organisation_id: orgId, type: 'sent', occurred_at: '2025-03-10T16:00:00Z', payload: { channel: 'email' } });
		expect(sent.error).toBeNull();
		return { id, organisationId: orgId, regime: 'CORA' };
	}

	beforeAll(async () => {
		t = await startTestStack();
		owner = await t.signedIn('owner@tracking.test');
		const org = await owner.client.rpc('create_organisation', { name: 'Tracking Advocacy' }).single();
		expect(org.error).toBeNull();
		orgId = (org.data as { id: string }).id;
		const issued = await owner.client.rpc('create_invitation', { organisation_id: orgId, email: 'viewer@tracking.test', role: 'viewer' }).single();
		expect(issued.error).toBeNull();
		viewer = await t.signedIn('viewer@tracking.test');
		expect((await viewer.client.rpc('accept_invitation', { token: (issued.data as { token: string }).token })).error).toBeNull();
		const agencies = await owner.client.from('organisation_agencies').select('agency_id').eq('organisation_id', orgId).eq('abbreviation', 'CDLE');
		agencyId = agencies.data![0]!.agency_id!;
	});
	afterAll(async () => t?.close());

	it.each(Object.keys(FILLED) as UpdateEventType[])('the database accepts the %s form’s payload', async (type) => {
		const request = await newRequest();
		const checked = checkEventForm(type, FILLED[type], { now: new Date('2025-03-12T18:00:00Z'), sentAt: '2025-03-10T16:00:00Z' });
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		const row = eventRow(request, randomUUID(), checked.event);
		expect(await supabaseTransport(owner.client).send(entry({ id: row.id, table: 'request_events', operation: 'upsert', payload: row }))).toEqual({ ok: true });
		const stored = await owner.client.from('request_events').select('type, payload, author_id').eq('id', row.id).single();
		expect(stored.data).toMatchObject({ type, payload: checked.event.payload, author_id: owner.userId });
	});

	it('a replayed event id adds nothing, and the request row follows the engine', async () => {
		const request = await newRequest();
		const transport = supabaseTransport(owner.client);
		const ack = eventRow(request, randomUUID(), { type: 'acknowledged', occurredAt: '2025-03-11T16:00:00Z', payload: {}, note: null });
		const ext = eventRow(request, randomUUID(), { type: 'extension_claimed', occurredAt: '2025-03-12T16:00:00Z', payload: {}, note: null });
		const queued = [ack, ext].map((row) => entry({ id: row.id, table: 'request_events', operation: 'upsert', payload: row }));
		for (const e of [...queued, ...queued]) expect(await transport.send(e)).toEqual({ ok: true });

		const items = mergeTimeline(await timelineRows(owner.client as never, request.id), []);
		expect(items.map((i) => i.type).sort()).toEqual(['acknowledged', 'extension_claimed', 'sent']);
		const update = requestRowUpdate(trackedState(items, { regime: 'CORA', receiptCutoff: null, dueOn: null }), items);
		expect(await transport.send(entry({ id: request.id, table: 'records_requests', operation: 'update', payload: update, match: { id: request.id } }))).toEqual({ ok: true });
		const row = await owner.client.from('records_requests').select('status, due_on, extended_due_on').eq('id', request.id).single();
		expect(row.data).toEqual({ status: 'extended', due_on: '2025-03-13', extended_due_on: '2025-03-24' });
	});

	it('a correction shows in request_timeline without rewriting the event', async () => {
		const request = await newRequest();
		const transport = supabaseTransport(owner.client);
		const fee = eventRow(request, randomUUID(), { type: 'fee_estimate', occurredAt: '2025-03-11T16:00:00Z', payload: { amount: 90 }, note: null });
		const fix = correctionRow(request, randomUUID(), { id: fee.id }, { reason: 'typo', event: { type: 'fee_estimate', occurredAt: '2025-03-11T16:00:00Z', payload: { amount: 9 }, note: null } }, new Date());
		for (const row of [fee, fix]) expect(await transport.send(entry({ id: row.id, table: 'request_events', operation: 'upsert', payload: row }))).toEqual({ ok: true });
		const items = mergeTimeline(await timelineRows(owner.client as never, request.id), []);
		expect(items.find((i) => i.id === fee.id)).toMatchObject({ payload: { amount: 9 }, corrected: true, correctionReason: 'typo' });
		const original = await owner.client.from('request_events').select('payload').eq('id', fee.id).single();
		expect(original.data?.payload).toEqual({ amount: 90 });
	});

	it('refuses a viewer’s forged event and status change', async () => {
		const request = await newRequest();
		const transport = supabaseTransport(viewer.client);
		const row = eventRow(request, randomUUID(), { type: 'acknowledged', occurredAt: '2025-03-11T16:00:00Z', payload: {}, note: null });
		const sent = await transport.send(entry({ id: row.id, table: 'request_events', operation: 'upsert', payload: row }));
		expect(sent).toMatchObject({ ok: false, failure: 'rejected' });
		const update = await transport.send(entry({ id: request.id, table: 'records_requests', operation: 'update', payload: { status: 'closed' }, match: { id: request.id } }));
		expect(update).toMatchObject({ ok: false, failure: 'rejected' });
		const events = await owner.client.from('request_events').select('id').eq('request_id', request.id);
		expect(events.data).toHaveLength(1);
	});

	it('refuses a payload that does not fit its type, with a readable reason', async () => {
		const request = await newRequest();
		const bad = { id: randomUUID(), request_id: request.id, organisation_id: orgId, type: 'records_released' as const, occurred_at: '2025-03-11T16:00:00Z', payload: { completeness: 'most', pages: -1 } };
		const result = await supabaseTransport(owner.client).send(entry({ id: bad.id, table: 'request_events', operation: 'upsert', payload: bad }));
		expect(result).toMatchObject({ ok: false, failure: 'rejected' });
		expect(result.ok ? '' : result.message).toMatch(/must be/);
	});

	it('the database enforces the findings rules too: negative counts, period order, at least one category', async () => {
		const request = await newRequest();
		const base = { request_id: request.id, organisation_id: orgId, data_categories: ['address' as const] };
		const cases = [
			{ ...base, people_count: -1 },
			{ ...base, period_start: '2025-06-01', period_end: '2025-01-01' },
			{ ...base, data_categories: [] },
			{ ...base, source_page: 2 }
		];
		for (const finding of cases) {
			const result = await owner.client.from('disclosure_findings').insert({ id: randomUUID(), ...finding } as never);
			expect(result.error, JSON.stringify(finding)).not.toBeNull();
		}
		const good = await supabaseTransport(owner.client).send(entry({ id: randomUUID(), table: 'disclosure_findings', operation: 'upsert', payload: { ...base, people_count: 35, records_count: null } }));
		expect(good).toEqual({ ok: true });
		const viewerTry = await supabaseTransport(viewer.client).send(entry({ id: randomUUID(), table: 'disclosure_findings', operation: 'upsert', payload: { ...base, people_count: 1 } }));
		expect(viewerTry).toMatchObject({ ok: false, failure: 'rejected' });
	});
});
