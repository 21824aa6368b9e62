/**
 * Team management: who may do what (role helpers for every screen), and typed
 * supabase-js queries for members and invitations. The database decides
 * (RLS, create_invitation, accept_invitation, the last-owner trigger); these
 * functions turn its answers, including silent RLS denials, into TeamError
 * reasons the pages can put into words.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { MemberRole } from './organisations';

export type { MemberRole };

/** From most to least powerful, as the database's enum. */
export const MEMBER_ROLES = ['owner', 'editor', 'viewer'] as const satisfies readonly MemberRole[];

export function isMemberRole(value: unknown): value is MemberRole {
	return typeof value === 'string' && (MEMBER_ROLES as readonly string[]).includes(value);
}

/** Editors and owners write requests, events, attachments and findings. */
export function canEdit(role: MemberRole | null | undefined): boolean {
	return role === 'owner' || role === 'editor';
}

/** Only owners invite, change roles, remove members and revoke invitations. */
export function canManageTeam(role: MemberRole | null | undefined): boolean {
	return role === 'owner';
}

export type TeamErrorReason =
	| 'forbidden'
	| 'last-owner'
	| 'already-member'
	| 'invalid-email'
	| 'not-found'
	| 'invitation-invalid'
	| 'invitation-used'
	| 'invitation-expired'
	| 'wrong-account'
	| 'signed-out'
	| 'failed';

/** A refusal with a reason the UI can explain; `message` is the database's own words. */
export class TeamError extends Error {
	constructor(
		readonly reason: TeamErrorReason,
		message: string
	) {
		super(message);
		this.name = 'TeamError';
	}
}

function teamError(error: { code?: string; message: string }): TeamError {
	const { code, message } = error;
	if (code === '23514' && /at least one owner/.test(message)) return new TeamError('last-owner', message);
	if (/already a member/.test(message)) return new TeamError('already-member', message);
	if (/already been used/.test(message)) return new TeamError('invitation-used', message);
	if (/has expired/.test(message)) return new TeamError('invitation-expired', message);
	if (/link is not valid/.test(message)) return new TeamError('invitation-invalid', message);
	if (/different email address/.test(message)) return new TeamError('wrong-account', message);
	if (/must be signed in/.test(message)) return new TeamError('signed-out', message);
	if (/valid email address/.test(message)) return new TeamError('invalid-email', message);
	if (code === '42501') return new TeamError('forbidden', message);
	return new TeamError('failed', message);
}

type Client = SupabaseClient<Database>;

export interface Organisation {
	id: string;
	name: string;
	/** The caller's role, or null when they are not a member. */
	role: MemberRole | null;
}

export interface TeamMember {
	userId: string;
	email: string;
	role: MemberRole;
	joinedAt: string;
}

export interface PendingInvitation {
	id: string;
	email: string;
	role: MemberRole;
	createdAt: string;
	expiresAt: string;
	expired: boolean;
}

/** The organisation as the caller may see it, or null when it does not exist for them. */
export async function getOrganisation(supabase: Client, organisationId: string, userId: string): Promise<Organisation | null> {
	const [organisation, membership] = await Promise.all([
		supabase.from('organisations').select('id, name').eq('id', organisationId).maybeSingle(),
		supabase.from('memberships').select('role').eq('organisation_id', organisationId).eq('user_id', userId).maybeSingle()
	]);
	if (organisation.error) throw teamError(organisation.error);
	if (membership.error) throw teamError(membership.error);
	if (!organisation.data) return null;
	return { id: organisation.data.id, name: organisation.data.name, role: membership.data?.role ?? null };
}

/** Members with their addresses and roles, owners first. Members only. */
export async function listTeam(supabase: Client, organisationId: string): Promise<TeamMember[]> {
	const { data, error } = await supabase.rpc('organisation_team', { organisation_id: organisationId });
	if (error) throw teamError(error);
	return (data ?? []).map((m) => ({ userId: m.user_id, email: m.email, role: m.role, joinedAt: m.joined_at }));
}

/** Invitations not used yet (expired ones included, marked). Owners see them; anyone else gets none. */
export async function listPendingInvitations(supabase: Client, organisationId: string, now = new Date()): Promise<PendingInvitation[]> {
	const { data, error } = await supabase
		.from('invitations')
		.select('id, email, role, created_at, expires_at')
		.eq('organisation_id', organisationId)
		.is('accepted_at', null)
		.order('created_at', { ascending: false });
	if (error) throw teamError(error);
	return (data ?? []).map((i) => ({
		id: i.id,
		email: i.email,
		role: i.role,
		createdAt: i.created_at,
		expiresAt: i.expires_at,
		expired: new Date(i.expires_at) <= now
	}));
}

