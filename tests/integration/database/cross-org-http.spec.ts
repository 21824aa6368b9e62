/**
 * The key cross-organisation rules, end to end through HTTP with real
 * supabase-js clients (auth, rest and storage of the embedded stack), as the
 * app will meet them: one organisation never reads or changes another's
 * rows or files, viewers only read, anonymous visitors get published
 * aggregates and nothing else, and offline replays never duplicate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { startTestStack, type TestStack } from '../../support/stack';

interface Member {
	client: SupabaseClient;
	userId: string;
}

describe('cross-organisation isolation over HTTP', () => {
	let t: TestStack;
	let owner: Member;
	let editor: Member;
	let viewer: Member;
	let outsider: Member;
	let orgA: string;
	let orgB: string;
	let agencyId: string;
	const requestA = randomUUID();
	const eventA = randomUUID();
	let objectPath: string;

	async function invite(email: string, role: 'editor' | 'viewer'): Promise<Member> {
		const issued = await owner.client.rpc('create_invitation', { organisation_id: orgA, email, role }).single();
		expect(issued.error).toBeNull();
		const member = await t.signedIn(email);
		const accepted = await member.client.rpc('accept_invitation', { token: (issued.data as { token: string }).token });
		expect(accepted.error).toBeNull();
		return member;
	}

	beforeAll(async () => {
		t = await startTestStack();
		owner = await t.signedIn('owner@alpha.test');
		outsider = await t.signedIn('owner@beta.test');
		const alpha = await owner.client.rpc('create_organisation', { name: 'Alpha Advocacy' }).single();
		const beta = await outsider.client.rpc('create_organisation', { name: 'Beta Rights' }).single();
		expect(alpha.error).toBeNull();
		expect(beta.error).toBeNull();
		orgA = (alpha.data as { id: string }).id;
		orgB = (beta.data as { id: string }).id;
		editor = await invite('editor@alpha.test', 'editor');
		viewer = await invite('viewer@alpha.test', 'viewer');

		const cdle = await owner.client.from('agencies').select('id').eq('abbreviation', 'CDLE').is('organisation_id', null).single();
		expect(cdle.error).toBeNull();
		agencyId = (cdle.data as { id: string }).id;
		objectPath = `${orgA}/${requestA}/response.pdf`;
	});
	afterAll(async () => t?.close());

	it('an editor creates a request offline-style: replaying the same id adds nothing', async () => {
		const draft = { id: requestA, organisation_id: orgA, agency_id: agencyId, title: 'CDLE subpoenas 2025', regime: 'CORA', letter_body: 'Confidential letter' };
		const first = await editor.client.from('records_requests').upsert(draft, { onConflict: 'id', ignoreDuplicates: true });
		const replay = await editor.client.from('records_requests').upsert(draft, { onConflict: 'id', ignoreDuplicates: true });
		expect(first.error).toBeNull();
		expect(replay.error).toBeNull();
		const { data } = await owner.client.from('records_requests').select('id, created_by').eq('id', requestA);
		expect(data).toEqual([{ id: requestA, created_by: editor.userId }]);

		const event = { id: eventA, request_id: requestA, organisation_id: orgA, type: 'sent', payload: { channel: 'email' } };
		await editor.client.from('request_events').upsert(event, { onConflict: 'id', ignoreDuplicates: true });
		await editor.client.from('request_events').upsert(event, { onConflict: 'id', ignoreDuplicates: true });
		const events = await viewer.client.from('request_events').select('id').eq('request_id', requestA);
		expect(events.data).toEqual([{ id: eventA }]);
	});

	it('another organisation reads none of it, not even by id', async () => {
		const list = await outsider.client.from('records_requests').select('id, letter_body');
		expect(list.error).toBeNull();
		expect(list.data).toEqual([]);
		const byId = await outsider.client.from('records_requests').select('id').eq('id', requestA).maybeSingle();
		expect(byId.data).toBeNull();
		for (const table of ['request_events', 'memberships', 'invitations', 'audit_log'] as const) {
			const rows = await outsider.client.from(table).select('organisation_id');
			expect(rows.error, table).toBeNull();
			expect((rows.data ?? []).filter((r) => (r as { organisation_id: string }).organisation_id === orgA), table).toEqual([]);
		}
		const orgs = await outsider.client.from('organisations').select('id');
		expect(orgs.data).toEqual([{ id: orgB }]);
	});

	it('another organisation cannot change, delete, or take over its rows', async () => {
		const update = await outsider.client.from('records_requests').update({ title: 'Hijacked' }).eq('id', requestA).select('id');
		expect(update.data).toEqual([]);
		const remove = await outsider.client.from('records_requests').delete().eq('id', requestA).select('id');
		expect(remove.data).toEqual([]);
		const insert = await outsider.client
			.from('records_requests')
			.insert({ organisation_id: orgA, agency_id: agencyId, title: 'Planted', regime: 'CORA' });
		expect(insert.error?.code).toBe('42501');
		const takeover = await outsider.client
			.from('records_requests')
			.upsert({ id: requestA, organisation_id: orgB, agency_id: agencyId, title: 'Mine now', regime: 'CORA' }, { onConflict: 'id', ignoreDuplicates: true });
		expect(takeover.error).toBeNull();
		const { data } = await owner.client.from('records_requests').select('organisation_id, title').eq('id', requestA).single();
		expect(data).toEqual({ organisation_id: orgA, title: 'CDLE subpoenas 2025' });
	});

	it('viewers read but never write; events are never rewritten', async () => {
		expect((await viewer.client.from('records_requests').select('id')).data).toEqual([{ id: requestA }]);
		const insert = await viewer.client.from('records_requests').insert({ organisation_id: orgA, agency_id: agencyId, title: 'x', regime: 'CORA' });
		expect(insert.error?.code).toBe('42501');
		const update = await viewer.client.from('records_requests').update({ title: 'x' }).eq('id', requestA).select('id');
		expect(update.data).toEqual([]);
		const rewrite = await editor.client.from('request_events').update({ payload: {} }).eq('id', eventA);
		expect(rewrite.error?.code).toBe('42501');
	});

	it('attachment files are readable by the organisation only and writable by its editors only', async () => {
		const pdf = new Blob(['%PDF-1.4 response'], { type: 'application/pdf' });
		const upload = await editor.client.storage.from('attachments').upload(objectPath, pdf, { contentType: 'application/pdf' });
		expect(upload.error).toBeNull();
		expect((await viewer.client.storage.from('attachments').download(objectPath)).error).toBeNull();
		expect((await outsider.client.storage.from('attachments').download(objectPath)).data).toBeNull();
		expect((await t.anon().storage.from('attachments').download(objectPath)).data).toBeNull();

		const viewerUpload = await viewer.client.storage.from('attachments').upload(`${orgA}/${requestA}/viewer.pdf`, pdf);
		expect(viewerUpload.error).not.toBeNull();
		const outsiderUpload = await outsider.client.storage.from('attachments').upload(`${orgA}/${requestA}/planted.pdf`, pdf);
		expect(outsiderUpload.error).not.toBeNull();
		const listing = await outsider.client.storage.from('attachments').list(`${orgA}/${requestA}`);
		expect(listing.data ?? []).toEqual([]);
	});

	it('anonymous visitors read published aggregates and nothing else', async () => {
		const anon = t.anon();
		const table = await anon.from('records_requests').select('id');
		expect(table.error?.code).toBe('42501');
		expect((await anon.from('agencies').select('id')).error?.code).toBe('42501');

		const before = await anon.rpc('public_disclosure_stats');
		expect(before.error).toBeNull();
		expect(before.data.headline).toMatchObject({ published_requests: 0, findings: 0 });

		const finding = await editor.client.from('disclosure_findings').insert({
			organisation_id: orgA, request_id: requestA, agency_id: agencyId,
			data_categories: ['employer', 'wage_records'], people_count: 35, legal_process: 'administrative_subpoena', recipient: 'ice'
		});
		expect(finding.error).toBeNull();
		expect((await anon.rpc('public_disclosure_stats')).data.headline).toMatchObject({ findings: 0 });

		await owner.client.from('records_requests').update({ publish_state: 'published' }).eq('id', requestA);
		const after = await anon.rpc('public_disclosure_stats');
		expect(after.data.headline).toMatchObject({ published_requests: 1, findings: 1, people: 35 });
		expect(after.data.by_category).toEqual([
			expect.objectContaining({ key: 'employer', people: 35 }),
			expect.objectContaining({ key: 'wage_records', people: 35 })
		]);
		expect(JSON.stringify(after.data)).not.toContain('Confidential letter');
	});
});
