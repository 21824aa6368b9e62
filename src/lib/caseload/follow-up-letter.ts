/**
 * The overdue follow-up for one request, from the CORA engine's
 * `overdue_follow_up` template: the missed date is the request's governing
 * deadline, the request date its sent date (Colorado), the reference its
 * agency tracking number; who signs comes from the user (or the request's draft).
 */
import { buildMailto } from '$lib/filing/mailto';
import { renderLetter, toColoradoLocalTime, type IsoDate, type RenderLetterResult } from '$lib/cora';

export interface FollowUpInput {
	agencyName: string;
	/** Postal or email address the letter names; omitted when unknown (never invented). */
	agencyAddress: string | null;
	/** Where the follow-up can be emailed, when the agency takes email. */
	requestEmail: string | null;
	title: string;
	sentAt: string | null;
	trackingNumber: string | null;
	missedDeadline: IsoDate;
	requesterName: string;
	requesterContact: string;
	requesterOrganization: string | null;
	today: IsoDate;
}

export interface FollowUp {
	letter: RenderLetterResult;
	/** mailto: link with the letter, when the agency has a request email and the letter rendered. */
	mailto: string | null;
}

export function followUpLetter(input: FollowUpInput): FollowUp {
	const requestDate = input.sentAt ? toColoradoLocalTime(input.sentAt).date : null;
	const letter = renderLetter('overdue_follow_up', {
		letter_date: input.today,
		agency_name: input.agencyName,
		agency_address: input.agencyAddress ?? undefined,
		requester_name: input.requesterName.trim() || undefined,
		requester_organization: input.requesterOrganization?.trim() || undefined,
		requester_contact: input.requesterContact.trim() || undefined,
		request_date: requestDate ?? undefined,
		subject_summary: input.title,
		reference_number: input.trackingNumber ?? undefined,
		missed_deadline: input.missedDeadline
	});
	const mailto = letter.ok && input.requestEmail ? buildMailto({ to: input.requestEmail, subject: letter.subject, body: letter.text }) : null;
	return { letter, mailto };
}
