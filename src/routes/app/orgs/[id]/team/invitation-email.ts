/**
 * The invitation email: English then Spanish in one message (the inviter does
 * not know which language the invitee reads), with the one link it is about.
 */
import { translate } from '$lib/i18n/translate';
import type { Locale } from '$lib/i18n/locales';
import type { OutgoingMail } from '$lib/server/mail';
import type { MemberRole } from '$lib/data/team';
import { teamDate } from '$lib/components/team/dates';

export function invitationLink(origin: string, token: string): string {
	const url = new URL('/invitations/accept', origin);
	url.searchParams.set('token', token);
	return url.toString();
}

export function invitationEmail(input: {
	to: string;
	organisation: string;
	role: MemberRole;
	inviter: string;
	link: string;
	expiresAt: string;
}): OutgoingMail {
	const inLocale = (locale: Locale) => {
		const params = {
			organisation: input.organisation,
			inviter: input.inviter,
			email: input.to,
			link: input.link,
			role: translate(locale, `orgs.role.${input.role}`),
			roleHelp: translate(locale, `team.roleHelp.${input.role}`),
			date: teamDate(input.expiresAt, locale, true)
		};
		return { subject: translate(locale, 'team.email.subject', params), body: translate(locale, 'team.email.body', params) };
	};
	const en = inLocale('en');
	const es = inLocale('es');
	return {
		to: input.to,
		subject: `${en.subject} / ${es.subject}`,
		text: `${en.body}\n\n— Español —\n\n${es.body}`,
		link: input.link
	};
}
