/**
 * Where invitation emails link to. Signed out: say what this is and send them
 * to sign in, coming back here. Signed in: show what the invitation is for and
 * accept it with a POST (never on GET, so a link preview cannot use it up).
 */
import { fail, redirect } from '@sveltejs/kit';
import type { MessageKey } from '$lib/i18n/translate';
import { TeamError, acceptInvitation, previewInvitation, type InvitationPreview } from '$lib/data/team';
import type { Actions, PageServerLoad } from './$types';

type View =
	| { kind: 'missing' }
	| { kind: 'signed-out'; signInHref: string }
	| { kind: 'invalid' }
	| { kind: 'used' | 'expired'; invitation: InvitationPreview; member: boolean }
	| { kind: 'wrong-account'; invitation: InvitationPreview; current: string; token: string }
	| { kind: 'member'; invitation: InvitationPreview }
	| { kind: 'pending'; invitation: InvitationPreview; token: string };

export const load: PageServerLoad = async ({ url, locals }): Promise<{ view: View }> => {
	const token = url.searchParams.get('token')?.trim() ?? '';
	if (!token) return { view: { kind: 'missing' } };
	const user = locals.user;
	if (!user) {
		return { view: { kind: 'signed-out', signInHref: `/login?next=${encodeURIComponent(url.pathname + url.search)}` } };
	}
	const invitation = await previewInvitation(locals.supabase, token);
	if (!invitation) return { view: { kind: 'invalid' } };
	const { data: membership } = await locals.supabase
		.from('memberships')
		.select('role')
		.eq('organisation_id', invitation.organisationId)
		.eq('user_id', user.id)
		.maybeSingle();
	const member = !!membership;
	if (invitation.status !== 'pending') return { view: { kind: invitation.status, invitation, member } };
	if ((user.email ?? '').toLowerCase() !== invitation.email) {
		return { view: { kind: 'wrong-account', invitation, current: user.email ?? '', token } };
	}
	if (member) return { view: { kind: 'member', invitation } };
	return { view: { kind: 'pending', invitation, token } };
};

const REASONS: Partial<Record<TeamError['reason'], MessageKey>> = {
	'invitation-invalid': 'team.accept.invalid',
	'invitation-used': 'team.accept.used',
	'invitation-expired': 'team.accept.invalid',
	'wrong-account': 'team.accept.invalid'
};

export const actions: Actions = {
	accept: async ({ request, locals, url }) => {
		const token = String((await request.formData()).get('token') ?? '').trim();
		if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + '?token=' + encodeURIComponent(token))}`);
		let joined;
		try {
			joined = await acceptInvitation(locals.supabase, token);
		} catch (e) {
			// The page reloads its view of the invitation and shows why; this says what just failed.
			const key = e instanceof TeamError ? (REASONS[e.reason] ?? 'team.error.failed') : 'team.error.failed';
			return fail(400, { problem: { key, message: (e as Error).message } });
		}
		redirect(303, `/app/orgs/${joined.organisationId}?joined`);
	},
	/** Signed in as someone else: sign out and come back here through sign-in. */
	switchAccount: async ({ request, locals, url }) => {
		const token = String((await request.formData()).get('token') ?? '').trim();
		await locals.supabase.auth.signOut();
		redirect(303, `/login?next=${encodeURIComponent(url.pathname + '?token=' + encodeURIComponent(token))}`);
	}
};
