/**
 * src/lib/data/drafts.ts against the real embedded stack with real supabase-js:
 * creation by client id (a replay adds nothing), saves guarded by revision
 * (another device saving first is a conflict, never an overwrite), keeping
 * both versions, and row-level security refusing a viewer's saves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../src/lib/database.types';
import {
	createServerDraft,
	getServerDraft,
	keepBothVersions,
	listServerDrafts,
	saveServerDraft,
	updateServerDraft,
	type DraftContent
} from '../../../src/lib/data/drafts';
import { listAgencyChannels } from '../../../src/lib/data/agencies';
import { startTestStack, type TestStack } from '../../support/stack';

type Client = SupabaseClient<Database>;

describe('request drafts through supabase-js', () => {
	let t: TestStack;
	let owner: Client;
	let viewer: Client;
	let outsider: Client;
	let orgId: string;

	const content = (overrides: Partial<DraftContent> = {}): DraftContent => ({
		organisationId: orgId,
		templateId: 'initial_request',
		title: 'CDLE subpoenas',
		values: { subject_summary: 'ICE subpoenas', record_types: ['emails', 'logs'], fee_notice_threshold: 2500 },
		agencyIds: [],
		...overrides
	});

	beforeAll(async () => {
		t = await startTestStack();
		owner = (await t.signedIn('owner@drafts.test')).client as Client;
		outsider = (await t.signedIn('outsider@drafts.test')).client as Client;
		const org = await owner.rpc('create_organisation', { name: 'Drafts Advocacy' }).single();
		expect(org.error).toBeNull();
		orgId = (org.data as unknown as { id: string }).id;
		const issued = await owner.rpc('create_invitation', { organisation_id: orgId, email: 'viewer@drafts.test', role: 'viewer' }).single();
		expect(issued.error).toBeNull();
		viewer = (await t.signedIn('viewer@drafts.test')).client as Client;
		const accepted = await viewer.rpc('accept_invitation', { token: (issued.data as unknown as { token: string }).token });
		expect(accepted.error).toBeNull();
	});
	afterAll(async () => t?.close());

	it('creates a draft under the client id, and a replay adds nothing', async () => {
		const id = randomUUID();
		const first = await createServerDraft(owner, id, content());
		const replay = await createServerDraft(owner, id, content());
		expect(first).toMatchObject({ outcome: 'saved', draft: { id, revision: 1, title: 'CDLE subpoenas' } });
		expect(replay).toMatchObject({ outcome: 'saved', draft: { id, revision: 1 } });
		expect((await listServerDrafts(owner)).filter((draft) => draft.id === id)).toHaveLength(1);
		expect((await getServerDraft(owner, id))?.values).toEqual(content().values);
	});

	it('a replayed creation carrying newer content saves that content instead of dropping it', async () => {
		const id = randomUUID();
		await createServerDraft(owner, id, content());
		const replay = await createServerDraft(owner, id, content({ title: 'Typed while the answer was lost' }));
		expect(replay).toMatchObject({ outcome: 'saved', draft: { revision: 2, title: 'Typed while the answer was lost' } });
	});

	it('saves over the revision it was based on, and bumps it', async () => {
		const id = randomUUID();
		await saveServerDraft(owner, id, content(), null);
		const saved = await saveServerDraft(owner, id, content({ title: 'Second' }), 1);
		expect(saved).toMatchObject({ outcome: 'saved', draft: { revision: 2, title: 'Second' } });
	});

	it('reports a conflict when another device saved first, and writes nothing', async () => {
		const id = randomUUID();
		await createServerDraft(owner, id, content());
		await updateServerDraft(owner, id, content({ title: 'Laptop' }), 1);
		const phone = await updateServerDraft(owner, id, content({ title: 'Phone' }), 1);
		expect(phone).toMatchObject({ outcome: 'conflict', server: { revision: 2, title: 'Laptop' } });
		expect((await getServerDraft(owner, id))?.title).toBe('Laptop');
	});

	it('keeps both versions: the losing one becomes a new draft restored from the original', async () => {
		const id = randomUUID();
		await createServerDraft(owner, id, content());
		await updateServerDraft(owner, id, content({ title: 'Laptop' }), 1);
		const conflict = await updateServerDraft(owner, id, content({ title: 'Phone' }), 1);
		if (conflict.outcome !== 'conflict') throw new Error('expected a conflict');
		const copyId = randomUUID();
		const copy = await keepBothVersions(owner, conflict.server, content({ title: 'Phone' }), copyId, 'Phone (copy from this device, 25 Nov)');
		expect(copy).toMatchObject({ outcome: 'saved', draft: { id: copyId, restoredFrom: id, title: 'Phone (copy from this device, 25 Nov)' } });
		const titles = (await listServerDrafts(owner)).filter((d) => d.id === id || d.id === copyId).map((d) => d.title).sort();
		expect(titles).toEqual(['Laptop', 'Phone (copy from this device, 25 Nov)']);
	});

	it('recreates a draft deleted meanwhile instead of losing what was typed', async () => {
		const id = randomUUID();
		await createServerDraft(owner, id, content());
		expect((await owner.from('request_drafts').delete().eq('id', id)).error).toBeNull();
		expect(await updateServerDraft(owner, id, content({ title: 'Still here' }), 1)).toMatchObject({ outcome: 'saved', draft: { title: 'Still here' } });
	});

	it('a viewer can read drafts but row-level security refuses their creations and saves', async () => {
		const id = randomUUID();
		await createServerDraft(owner, id, content());
		expect((await getServerDraft(viewer, id))?.title).toBe('CDLE subpoenas');
		expect(await createServerDraft(viewer, randomUUID(), content())).toMatchObject({ outcome: 'refused' });
		expect(await updateServerDraft(viewer, id, content({ title: 'Viewer edit' }), 1)).toMatchObject({ outcome: 'refused' });
		expect((await getServerDraft(owner, id))?.title).toBe('CDLE subpoenas');
	});

	it('another organisation neither reads nor saves the drafts', async () => {
		const id = randomUUID();
		await createServerDraft(owner, id, content());
		expect(await getServerDraft(outsider, id)).toBeNull();
		expect(await listServerDrafts(outsider)).toEqual([]);
		expect(await createServerDraft(outsider, randomUUID(), content())).toMatchObject({ outcome: 'refused' });
		// Out of reach looks like "gone" to the outsider: recreating under the same id is refused, nothing is overwritten.
		expect((await updateServerDraft(outsider, id, content({ title: 'Hijack' }), 1)).outcome).not.toBe('saved');
		expect((await getServerDraft(owner, id))?.title).toBe('CDLE subpoenas');
	});

	it('lists the agency channels an organisation can write to, "unknown" channels as nulls', async () => {
		const byOrg = await listAgencyChannels(owner, [orgId]);
		const agencies = byOrg[orgId] ?? [];
		expect(agencies.find((a) => a.abbreviation === 'CDLE')).toMatchObject({ regime: 'CORA', name: 'Colorado Department of Labor and Employment' });
		expect(agencies.find((a) => a.abbreviation === 'CBI')).toMatchObject({ regime: 'CCJRA', requestEmail: null, portalUrl: null, mailingAddress: null });
	});
});
