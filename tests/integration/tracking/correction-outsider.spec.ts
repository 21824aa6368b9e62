/**
 * Corrections through supabase-js, from a member of another organisation:
 * naming a real event of organisation A answers exactly as a random id does
 * (403 / 42501, row-level security's message), and no payload validation
 * message says anything about A's event. The database side is pgTAP
 * 33-definer-membership-first.sql; this is the same rule at the HTTP level.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { startTestStack, type TestStack } from '../../support/stack';

const RLS_REFUSAL = 'new row violates row-level security policy for table "request_events"';

describe('a correction naming another organisation’s event', () => {
	let t: TestStack;
	let owner: SupabaseClient;
	let outsider: SupabaseClient;
	let requestA: { id: string; organisationId: string };
	let requestB: { id: string; organisationId: string };
	let feeEventA: string;

	async function organisationWithRequest(client: SupabaseClient, name: string) {
		const org = await client.rpc('create_organisation', { name }).single();
		expect(org.error).toBeNull();
		const organisationId = (org.data as { id: string }).id;
		const agencies = await client.from('organisation_agencies').select('agency_id').eq('organisation_id', organisationId).eq('abbreviation', 'CDLE');
		const id = randomUUID();
		const made = await client.from('records_requests').insert({
			id, organisation_id: organisationId, agency_id: agencies.data![0]!.agency_id!, title: 'ICE subpoenas', regime: 'CORA',
			status: 'sent', sent_at: '2025-03-10T16:00:00Z', received_at: '2025-03-10T16:00:00Z', due_on: '2025-03-13'
		});
		expect(made.error).toBeNull();
		return { id, organisationId };
	}

	/** A correction of `target` changing a fee estimate to a payload the fee_estimate rules refuse (negative amount). */
	const correction = (request: { id: string; organisationId: string }, target: string) => ({
		id: randomUUID(),
		request_id: request.id,
		organisation_id: request.organisationId,
		type: 'correction' as const,
		occurred_at: '2025-03-12T16:00:00Z',
		payload: { corrects: target, reason: 'typo', occurred_at: '2025-03-11T16:00:00Z', payload: { amount: -5 } },
		corrects_event_id: target
	});

	const eventCount = async () => ((await t.sql`select count(*)::int as n from request_events`)[0]!.n as number);

	beforeAll(async () => {
		t = await startTestStack();
		owner = (await t.signedIn('owner@org-a.test')).client;
		outsider = (await t.signedIn('owner@org-b.test')).client;
		requestA = await organisationWithRequest(owner, 'Organisation A');
		requestB = await organisationWithRequest(outsider, 'Organisation B');
		feeEventA = randomUUID();
		const fee = await owner.from('request_events').insert({
			id: feeEventA, request_id: requestA.id, organisation_id: requestA.organisationId, type: 'fee_estimate',
			occurred_at: '2025-03-11T16:00:00Z', payload: { amount: 90 }
		});
		expect(fee.error).toBeNull();
	});
	afterAll(async () => t?.close());

	it('the owner of A gets the payload check (so the outsider’s refusal below is not just a bad payload)', async () => {
		const own = await owner.from('request_events').insert(correction(requestA, feeEventA));
		expect(own.status).toBe(400);
		expect(own.error).toMatchObject({ code: '23514' });
	});

	it('on A’s request: a real event id and a random one get the same 403 / 42501, nothing about the payload', async () => {
		const before = await eventCount();
		const real = await outsider.from('request_events').insert(correction(requestA, feeEventA));
		const random = await outsider.from('request_events').insert(correction(requestA, randomUUID()));
		for (const result of [real, random]) {
			expect(result.status).toBe(403);
			expect(result.error).toEqual({ code: '42501', message: RLS_REFUSAL, details: null, hint: null });
		}
		expect(await eventCount()).toBe(before);
	});

	it('on the outsider’s own request: A’s real event id answers as a random one does', async () => {
		const before = await eventCount();
		const real = await outsider.from('request_events').insert(correction(requestB, feeEventA));
		const random = await outsider.from('request_events').insert(correction(requestB, randomUUID()));
		// The foreign key pairs the corrected event with the same request, so A's event is as absent as a random one.
		expect(real.status).toBe(409);
		expect(real.error).toMatchObject({ code: '23503', message: expect.stringContaining('request_events_corrects_event_fkey') });
		expect(random.status).toBe(real.status);
		expect(random.error).toEqual(real.error);
		expect(real.error?.message).not.toMatch(/must be|fee|amount|retract/i);
		expect(await eventCount()).toBe(before);
	});
});
