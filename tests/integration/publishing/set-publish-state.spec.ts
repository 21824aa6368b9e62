/**
 * Publishing through supabase-js against the real embedded stack: the data
 * function the request page and the request list call (setPublishState) and
 * the outbox entry a phone queues offline (an rpc of set_publish_state).
 * Owners and editors publish, embargo and make private, one request or many;
 * a list with anything the caller may not change is refused whole, saying how
 * many, and a past embargo is refused in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { startTestStack, type TestStack } from '../../support/stack';
import type { OutboxEntry } from '../../../src/lib/offline/db-schema';
import { supabaseTransport } from '../../../src/lib/offline/transport';
import { publicPreviewFindings, publishArguments, setPublishState, SET_PUBLISH_STATE } from '../../../src/lib/data/publishing';

interface Member {
	client: SupabaseClient;
	userId: string;
}

/** Today's date in Colorado, shifted by `days` calendar days. */
function coloradoDate(days: number): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Denver' }).format(new Date());
	const date = new Date(`${today}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

describe('publishing requests', () => {
	let t: TestStack;
	let owner: Member;
	let editor: Member;
	let viewer: Member;
	let outsider: Member;
	let orgId: string;
	let otherOrgId: string;
	let agencyId: string;

	async function request(client: SupabaseClient, organisationId: string): Promise<string> {
		const id = randomUUID();
		const made = await client.from('records_requests').insert({ id, organisation_id: organisationId, agency_id: agencyId, title: 'ICE data sharing', regime: 'CORA' });
		expect(made.error).toBeNull();
		return id;
	}

	const stateOf = async (id: string) => (await owner.client.from('records_requests').select('publish_state, embargoed_until').eq('id', id).single()).data;

	beforeAll(async () => {
		t = await startTestStack();
		owner = await t.signedIn('owner@publishing.test');
		const org = await owner.client.rpc('create_organisation', { name: 'Publishing Advocacy' }).single();
		expect(org.error).toBeNull();
		orgId = (org.data as { id: string }).id;
		for (const [email, role] of [['editor@publishing.test', 'editor'], ['viewer@publishing.test', 'viewer']] as const) {
			const issued = await owner.client.rpc('create_invitation', { organisation_id: orgId, email, role }).single();
			expect(issued.error).toBeNull();
			const member = await t.signedIn(email);
			expect((await member.client.rpc('accept_invitation', { token: (issued.data as { token: string }).token })).error).toBeNull();
			if (role === 'editor') editor = member;
			else viewer = member;
		}
		outsider = await t.signedIn('outsider@publishing.test');
		const other = await outsider.client.rpc('create_organisation', { name: 'Other Group' }).single();
		otherOrgId = (other.data as { id: string }).id;
		const agencies = await owner.client.from('organisation_agencies').select('agency_id').eq('organisation_id', orgId).eq('abbreviation', 'CDLE');
		agencyId = agencies.data![0]!.agency_id!;
	});
	afterAll(async () => t?.close());

	it('an owner publishes, an editor embargoes until a future Colorado date and makes it private again', async () => {
		const id = await request(owner.client, orgId);
		expect(await setPublishState(owner.client as never, [id], { state: 'published', embargoedUntil: null })).toEqual({ ok: true, changed: 1 });
		expect(await stateOf(id)).toEqual({ publish_state: 'published', embargoed_until: null });
		const until = coloradoDate(14);
		expect(await setPublishState(editor.client as never, [id], { state: 'embargoed', embargoedUntil: until })).toEqual({ ok: true, changed: 1 });
		expect(await stateOf(id)).toEqual({ publish_state: 'embargoed', embargoed_until: until });
		expect(await setPublishState(editor.client as never, [id], { state: 'private', embargoedUntil: null })).toEqual({ ok: true, changed: 1 });
		expect(await setPublishState(editor.client as never, [id], { state: 'private', embargoedUntil: null })).toEqual({ ok: true, changed: 0 });
	});

	it('refuses an embargo that is not after today in Colorado, in words', async () => {
		const id = await request(owner.client, orgId);
		const outcome = await setPublishState(editor.client as never, [id], { state: 'embargoed', embargoedUntil: coloradoDate(0) });
		expect(outcome).toMatchObject({ ok: false, reason: 'notFuture', message: expect.stringContaining('An embargo must end after today in Colorado') });
		expect(await stateOf(id)).toEqual({ publish_state: 'private', embargoed_until: null });
	});

	it('publishes many at once, or refuses the whole list when any is not the caller’s, saying how many', async () => {
		const [a, b] = [await request(owner.client, orgId), await request(editor.client, orgId)];
		const theirs = await request(outsider.client, otherOrgId);
		const refused = await setPublishState(editor.client as never, [a, b, theirs], { state: 'published', embargoedUntil: null });
		expect(refused).toMatchObject({ ok: false, reason: 'refused', refused: 1, requested: 3 });
		expect(await stateOf(a)).toMatchObject({ publish_state: 'private' });
		expect(await stateOf(b)).toMatchObject({ publish_state: 'private' });
		expect(await setPublishState(editor.client as never, [a, b, a], { state: 'published', embargoedUntil: null })).toEqual({ ok: true, changed: 2 });
	});

	it('a viewer and another organisation are refused; an anonymous caller cannot call it at all', async () => {
		const id = await request(owner.client, orgId);
		expect(await setPublishState(viewer.client as never, [id], { state: 'published', embargoedUntil: null })).toMatchObject({ ok: false, reason: 'refused', refused: 1, requested: 1 });
		expect(await setPublishState(outsider.client as never, [id], { state: 'published', embargoedUntil: null })).toMatchObject({ ok: false, reason: 'refused', refused: 1, requested: 1 });
		expect(await setPublishState(t.anon() as never, [id], { state: 'published', embargoedUntil: null })).toMatchObject({ ok: false, reason: 'refused' });
		expect(await stateOf(id)).toEqual({ publish_state: 'private', embargoed_until: null });
	});

	it('the outbox entry queued offline replays harmlessly, and a refused one says why', async () => {
		const id = await request(owner.client, orgId);
		const until = coloradoDate(30);
		const queued: OutboxEntry = {
			id, table: SET_PUBLISH_STATE, operation: 'rpc', payload: publishArguments([id], { state: 'embargoed', embargoedUntil: until }),
			seq: 1, createdAt: new Date().toISOString(), revision: 1, attempts: 0, lastError: null, status: 'pending'
		};
		expect(await supabaseTransport(editor.client).send(queued)).toEqual({ ok: true });
		expect(await supabaseTransport(editor.client).send(queued)).toEqual({ ok: true });
		expect(await stateOf(id)).toEqual({ publish_state: 'embargoed', embargoed_until: until });
		expect(await supabaseTransport(viewer.client).send(queued)).toMatchObject({ ok: false, failure: 'rejected', code: '42501', message: expect.stringContaining('Nothing was changed') });
	});

	it('the preview reads the findings with their agency, never their summary', async () => {
		const id = await request(owner.client, orgId);
		const finding = await editor.client.from('disclosure_findings').insert({ request_id: id, data_categories: ['address'], people_count: 3, summary: 'secret' });
		expect(finding.error).toBeNull();
		const rows = await publicPreviewFindings(owner.client as never, id);
		expect(rows).toEqual([{ agencyName: expect.stringContaining('Labor'), dataCategories: ['address'], peopleCount: 3, recordsCount: null, legalProcess: 'unknown', recipient: 'unknown', periodStart: null, periodEnd: null }]);
		expect(JSON.stringify(rows)).not.toContain('secret');
	});
});