export interface IssuedInvitation {
	invitationId: string;
	/** The single-use secret for the link; shown once, stored only hashed. */
	token: string;
	email: string;
	role: MemberRole;
	expiresAt: string;
	/** True when a pending invitation to the same address was replaced (its link stops working). */
	replacedPending: boolean;
}

/**
 * Invites an address with a role (owners only). Refuses addresses that already
 * belong to a member; replaces a pending invitation to the same address.
 */
export async function inviteMember(
	supabase: Client,
	input: { organisationId: string; email: string; role: MemberRole }
): Promise<IssuedInvitation> {
	const email = input.email.trim().toLowerCase();
	const [team, pending] = await Promise.all([
		supabase.rpc('organisation_team', { organisation_id: input.organisationId }),
		supabase.from('invitations').select('id').eq('organisation_id', input.organisationId).eq('email', email).is('accepted_at', null)
	]);
	if (team.error) throw teamError(team.error);
	if ((team.data ?? []).some((m) => m.email === email)) {
		throw new TeamError('already-member', `${email} is already a member of this organisation`);
	}
	const { data, error } = await supabase
		.rpc('create_invitation', { organisation_id: input.organisationId, email, role: input.role })
		.single();
	if (error || !data) throw teamError(error ?? { message: 'No invitation was returned' });
	return {
		invitationId: data.invitation_id,
		token: data.token,
		email,
		role: input.role,
		expiresAt: data.expires_at,
		replacedPending: (pending.data ?? []).length > 0
	};
}

export type InvitationStatus = 'pending' | 'used' | 'expired';

export interface InvitationPreview {
	organisationId: string;
	organisationName: string;
	email: string;
	role: MemberRole;
	expiresAt: string;
	status: InvitationStatus;
}

/** What an invitation link is for (signed-in callers); null for an unknown, revoked or replaced token. */
export async function previewInvitation(supabase: Client, token: string): Promise<InvitationPreview | null> {
	const { data, error } = await supabase.rpc('invitation_preview', { token }).maybeSingle();
	if (error) throw teamError(error);
	if (!data) return null;
	const status: InvitationStatus = data.status === 'used' || data.status === 'expired' ? data.status : 'pending';
	return {
		organisationId: data.organisation_id,
		organisationName: data.organisation_name,
		email: data.email,
		role: data.role,
		expiresAt: data.expires_at,
		status
	};
}

/** Uses the token for the signed-in caller and returns the organisation joined. */
export async function acceptInvitation(supabase: Client, token: string): Promise<{ organisationId: string; role: MemberRole }> {
	const { data, error } = await supabase.rpc('accept_invitation', { token });
	if (error || !data) throw teamError(error ?? { message: 'No membership was returned' });
	return { organisationId: data.organisation_id, role: data.role };
}

/** Changes a member's role (owners only; the organisation keeps at least one owner). */
export async function changeMemberRole(supabase: Client, organisationId: string, userId: string, role: MemberRole): Promise<void> {
	const { data, error } = await supabase
		.from('memberships')
		.update({ role })
		.eq('organisation_id', organisationId)
		.eq('user_id', userId)
		.select('user_id');
	if (error) throw teamError(error);
	if (!data || data.length === 0) throw new TeamError('forbidden', 'Only owners of this organisation can change roles');
}

/** Removes a member (owners), or the caller themselves (leaving); never the last owner. */
export async function removeMember(supabase: Client, organisationId: string, userId: string): Promise<void> {
	const { data, error } = await supabase
		.from('memberships')
		.delete()
		.eq('organisation_id', organisationId)
		.eq('user_id', userId)
		.select('user_id');
	if (error) throw teamError(error);
	if (!data || data.length === 0) throw new TeamError('forbidden', 'Only owners of this organisation can remove members');
}

/** Revokes a pending invitation (owners only): its link stops working. */
export async function revokeInvitation(supabase: Client, organisationId: string, invitationId: string): Promise<void> {
	const { data, error } = await supabase
		.from('invitations')
		.delete()
		.eq('organisation_id', organisationId)
		.eq('id', invitationId)
		.is('accepted_at', null)
		.select('id');
	if (error) throw teamError(error);
	if (!data || data.length === 0) throw new TeamError('forbidden', 'Only owners of this organisation can revoke invitations');
}
