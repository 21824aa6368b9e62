/**
 * The caseload's sections: where a request stands from the group's side of
 * the desk. Statuses are the database's; which ones run the clock comes from
 * the CORA engine (src/lib/cora/requests/request-status.ts).
 */
import { CLOCK_PAUSING_STATUSES, CLOCK_RUNNING_STATUSES, type RequestStatus } from '$lib/cora/requests/request-status';

export { CASELOAD_SECTIONS, CASELOAD_FILTERS, isCaseloadFilter, type CaseloadSection, type CaseloadFilter } from './section-names';

/** "Due soon" = due today or within this many working days after today. */
export const DUE_SOON_WORKING_DAYS = 3;

/** The clock runs: records are owed by the agency (CORA engine). */
export const RUNNING_STATUSES: readonly RequestStatus[] = CLOCK_RUNNING_STATUSES;
/** The requester owes a payment or a clarification: the clock is paused (CORA engine). */
export const PAUSED_STATUSES: readonly RequestStatus[] = CLOCK_PAUSING_STATUSES;
/** The group escalated; the agency (or a court) must move next, with no statutory response date on the row. */
export const ESCALATED_STATUSES: readonly RequestStatus[] = ['notice_of_intent_sent', 'in_litigation'];
/**
 * The agency answered or the request ended. A denial counts as closed here: the
 * response clock stopped; escalating it moves it to notice_of_intent_sent.
 */
export const CLOSED_STATUSES: readonly RequestStatus[] = ['released', 'no_records', 'denied', 'withdrawn', 'closed'];
/** Not sent yet: the group owes the next step. */
export const UNSENT_STATUSES: readonly RequestStatus[] = ['draft'];
