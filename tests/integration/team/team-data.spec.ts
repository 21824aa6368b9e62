/**
 * src/lib/data/team.ts against the real embedded stack with real supabase-js:
 * every team operation as owner, editor, viewer, outsider and anonymous
 * visitor, including the refusals the team page puts into words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../../src/lib/database.types';
import { createOrganisation } from '../../../src/lib/data/organisations';
import { startTestStack, type TestStack } from '../../support/stack';
import {
	TeamError,
	acceptInvitation,
	canEdit,
	canManageTeam,
	changeMemberRole,
	getOrganisation,
	inviteMember,
	listPendingInvitations,
	listTeam,
	previewInvitation,
	removeMember,
	revokeInvitation,
	type TeamErrorReason
} from '../../../src/lib/data/team';

type Client = SupabaseClient<Database>;
interface Person {
	client: Client;
	userId: string;
	email: string;
}

async function refusal(promise: Promise<unknown>): Promise<TeamErrorReason> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(TeamError);
	return (error as TeamError).reason;
}

describe('team data functions', () => {
	let t: TestStack;
	let owner: Person;
	let editor: Person;
	let viewer: Person;
	let outsider: Person;
	let anon: Client;
	let orgId: string;

	async function person(email: string): Promise<Person> {
		const { client, userId } = await t.signedIn(email);
		return { client: client as unknown as Client, userId, email };
	}

	async function join(member: Person, role: 'editor' | 'viewer'): Promise<void> {
		const issued = await inviteMember(owner.client, { organisationId: orgId, email: member.email, role });
		await acceptInvitation(member.client, issued.token);
	}

	beforeAll(async () => {
		t = await startTestStack();
		owner = await person('owner@team.test');
		editor = await person('editor@team.test');
		viewer = await person('viewer@team.test');
		outsider = await person('outsider@team.test');
		anon = t.anon() as unknown as Client;
		orgId = (await createOrganisation(owner.client, 'Team Advocacy')).id;
		await join(editor, 'editor');
		await join(viewer, 'viewer');
	});
	afterAll(async () => t?.close());

	it('role helpers: owners manage the team, editors and owners edit, viewers neither', () => {
		expect([canManageTeam('owner'), canManageTeam('editor'), canManageTeam('viewer'), canManageTeam(null)]).toEqual([true, false, false, false]);
		expect([canEdit('owner'), canEdit('editor'), canEdit('viewer'), canEdit(undefined)]).toEqual([true, true, false, false]);
	});

	it('every member sees the organisation, their own role and the team with addresses, owners first', async () => {
		for (const [who, role] of [[owner, 'owner'], [editor, 'editor'], [viewer, 'viewer']] as const) {
			expect(await getOrganisation(who.client, orgId, who.userId)).toEqual({ id: orgId, name: 'Team Advocacy', role });
			const team = await listTeam(who.client, orgId);
			expect(team.map((m) => [m.email, m.role])).toEqual([
				['owner@team.test', 'owner'],
				['editor@team.test', 'editor'],
				['viewer@team.test', 'viewer']
			]);
		}
	});

	it('an outsider and an anonymous visitor see neither the organisation nor its team', async () => {
		expect(await getOrganisation(outsider.client, orgId, outsider.userId)).toBeNull();
		expect(await refusal(listTeam(outsider.client, orgId))).toBe('forbidden');
		expect(await refusal(listTeam(anon, orgId))).toBe('forbidden');
	});

	it('only owners see pending invitations', async () => {
		const issued = await inviteMember(owner.client, { organisationId: orgId, email: 'Pending@Team.test ', role: 'editor' });
		expect(issued.email).toBe('pending@team.test');
		expect(issued.replacedPending).toBe(false);
		const pending = await listPendingInvitations(owner.client, orgId);
		expect(pending.map((i) => [i.email, i.role, i.expired])).toEqual([['pending@team.test', 'editor', false]]);
		expect(await listPendingInvitations(editor.client, orgId)).toEqual([]);
		expect(await listPendingInvitations(viewer.client, orgId)).toEqual([]);
		expect(await listPendingInvitations(outsider.client, orgId)).toEqual([]);
		expect(await refusal(listPendingInvitations(anon, orgId))).toBe('forbidden');
	});

	it('inviting the same address again replaces the pending invitation: only the new link works', async () => {
		const first = await inviteMember(owner.client, { organisationId: orgId, email: 'twice@team.test', role: 'viewer' });
		const second = await inviteMember(owner.client, { organisationId: orgId, email: 'twice@team.test', role: 'editor' });
		expect(second.replacedPending).toBe(true);
		const invitee = await person('twice@team.test');
		expect(await previewInvitation(invitee.client, first.token)).toBeNull();
		expect(await refusal(acceptInvitation(invitee.client, first.token))).toBe('invitation-invalid');
		expect(await acceptInvitation(invitee.client, second.token)).toEqual({ organisationId: orgId, role: 'editor' });
		await removeMember(owner.client, orgId, invitee.userId);
	});

	it('inviting someone who is already a member is refused in words', async () => {
		expect(await refusal(inviteMember(owner.client, { organisationId: orgId, email: 'VIEWER@team.test', role: 'editor' }))).toBe('already-member');
	});

	it('editors, viewers, outsiders and anonymous visitors cannot invite', async () => {
		for (const who of [editor.client, viewer.client, outsider.client, anon]) {
			expect(await refusal(inviteMember(who, { organisationId: orgId, email: 'new@team.test', role: 'owner' }))).toBe('forbidden');
		}
		expect(await refusal(inviteMember(owner.client, { organisationId: orgId, email: 'not-an-email', role: 'viewer' }))).toBe('invalid-email');
	});

	it('accepting: only the invited address, once, and never signed out', async () => {
		const issued = await inviteMember(owner.client, { organisationId: orgId, email: 'newcomer@team.test', role: 'viewer' });
		expect(await refusal(acceptInvitation(anon, issued.token))).toBe('forbidden');
		expect(await refusal(acceptInvitation(outsider.client, issued.token))).toBe('wrong-account');
		expect(await refusal(acceptInvitation(outsider.client, 'made-up'))).toBe('invitation-invalid');

		const newcomer = await person('newcomer@team.test');
		expect(await previewInvitation(newcomer.client, issued.token)).toMatchObject({
			organisationId: orgId,
			organisationName: 'Team Advocacy',
			email: 'newcomer@team.test',
			role: 'viewer',
			status: 'pending'
		});
		expect(await acceptInvitation(newcomer.client, issued.token)).toEqual({ organisationId: orgId, role: 'viewer' });
		expect(await refusal(acceptInvitation(newcomer.client, issued.token))).toBe('invitation-used');
		expect((await previewInvitation(newcomer.client, issued.token))?.status).toBe('used');
		await removeMember(owner.client, orgId, newcomer.userId);
	});

	it('an expired invitation says so and cannot be used', async () => {
		const issued = await inviteMember(owner.client, { organisationId: orgId, email: 'late@team.test', role: 'viewer' });
		await t.sql`update public.invitations set created_at = now() - interval '8 days', expires_at = now() - interval '1 day'
			where id = ${issued.invitationId}`;
		const late = await person('late@team.test');
		expect((await previewInvitation(late.client, issued.token))?.status).toBe('expired');
		expect(await refusal(acceptInvitation(late.client, issued.token))).toBe('invitation-expired');
		expect((await listPendingInvitations(owner.client, orgId)).find((i) => i.id === issued.invitationId)?.expired).toBe(true);
	});

	it('only owners revoke invitations, and a revoked link no longer works', async () => {
		const issued = await inviteMember(owner.client, { organisationId: orgId, email: 'revoked@team.test', role: 'viewer' });
		for (const who of [editor.client, viewer.client, outsider.client]) {
			expect(await refusal(revokeInvitation(who, orgId, issued.invitationId))).toBe('forbidden');
		}
		expect(await refusal(revokeInvitation(anon, orgId, issued.invitationId))).toBe('forbidden');
		await revokeInvitation(owner.client, orgId, issued.invitationId);
		const revoked = await person('revoked@team.test');
		expect(await previewInvitation(revoked.client, issued.token)).toBeNull();
		expect(await refusal(acceptInvitation(revoked.client, issued.token))).toBe('invitation-invalid');
	});

	it('only owners change roles', async () => {
		for (const who of [editor.client, viewer.client, outsider.client, anon]) {
			expect(await refusal(changeMemberRole(who, orgId, viewer.userId, 'owner'))).toBe('forbidden');
		}
		expect((await getOrganisation(viewer.client, orgId, viewer.userId))?.role).toBe('viewer');
		await changeMemberRole(owner.client, orgId, viewer.userId, 'editor');
		expect((await getOrganisation(viewer.client, orgId, viewer.userId))?.role).toBe('editor');
		await changeMemberRole(owner.client, orgId, viewer.userId, 'viewer');
	});

	it('the last owner can neither step down nor leave; with a second owner both work', async () => {
		expect(await refusal(changeMemberRole(owner.client, orgId, owner.userId, 'editor'))).toBe('last-owner');
		expect(await refusal(removeMember(owner.client, orgId, owner.userId))).toBe('last-owner');
		await changeMemberRole(owner.client, orgId, editor.userId, 'owner');
		await changeMemberRole(owner.client, orgId, owner.userId, 'editor');
		expect((await getOrganisation(owner.client, orgId, owner.userId))?.role).toBe('editor');
		await changeMemberRole(editor.client, orgId, owner.userId, 'owner');
		await changeMemberRole(owner.client, orgId, editor.userId, 'editor');
	});

	it('only owners remove others; anyone can leave', async () => {
		for (const who of [editor.client, outsider.client, anon]) {
			expect(await refusal(removeMember(who, orgId, viewer.userId))).toBe('forbidden');
		}
		expect(await refusal(removeMember(viewer.client, orgId, editor.userId))).toBe('forbidden');
		await removeMember(viewer.client, orgId, viewer.userId);
		expect(await getOrganisation(viewer.client, orgId, viewer.userId)).toBeNull();
		await removeMember(owner.client, orgId, editor.userId);
		expect((await listTeam(owner.client, orgId)).map((m) => m.email)).toEqual(['owner@team.test']);
	});
});
