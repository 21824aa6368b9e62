/**
 * Which follow-up letters a request calls for now, pre-filled from the request:
 * - overdue_follow_up, when today is after the governing due date and the
 *   clock runs (not paused, not final), citing the missed date;
 * - denial_grounds_request after a denial (C.R.S. 24-72-204(4));
 * - notice_of_intent (14 days' written notice before going to court,
 *   C.R.S. 24-72-204(5) as cited in src/lib/cora; HB17-1177) after a denial,
 *   a partial release, or an overdue response.
 * The letters themselves come from the CORA engine (renderLetter).
 */
import { isFinalStatus, isOverdue, toColoradoLocalTime, type IsoDate, type LetterTemplateId, type RequestState } from '$lib/cora';
import type { TimelineItem } from './timeline-merge';

export type FollowUpLetterId = Extract<LetterTemplateId, 'overdue_follow_up' | 'denial_grounds_request' | 'notice_of_intent'>;

export interface LetterRequestFacts {
	agencyName: string;
	sentAt: string | null;
	trackingNumber: string | null;
	title: string;
	/** The values of the draft the request was filed from, when known (requester, subject…). */
	draftValues: Record<string, unknown>;
}

export type LetterValues = Record<string, string>;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function commonValues(request: LetterRequestFacts, today: IsoDate): LetterValues {
	const values: LetterValues = {
		letter_date: today,
		agency_name: request.agencyName,
		custodian_name: text(request.draftValues.custodian_name),
		requester_name: text(request.draftValues.requester_name),
		requester_organization: text(request.draftValues.requester_organization),
		requester_contact: text(request.draftValues.requester_contact),
		subject_summary: text(request.draftValues.subject_summary) || request.title,
		reference_number: request.trackingNumber ?? ''
	};
	if (request.sentAt) values.request_date = toColoradoLocalTime(request.sentAt).date;
	return values;
}

export interface OfferedLetter {
	id: FollowUpLetterId;
	values: LetterValues;
}

export function offeredLetters(state: RequestState, items: readonly TimelineItem[], request: LetterRequestFacts, today: IsoDate): OfferedLetter[] {
	const offered: OfferedLetter[] = [];
	const common = commonValues(request, today);
	const overdue = isOverdue(state, today) && !state.paused && !isFinalStatus(state.status);
	if (overdue && state.dueDate) offered.push({ id: 'overdue_follow_up', values: { ...common, missed_deadline: state.dueDate } });
	const denial = items.find((item) => item.type === 'denied' && !item.retracted);
	if (denial && (state.status === 'denied' || state.status === 'partially_released')) {
		offered.push({ id: 'denial_grounds_request', values: { ...common, denial_date: toColoradoLocalTime(denial.occurredAt).date, withheld_records: '' } });
	}
	if (state.noticeOfIntentOn === null && (state.status === 'denied' || state.status === 'partially_released' || overdue)) {
		offered.push({ id: 'notice_of_intent', values: { ...common, grievance: '' } });
	}
	return offered;
}
