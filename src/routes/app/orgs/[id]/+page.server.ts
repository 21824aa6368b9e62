/**
 * An organisation and its team. Every change is a named form action that works
 * without JavaScript; destructive ones (remove, revoke, leave) ask first by
 * answering with `confirm` until the form comes back with confirm=yes.
 * Actions do not pre-check the caller's role: the database (RLS, the API
 * functions, the last-owner trigger) decides, and a refusal is put into words.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import type { MessageKey } from '$lib/i18n/translate';
import {
	TeamError,
	canManageTeam,
	changeMemberRole,
	getOrganisation,
	inviteMember,
	isMemberRole,
	listPendingInvitations,
	listTeam,
	removeMember,
	revokeInvitation,
	type MemberRole
} from '$lib/data/team';
import { sendMail } from '$lib/server/mail';
import { invitationEmail, invitationLink } from './team/invitation-email';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type ActionName = 'invite' | 'changeRole' | 'remove' | 'revoke' | 'leave';

/** What every action answers with; the page reads it as `form`. */
export interface TeamActionResult {
	action: ActionName;
	values?: { email: string; role: string };
	errors?: Partial<Record<'email' | 'role', MessageKey>>;
	/** Something refused or failed, in words; `message` is the database's own. */
	problem?: { key: MessageKey; email?: string; message?: string };
	/** Something done. */
	notice?: { key: MessageKey; email: string; role?: MemberRole };
	invited?: { email: string; role: MemberRole; expiresAt: string; delivered: boolean; link: string | null; replacedPending: boolean };
	confirm?: { kind: 'remove' | 'revoke' | 'leave'; id: string; email: string };
}

const answer = (result: TeamActionResult) => result;

function refused(action: ActionName, e: unknown, extra: Partial<TeamActionResult> = {}) {
	const reason = e instanceof TeamError ? e.reason : 'failed';
	const message = e instanceof Error ? e.message : String(e);
	const key: MessageKey =
		reason === 'last-owner'
			? action === 'leave'
				? 'team.lastOwnerLeave'
				: 'team.lastOwner'
			: reason === 'already-member'
				? 'team.error.alreadyMember'
				: reason === 'forbidden'
					? 'team.error.forbidden'
					: 'team.error.failed';
	const status = reason === 'forbidden' ? 403 : reason === 'last-owner' || reason === 'already-member' ? 409 : 400;
	return fail(status, answer({ action, ...extra, problem: { key, message, email: extra.values?.email } }));
}

function organisationId(params: { id: string }): string {
	if (!UUID.test(params.id)) error(404, 'Not found');
	return params.id;
}

export const load: PageServerLoad = async ({ params, locals, url, depends }) => {
	depends('app:team');
	const id = organisationId(params);
	const organisation = await getOrganisation(locals.supabase, id, locals.user!.id);
	if (!organisation || !organisation.role) error(404, 'Not found');
	const [members, invitations] = await Promise.all([
		listTeam(locals.supabase, id).catch((e: Error) => e),
		canManageTeam(organisation.role) ? listPendingInvitations(locals.supabase, id).catch((e: Error) => e) : []
	]);
	const loadError = members instanceof Error ? members.message : invitations instanceof Error ? invitations.message : null;
	return {
		organisation: { id: organisation.id, name: organisation.name, role: organisation.role },
		members: members instanceof Error ? [] : members,
		invitations: invitations instanceof Error ? [] : invitations,
		loadError,
		userId: locals.user!.id,
		joined: url.searchParams.has('joined')
	};
};

