/** The event timeline of a request, as stored, and checks on each event's shape. */
import { isInstant } from '../calendar/colorado-time';
import { isRequestEventType, type RequestEventType } from './request-status';

export interface RequestEvent {
	id: string;
	/** One of REQUEST_EVENT_TYPES; anything else is reported as a warning. */
	type: RequestEventType | (string & {});
	/** ISO instant with a zone. */
	occurred_at: string;
	payload?: Record<string, unknown> | null;
}

export interface ValidEvent extends RequestEvent {
	type: RequestEventType;
	payload: Record<string, unknown>;
}

export type StateWarningCode =
	| 'unknown_event_type'
	| 'invalid_occurred_at'
	| 'invalid_payload'
	| 'duplicate_event_id'
	| 'correction_target_missing'
	| 'correction_of_correction'
	| 'invalid_transition'
	| 'event_after_final'
	| 'payment_without_fee_estimate'
	| 'extension_after_deadline'
	| 'extension_not_available'
	| 'litigation_before_notice_period'
	| 'clock_not_computable';

export interface StateWarning {
	code: StateWarningCode;
	eventId: string | null;
	message: string;
}

export function warning(code: StateWarningCode, eventId: string | null, message: string): StateWarning {
	return { code, eventId, message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Problems with an event's payload for its type, as human-readable strings (empty = fine). */
export function payloadProblems(type: RequestEventType, payload: Record<string, unknown>): string[] {
	const problems: string[] = [];
	if (type === 'records_released') {
		if (payload.completeness !== 'partial' && payload.completeness !== 'full') {
			problems.push(`completeness must be "partial" or "full", got ${JSON.stringify(payload.completeness)}`);
		}
		if (payload.pages !== undefined && !(Number.isInteger(payload.pages) && (payload.pages as number) >= 0)) {
			problems.push('pages must be a whole number ≥ 0');
		}
	}
	if (type === 'denied' && payload.grounds !== undefined) {
		const g = payload.grounds;
		if (typeof g !== 'string' && !(Array.isArray(g) && g.every((x) => typeof x === 'string'))) {
			problems.push('grounds must be text or a list of texts');
		}
	}
	if (type === 'notice_of_intent_sent' && payload.expedited !== undefined && typeof payload.expedited !== 'boolean') {
		problems.push('expedited must be true or false');
	}
	if (type === 'correction') {
		if (typeof payload.corrects !== 'string' || payload.corrects === '') problems.push('corrects must name an event id');
		if (payload.retracted !== undefined && typeof payload.retracted !== 'boolean') problems.push('retracted must be true or false');
		if (payload.occurred_at !== undefined && !isInstant(payload.occurred_at)) problems.push('occurred_at must be an ISO instant');
		if (payload.payload !== undefined && !isRecord(payload.payload)) problems.push('payload must be an object');
	}
	return problems;
}

/** Keeps well-formed events with unique ids; reports the rest. */
export function validateEvents(events: readonly RequestEvent[]): { events: ValidEvent[]; warnings: StateWarning[] } {
	const valid: ValidEvent[] = [];
	const warnings: StateWarning[] = [];
	const seen = new Set<string>();
	for (const event of events) {
		if (seen.has(event.id)) {
			warnings.push(warning('duplicate_event_id', event.id, `Event id ${event.id} appears more than once; later copies ignored.`));
			continue;
		}
		seen.add(event.id);
		if (!isRequestEventType(event.type)) {
			warnings.push(warning('unknown_event_type', event.id, `Unknown event type "${String(event.type)}"; ignored.`));
			continue;
		}
		if (!isInstant(event.occurred_at)) {
			warnings.push(warning('invalid_occurred_at', event.id, `occurred_at "${event.occurred_at}" is not an ISO instant; ignored.`));
			continue;
		}
		const payload = event.payload ?? {};
		const problems = isRecord(payload) ? payloadProblems(event.type, payload) : ['payload must be an object'];
		if (problems.length > 0) {
			warnings.push(warning('invalid_payload', event.id, `Invalid ${event.type} payload: ${problems.join('; ')}; ignored.`));
			continue;
		}
		valid.push({ ...event, type: event.type, payload });
	}
	return { events: valid, warnings };
}

/** Chronological order by instant; events at the same instant keep their given order. */
export function sortChronologically<T extends { occurred_at: string }>(events: readonly T[]): T[] {
	return events
		.map((event, index) => ({ event, index, time: new Date(event.occurred_at).getTime() }))
		.sort((a, b) => a.time - b.time || a.index - b.index)
		.map(({ event }) => event);
}
