/**
 * Request statuses, event types, and which event may move which status where.
 * Statuses and event types are the exact strings the database stores.
 */

export const REQUEST_STATUSES = [
	'draft',
	'sent',
	'acknowledged',
	'extended',
	'awaiting_payment',
	'awaiting_clarification',
	'partially_released',
	'released',
	'no_records',
	'denied',
	'notice_of_intent_sent',
	'in_litigation',
	'withdrawn',
	'closed'
] as const;

export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_EVENT_TYPES = [
	'sent',
	'acknowledged',
	'extension_claimed',
	'fee_estimate',
	'payment_made',
	'clarification_requested',
	'clarification_given',
	'records_released',
	'no_responsive_records',
	'denied',
	'grounds_requested',
	'notice_of_intent_sent',
	'litigation',
	'withdrawn',
	'closed',
	'note',
	'correction'
] as const;

export type RequestEventType = (typeof REQUEST_EVENT_TYPES)[number];

/** Events that never change the status and are allowed in every status, final ones included. */
export const ANNOTATION_EVENT_TYPES: readonly RequestEventType[] = ['note', 'correction'];

/** No further events except notes and corrections. */
export const FINAL_STATUSES: readonly RequestStatus[] = ['withdrawn', 'closed'];

/** The requester owes something, so the response clock is paused (SOURCES.md §"Counting days"). */
export const CLOCK_PAUSING_STATUSES: readonly RequestStatus[] = ['awaiting_payment', 'awaiting_clarification'];

/** The response clock runs: records are still owed. */
export const CLOCK_RUNNING_STATUSES: readonly RequestStatus[] = ['sent', 'acknowledged', 'extended', 'partially_released'];

/**
 * Where an event leads: a status; 'resume' = back to the status before the
 * pause; 'by_completeness' = partially_released or released per the payload.
 */
export type TransitionTarget = RequestStatus | 'resume' | 'by_completeness';

type TransitionRow = Partial<Record<RequestEventType, TransitionTarget>>;

const WHILE_WAITING_FOR_RESPONSE: TransitionRow = {
	fee_estimate: 'awaiting_payment',
	clarification_requested: 'awaiting_clarification',
	records_released: 'by_completeness',
	no_responsive_records: 'no_records',
	denied: 'denied',
	notice_of_intent_sent: 'notice_of_intent_sent',
	withdrawn: 'withdrawn',
	closed: 'closed'
};

export const TRANSITIONS: Readonly<Record<RequestStatus, TransitionRow>> = {
	draft: { sent: 'sent', withdrawn: 'withdrawn', closed: 'closed' },
	sent: { ...WHILE_WAITING_FOR_RESPONSE, acknowledged: 'acknowledged', extension_claimed: 'extended' },
	acknowledged: { ...WHILE_WAITING_FOR_RESPONSE, extension_claimed: 'extended' },
	extended: { ...WHILE_WAITING_FOR_RESPONSE },
	awaiting_payment: {
		payment_made: 'resume',
		fee_estimate: 'awaiting_payment',
		records_released: 'by_completeness',
		no_responsive_records: 'no_records',
		denied: 'denied',
		notice_of_intent_sent: 'notice_of_intent_sent',
		withdrawn: 'withdrawn',
		closed: 'closed'
	},
	awaiting_clarification: {
		clarification_given: 'resume',
		clarification_requested: 'awaiting_clarification',
		records_released: 'by_completeness',
		no_responsive_records: 'no_records',
		denied: 'denied',
		notice_of_intent_sent: 'notice_of_intent_sent',
		withdrawn: 'withdrawn',
		closed: 'closed'
	},
	partially_released: {
		records_released: 'by_completeness',
		fee_estimate: 'awaiting_payment',
		clarification_requested: 'awaiting_clarification',
		denied: 'denied',
		grounds_requested: 'partially_released',
		notice_of_intent_sent: 'notice_of_intent_sent',
		withdrawn: 'withdrawn',
		closed: 'closed'
	},
	released: {
		records_released: 'released',
		grounds_requested: 'released',
		notice_of_intent_sent: 'notice_of_intent_sent',
		closed: 'closed'
	},
	no_records: { records_released: 'by_completeness', notice_of_intent_sent: 'notice_of_intent_sent', closed: 'closed' },
	denied: {
		grounds_requested: 'denied',
		records_released: 'by_completeness',
		notice_of_intent_sent: 'notice_of_intent_sent',
		withdrawn: 'withdrawn',
		closed: 'closed'
	},
	notice_of_intent_sent: {
		litigation: 'in_litigation',
		records_released: 'by_completeness',
		withdrawn: 'withdrawn',
		closed: 'closed'
	},
	in_litigation: { withdrawn: 'withdrawn', closed: 'closed' },
	withdrawn: {},
	closed: {}
};

export function isFinalStatus(status: RequestStatus): boolean {
	return FINAL_STATUSES.includes(status);
}

export function isClockPausingStatus(status: RequestStatus): boolean {
	return CLOCK_PAUSING_STATUSES.includes(status);
}

export function isRequestStatus(value: unknown): value is RequestStatus {
	return typeof value === 'string' && (REQUEST_STATUSES as readonly string[]).includes(value);
}

export function isRequestEventType(value: unknown): value is RequestEventType {
	return typeof value === 'string' && (REQUEST_EVENT_TYPES as readonly string[]).includes(value);
}

/** Event types that may be recorded next, notes and corrections included. */
export function allowedEventTypes(status: RequestStatus): RequestEventType[] {
	return [...(Object.keys(TRANSITIONS[status]) as RequestEventType[]), ...ANNOTATION_EVENT_TYPES];
}

export function canApplyEvent(status: RequestStatus, type: RequestEventType): boolean {
	return ANNOTATION_EVENT_TYPES.includes(type) || TRANSITIONS[status][type] !== undefined;
}
