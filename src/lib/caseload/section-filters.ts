/**
 * The caseload sections as PostgREST logic-tree terms (for supabase-js
 * `.or()`), so the server filters, counts and pages by section with the same
 * rules as classify-request.ts. The governing date is extended_due_on when
 * set, else due_on; CCJRA's due_on is the user's follow-up date.
 */
import type { IsoDate } from '$lib/cora';
import { CLOSED_STATUSES, ESCALATED_STATUSES, PAUSED_STATUSES, RUNNING_STATUSES, UNSENT_STATUSES, type CaseloadFilter } from './sections';

const list = (values: readonly string[]) => `(${values.join(',')})`;
const RUNNING = `status.in.${list(RUNNING_STATUSES)}`;
const OPEN = 'closed_at.is.null';

/** The governing deadline compared with `op` (lt, lte, gt, gte) to `date`, for counted regimes. */
function deadline(op: string, date: IsoDate): string {
	return `or(extended_due_on.${op}.${date},and(extended_due_on.is.null,due_on.${op}.${date}))`;
}

/** Governing deadline within [today, horizon]. */
function deadlineBetween(today: IsoDate, horizon: IsoDate): string {
	return `or(and(extended_due_on.gte.${today},extended_due_on.lte.${horizon}),and(extended_due_on.is.null,due_on.gte.${today},due_on.lte.${horizon}))`;
}

/** One logic-tree term selecting the rows of a filter, given today's Colorado date and the due-soon horizon. */
export function sectionTerm(filter: CaseloadFilter, today: IsoDate, horizon: IsoDate): string {
	switch (filter) {
		case 'open':
			return `and(${OPEN},status.not.in.${list(CLOSED_STATUSES)})`;
		case 'closed':
			return `or(closed_at.not.is.null,status.in.${list(CLOSED_STATUSES)})`;
		case 'waiting_on_us':
			return `and(${OPEN},status.in.${list([...UNSENT_STATUSES, ...PAUSED_STATUSES])})`;
		case 'overdue':
			return `and(${OPEN},${RUNNING},regime.neq.CCJRA,${deadline('lt', today)})`;
		case 'due_soon':
			return (
				`and(${OPEN},${RUNNING},or(` +
				`and(regime.eq.CCJRA,due_on.lte.${horizon}),` +
				`and(regime.neq.CCJRA,${deadlineBetween(today, horizon)})))`
			);
		case 'waiting_on_agency':
			return (
				`and(${OPEN},or(status.in.${list(ESCALATED_STATUSES)},and(${RUNNING},or(` +
				`and(regime.eq.CCJRA,or(due_on.is.null,due_on.gt.${horizon})),` +
				`and(regime.neq.CCJRA,or(and(extended_due_on.is.null,due_on.is.null),${deadline('gt', horizon)}))))))`
			);
	}
}
