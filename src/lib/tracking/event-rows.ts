/**
 * The rows an update writes: the event itself (append-only, client id), a
 * correction naming the event it corrects (history is never rewritten), and
 * the request row's status and dates as the CORA engine derives them from the
 * whole timeline, so lists elsewhere agree with the request page.
 */
import { isFinalStatus, type RequestState } from '$lib/cora';
import type { TablesInsert, TablesUpdate } from '$lib/database.types';
import type { CheckedEvent } from './event-forms';
import { sentRowUpdate, type RowBefore } from './sent-correction';
import type { TimelineItem } from './timeline-merge';

/** An event row to insert; the payload as an object (the database checks it per type). */
export type EventRow = Omit<TablesInsert<'request_events'>, 'payload'> & { id: string; payload: Record<string, unknown> };

export interface RequestRef {
	id: string;
	organisationId: string;
	regime: 'CORA' | 'CCJRA' | 'PAIRR2';
}

export function eventRow(request: RequestRef, id: string, event: CheckedEvent): EventRow {
	return {
		id,
		request_id: request.id,
		organisation_id: request.organisationId,
		type: event.type,
		occurred_at: event.occurredAt,
		payload: event.payload,
		note: event.note
	};
}

export interface CorrectionInput {
	/** The replacement facts (when and what; a 'sent' event's come from sent-correction.ts); absent when the event is retracted. */
	event?: Pick<CheckedEvent, 'occurredAt' | 'payload'> & Partial<CheckedEvent>;
	retracted?: boolean;
	reason: string;
}

/** A correction event: `{corrects, reason, occurred_at?, payload?, retracted?}` (request_events migration). */
export function correctionRow(request: RequestRef, id: string, target: Pick<TimelineItem, 'id'>, input: CorrectionInput, now: Date): EventRow {
	const payload: Record<string, unknown> = { corrects: target.id };
	if (input.reason.trim() !== '') payload.reason = input.reason.trim();
	if (input.retracted) payload.retracted = true;
	else if (input.event) {
		payload.occurred_at = input.event.occurredAt;
		payload.payload = input.event.payload;
	}
	return {
		id,
		request_id: request.id,
		organisation_id: request.organisationId,
		type: 'correction',
		occurred_at: now.toISOString(),
		payload,
		corrects_event_id: target.id
	};
}

export type RequestRowUpdate = Pick<
	TablesUpdate<'records_requests'>,
	'status' | 'due_on' | 'extended_due_on' | 'closed_at' | 'sent_at' | 'received_at' | 'delivery_channel' | 'agency_tracking_number'
>;

/**
 * What records_requests should say after the timeline changed. due_on keeps
 * the first deadline; extended_due_on the later one that now governs (after a
 * claimed extension, or 3 business days after payment, C.R.S. 24-72-205), so
 * `coalesce(extended_due_on, due_on)` is the current deadline. While the clock
 * is paused the dates are left as they are (no date governs), unless the send
 * was corrected: dates counted from the old send are then dropped (as the
 * database does) until the clock runs again. CCJRA has no computed
 * date ("a reasonable time"): the user's follow-up date stays. With the row as
 * it was (`before`), a corrected 'sent' event also gives the row its send time,
 * receipt, channel and tracking number (sent-correction.ts).
 */
export function requestRowUpdate(state: RequestState, items: readonly TimelineItem[], before?: RowBefore): RequestRowUpdate {
	const sending = before ? sentRowUpdate(items, before) : null;
	const update: RequestRowUpdate = { status: state.status, ...sending };
	if (state.regime !== 'ccjra' && !state.paused && state.initialDueDate !== null) {
		update.due_on = state.initialDueDate;
		const later = state.dueDate !== null && state.dueDate > state.initialDueDate ? state.dueDate : null;
		update.extended_due_on = later;
	} else if (state.regime !== 'ccjra' && sending) {
		// Paused (or not computable) after the send moved: no date rather than one counted from the old send.
		update.due_on = null;
		update.extended_due_on = null;
	}
	if (isFinalStatus(state.status)) {
		const final = items.find((item) => !item.retracted && item.type === state.status);
		update.closed_at = final?.occurredAt ?? null;
	} else update.closed_at = null;
	return update;
}