export const actions: Actions = {
	invite: async ({ request, params, locals, url }) => {
		const id = organisationId(params);
		const form = await request.formData();
		const values = { email: String(form.get('email') ?? '').trim(), role: String(form.get('role') ?? '') };
		const errors: TeamActionResult['errors'] = {};
		if (values.email === '') errors.email = 'team.error.emailRequired';
		else if (!EMAIL.test(values.email) || values.email.length > 320) errors.email = 'team.error.emailInvalid';
		if (!isMemberRole(values.role)) errors.role = 'team.error.roleInvalid';
		if (errors.email || errors.role || !isMemberRole(values.role)) return fail(400, answer({ action: 'invite', values, errors }));
		const role = values.role;

		let issued;
		let organisationName = '';
		try {
			issued = await inviteMember(locals.supabase, { organisationId: id, email: values.email, role });
			organisationName = (await getOrganisation(locals.supabase, id, locals.user!.id))?.name ?? '';
		} catch (e) {
			if (e instanceof TeamError && e.reason === 'invalid-email') {
				return fail(400, answer({ action: 'invite', values, errors: { email: 'team.error.emailInvalid' } }));
			}
			return refused('invite', e, { values });
		}
		const link = invitationLink(url.origin, issued.token);
		const mail = invitationEmail({
			to: issued.email,
			organisation: organisationName,
			role,
			inviter: locals.user!.email ?? '',
			link,
			expiresAt: issued.expiresAt
		});
		// The invitation exists either way: if mailing fails, the owner still gets the link to pass on.
		const sent = await sendMail(mail).catch(() => ({ delivered: false as const }));
		return answer({
			action: 'invite',
			invited: {
				email: issued.email,
				role,
				expiresAt: issued.expiresAt,
				delivered: sent.delivered,
				link: sent.delivered ? null : link,
				replacedPending: issued.replacedPending
			}
		});
	},

	changeRole: async ({ request, params, locals }) => {
		const id = organisationId(params);
		const form = await request.formData();
		const userId = String(form.get('userId') ?? '');
		const email = String(form.get('email') ?? '');
		const role = String(form.get('role') ?? '');
		if (!UUID.test(userId) || !isMemberRole(role)) {
			return fail(400, answer({ action: 'changeRole', problem: { key: 'team.error.roleInvalid', email } }));
		}
		try {
			await changeMemberRole(locals.supabase, id, userId, role);
		} catch (e) {
			return refused('changeRole', e);
		}
		return answer({ action: 'changeRole', notice: { key: 'team.roleChanged', email, role } });
	},

	remove: async ({ request, params, locals }) => {
		const id = organisationId(params);
		const form = await request.formData();
		const userId = String(form.get('userId') ?? '');
		const email = String(form.get('email') ?? '');
		if (!UUID.test(userId)) return fail(400, answer({ action: 'remove', problem: { key: 'team.error.forbidden', email } }));
		if (form.get('confirm') !== 'yes') return answer({ action: 'remove', confirm: { kind: 'remove', id: userId, email } });
		try {
			await removeMember(locals.supabase, id, userId);
		} catch (e) {
			return refused('remove', e);
		}
		return answer({ action: 'remove', notice: { key: 'team.removed', email } });
	},

	revoke: async ({ request, params, locals }) => {
		const id = organisationId(params);
		const form = await request.formData();
		const invitationId = String(form.get('invitationId') ?? '');
		const email = String(form.get('email') ?? '');
		if (!UUID.test(invitationId)) return fail(400, answer({ action: 'revoke', problem: { key: 'team.error.forbidden', email } }));
		if (form.get('confirm') !== 'yes') return answer({ action: 'revoke', confirm: { kind: 'revoke', id: invitationId, email } });
		try {
			await revokeInvitation(locals.supabase, id, invitationId);
		} catch (e) {
			return refused('revoke', e);
		}
		return answer({ action: 'revoke', notice: { key: 'team.revoked', email } });
	},

	leave: async ({ request, params, locals }) => {
		const id = organisationId(params);
		const form = await request.formData();
		const me = locals.user!;
		if (form.get('confirm') !== 'yes') return answer({ action: 'leave', confirm: { kind: 'leave', id: me.id, email: me.email ?? '' } });
		try {
			await removeMember(locals.supabase, id, me.id);
		} catch (e) {
			return refused('leave', e);
		}
		redirect(303, '/app');
	}
};
