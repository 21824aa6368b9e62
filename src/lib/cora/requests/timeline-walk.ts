/**
 * Folds a validated, corrected, chronological timeline into a status and the
 * facts the clock needs. Events not allowed from the current status are
 * reported and skipped, never thrown.
 */
import { toColoradoLocalTime } from '../calendar/colorado-time';
import type { ClockPause, PauseCause } from '../calendar/working-day-count';
import type { IsoDate } from '../calendar/calendar-date';
import { warning, type StateWarning, type ValidEvent } from './request-events';
import { isFinalStatus, TRANSITIONS, type RequestStatus } from './request-status';

export interface TimelineFacts {
	status: RequestStatus;
	/** ISO instant of the `sent` event: when the custodian received the request. */
	sentAt: string | null;
	extensionClaimedOn: IsoDate | null;
	extensionEventId: string | null;
	/** Pauses in order; `afterPayment` marks those that began after the latest payment. */
	pauses: Array<ClockPause & { afterPayment: boolean }>;
	paidOn: IsoDate | null;
	noticeOfIntentOn: IsoDate | null;
	noticeExpedited: boolean;
	litigationOn: IsoDate | null;
	litigationEventId: string | null;
	appliedEventIds: string[];
	warnings: StateWarning[];
}

const PAUSE_CAUSE_BY_STATUS: Partial<Record<RequestStatus, PauseCause>> = {
	awaiting_payment: 'awaiting_payment',
	awaiting_clarification: 'awaiting_clarification'
};

function rejectionFor(event: ValidEvent, status: RequestStatus, feeEstimateSeen: boolean): StateWarning {
	if (isFinalStatus(status)) {
		return warning('event_after_final', event.id, `${event.type} recorded after the request was ${status}; ignored.`);
	}
	if (event.type === 'payment_made' && !feeEstimateSeen) {
		return warning('payment_without_fee_estimate', event.id, 'payment_made without an earlier fee_estimate; ignored.');
	}
	return warning('invalid_transition', event.id, `${event.type} is not expected while the request is ${status}; ignored.`);
}

export function walkTimeline(events: readonly ValidEvent[]): TimelineFacts {
	const facts: TimelineFacts = {
		status: 'draft',
		sentAt: null,
		extensionClaimedOn: null,
		extensionEventId: null,
		pauses: [],
		paidOn: null,
		noticeOfIntentOn: null,
		noticeExpedited: false,
		litigationOn: null,
		litigationEventId: null,
		appliedEventIds: [],
		warnings: []
	};
	let statusBeforePause: RequestStatus = 'sent';
	let feeEstimateSeen = false;

	for (const event of events) {
		if (event.type === 'note' || event.type === 'correction') {
			facts.appliedEventIds.push(event.id);
			continue;
		}
		const target = TRANSITIONS[facts.status][event.type];
		if (target === undefined) {
			facts.warnings.push(rejectionFor(event, facts.status, feeEstimateSeen));
			continue;
		}
		const on = toColoradoLocalTime(event.occurred_at).date;
		const previous = facts.status;
		const openPause = facts.pauses.at(-1);

		if (event.type === 'sent') facts.sentAt = event.occurred_at;
		if (event.type === 'extension_claimed') {
			facts.extensionClaimedOn = on;
			facts.extensionEventId = event.id;
		}
		if (event.type === 'fee_estimate') feeEstimateSeen = true;
		if ((event.type === 'payment_made' || event.type === 'clarification_given') && openPause && openPause.until === null) {
			openPause.until = on;
		}
		if (event.type === 'payment_made') {
			facts.paidOn = on;
			facts.pauses.forEach((p) => (p.afterPayment = false));
		}
		if (event.type === 'notice_of_intent_sent') {
			facts.noticeOfIntentOn = on;
			facts.noticeExpedited = event.payload.expedited === true;
		}
		if (event.type === 'litigation') {
			facts.litigationOn = on;
			facts.litigationEventId = event.id;
		}

		const next =
			target === 'resume'
				? statusBeforePause
				: target === 'by_completeness'
					? event.payload.completeness === 'full'
						? 'released'
						: 'partially_released'
					: target;
		const cause = PAUSE_CAUSE_BY_STATUS[next];
		if (cause && PAUSE_CAUSE_BY_STATUS[previous] === undefined) {
			statusBeforePause = previous;
			facts.pauses.push({ from: on, until: null, cause, afterPayment: facts.paidOn !== null });
		}
		if (!cause && openPause && openPause.until === null) openPause.until = on;
		facts.status = next;
		facts.appliedEventIds.push(event.id);
	}
	return facts;
}
