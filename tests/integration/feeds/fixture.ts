/**
 * An organisation with an owner, an editor and a viewer, another organisation
 * beside it, and requests in every state the feed cares about, made through
 * the real API with real supabase-js clients.
 */
import { expect } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../src/lib/database.types';
import type { TestStack } from '../../support/stack';

export type Client = SupabaseClient<Database>;

export interface FeedFixture {
	owner: Client;
	editor: Client;
	viewer: Client;
	outsider: Client;
	orgA: string;
	orgB: string;
	agencyId: string;
	agencyName: string;
	requests: { open: string; extended: string; closed: string; draft: string; other: string };
	/** A title with commas, a semicolon, a backslash, quotes and non-ASCII letters, long enough to fold. */
	trickyTitle: string;
}

export async function createFeedFixture(t: TestStack, prefix: string): Promise<FeedFixture> {
	const signIn = async (who: string) => (await t.signedIn(`${who}@${prefix}.test`)).client as unknown as Client;
	const owner = await signIn('owner');
	const outsider = await signIn('outsider');
	const orgA = (await owner.rpc('create_organisation', { name: 'Alpha Advocacy' }).single()).data as unknown as { id: string };
	const orgB = (await outsider.rpc('create_organisation', { name: 'Beta Rights' }).single()).data as unknown as { id: string };

	const invite = async (who: string, role: 'editor' | 'viewer') => {
		const issued = await owner.rpc('create_invitation', { organisation_id: orgA.id, email: `${who}@${prefix}.test`, role }).single();
		expect(issued.error).toBeNull();
		const member = await signIn(who);
		const accepted = await member.rpc('accept_invitation', { token: (issued.data as { token: string }).token });
		expect(accepted.error).toBeNull();
		return member;
	};
	const editor = await invite('editor', 'editor');
	const viewer = await invite('viewer', 'viewer');

	const cdle = await owner.from('agencies').select('id, name').eq('abbreviation', 'CDLE').is('organisation_id', null).single();
	expect(cdle.error).toBeNull();
	const agency = cdle.data!;
	const trickyTitle = 'Subpoenas, detainers; “holds” \\ año 2025 — every administrative subpoena from ICE to the department';
	const requests = { open: randomUUID(), extended: randomUUID(), closed: randomUUID(), draft: randomUUID(), other: randomUUID() };
	const base = { agency_id: agency.id, regime: 'CORA' as const, letter_body: 'Confidential letter body' };
	const mine = await editor.from('records_requests').insert([
		{ ...base, id: requests.open, organisation_id: orgA.id, title: trickyTitle, status: 'sent', sent_at: '2025-03-03T17:00:00Z', due_on: '2025-03-06', extended_due_on: null, closed_at: null },
		{ ...base, id: requests.extended, organisation_id: orgA.id, title: '=HYPERLINK("http://evil.test","x")', status: 'extended', sent_at: '2025-04-01T15:00:00Z', due_on: '2025-04-04', extended_due_on: '2025-04-15', closed_at: null },
		{ ...base, id: requests.closed, organisation_id: orgA.id, title: 'Old closed request', status: 'closed', sent_at: '2025-01-06T16:00:00Z', due_on: '2025-01-09', extended_due_on: null, closed_at: '2025-02-01T16:00:00Z' },
		{ ...base, id: requests.draft, organisation_id: orgA.id, title: 'A draft', status: 'draft', sent_at: null, due_on: null, extended_due_on: null, closed_at: null }
	]);
	expect(mine.error).toBeNull();
	const theirs = await outsider.from('records_requests').insert({
		...base,
		id: requests.other,
		organisation_id: orgB.id,
		title: 'Beta request',
		status: 'sent',
		sent_at: '2025-03-03T17:00:00Z',
		due_on: '2025-03-06'
	});
	expect(theirs.error).toBeNull();
	return { owner, editor, viewer, outsider, orgA: orgA.id, orgB: orgB.id, agencyId: agency.id, agencyName: agency.name, requests, trickyTitle };
}
