/**
 * The update forms, as data: for each event type the fields its payload
 * takes (the same keys and kinds as private.event_payload_problem() in
 * supabase/migrations/*_request_events.sql and src/lib/cora/requests), and
 * the check that turns what was typed into an event row. Used alike by the
 * page (through the outbox) and the no-JS form action (through the server client).
 */
import { isIsoDate, toColoradoLocalTime, type RequestEventType } from '$lib/cora';
import { coloradoLocalToInstant } from '$lib/filing/colorado-datetime';
import type { MessageKey } from '$lib/i18n/translate';

/** text: one line; longtext: paragraphs; lines: one item per line (a list); money: USD; hours: decimal; count: whole number. */
export type FieldKind = 'text' | 'longtext' | 'lines' | 'date' | 'money' | 'hours' | 'count' | 'completeness' | 'flag';

export interface EventField {
	name: string;
	kind: FieldKind;
	required?: boolean;
	label: MessageKey;
}

/** Event types a person records on the request page ('sent' comes from filing, 'correction' from "Correct"). */
export type UpdateEventType = Exclude<RequestEventType, 'sent' | 'correction'>;

const f = (name: string, kind: FieldKind, required = false): EventField => ({ name, kind, required, label: `tracking.field.${name}` as MessageKey });

export const EVENT_FIELDS: Readonly<Record<UpdateEventType, readonly EventField[]>> = {
	acknowledged: [f('tracking_number', 'text')],
	extension_claimed: [f('new_due_on', 'date'), f('reason', 'text')],
	fee_estimate: [f('amount', 'money', true), f('hours', 'hours'), f('hourly_rate', 'money'), f('deposit', 'money'), f('pages', 'count')],
	payment_made: [f('amount', 'money', true), f('method', 'text')],
	clarification_requested: [f('question', 'longtext')],
	clarification_given: [f('answer', 'longtext')],
	records_released: [f('completeness', 'completeness', true), f('pages', 'count'), f('files', 'count')],
	no_responsive_records: [f('reason', 'longtext'), f('custodian', 'text')],
	// C.R.S. 24-72-204(4): the requester may ask for the grounds; record what the denial cites.
	denied: [f('grounds', 'lines'), f('statute', 'text')],
	grounds_requested: [],
	// Expedited: 3 business days' notice instead of 14 days (C.R.S. 24-72-204(5), HB17-1177).
	notice_of_intent_sent: [f('expedited', 'flag')],
	litigation: [f('case_number', 'text'), f('court', 'text')],
	withdrawn: [f('reason', 'text')],
	closed: [f('reason', 'text')],
	note: []
};

export const UPDATE_EVENT_TYPES = Object.keys(EVENT_FIELDS) as UpdateEventType[];

/** Event types whose update form can carry response documents (the attachment picker). */
export const DOCUMENT_EVENT_TYPES: readonly UpdateEventType[] = [
	'records_released',
	'fee_estimate',
	'denied',
	'no_responsive_records',
	'note',
	'acknowledged',
	'extension_claimed'
];

/** Recorded with one tap (no required field): the form's fields are all optional. */
export function isOneTap(type: UpdateEventType): boolean {
	return type !== 'note' && EVENT_FIELDS[type].every((field) => !field.required);
}

export function isUpdateEventType(value: unknown): value is UpdateEventType {
	return typeof value === 'string' && value in EVENT_FIELDS;
}

/** What the form sends, as typed (FormData entries; an unchecked box is absent). */
export type EventFormValues = Readonly<Record<string, string | undefined>>;

export type EventFormErrors = Partial<Record<string, MessageKey>>;

export interface EventFormContext {
	now: Date;
	/** When the request was sent; an update cannot precede it. */
	sentAt?: string | null;
}

export interface CheckedEvent {
	type: UpdateEventType;
	occurredAt: string;
	payload: Record<string, unknown>;
	note: string | null;
}

/** A phone's clock may run a little fast. */
const CLOCK_SKEW_MS = 5 * 60_000;
const TEXT_MAX = 2000;
const NOTE_MAX = 20000;

const MONEY = /^\$?\s*(\d{1,8})(?:\.(\d{1,2}))?$/;
const DECIMAL = /^(\d{1,5})(?:[.,](\d{1,2}))?$/;

/** `"45"`, `"$45.5"`, `"45.00"` → 45.5 (USD); null for anything else. */
export function parseMoney(value: string): number | null {
	const match = MONEY.exec(value.trim().replace(/,(?=\d{3}\b)/g, ''));
	if (!match) return null;
	return Number(`${match[1]}.${(match[2] ?? '0').padEnd(2, '0')}`);
}

function parseHours(value: string): number | null {
	const match = DECIMAL.exec(value.trim());
	return match ? Number(`${match[1]}.${match[2] ?? '0'}`) : null;
}

function parseCount(value: string): number | null {
	const trimmed = value.trim();
	return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : null;
}

/** Checks one field and puts its value in the payload (blank optional fields are left out). */
function readField(field: EventField, raw: string | undefined, payload: Record<string, unknown>): MessageKey | null {
	const value = (raw ?? '').trim();
	if (field.kind === 'flag') {
		payload[field.name] = raw !== undefined && raw !== '' && raw !== 'false';
		return null;
	}
	if (value === '') return field.required ? (field.kind === 'completeness' ? 'tracking.error.completeness' : 'tracking.error.required') : null;
	switch (field.kind) {
		case 'text':
		case 'longtext':
			if (value.length > TEXT_MAX) return 'tracking.error.tooLong';
			payload[field.name] = value;
			return null;
		case 'lines': {
			const items = value.split('\n').map((line) => line.trim()).filter((line) => line !== '');
			if (items.some((line) => line.length > TEXT_MAX)) return 'tracking.error.tooLong';
			payload[field.name] = items;
			return null;
		}
		case 'date':
			if (!isIsoDate(value)) return 'tracking.error.date';
			payload[field.name] = value;
			return null;
		case 'money': {
			const amount = parseMoney(value);
			if (amount === null) return value.startsWith('-') ? 'tracking.error.negative' : 'tracking.error.money';
			payload[field.name] = amount;
			return null;
		}
		case 'hours': {
			const hours = parseHours(value);
			if (hours === null) return value.startsWith('-') ? 'tracking.error.negative' : 'tracking.error.hours';
			payload[field.name] = hours;
			return null;
		}
		case 'count': {
			const count = parseCount(value);
			if (count === null) return value.startsWith('-') ? 'tracking.error.negative' : 'tracking.error.count';
			payload[field.name] = count;
			return null;
		}
		case 'completeness':
			if (value !== 'partial' && value !== 'full') return 'tracking.error.completeness';
			payload[field.name] = value;
			return null;
	}
}

/** When it happened: Colorado wall-clock `YYYY-MM-DDTHH:MM`, not in the future, not before the request was sent. */
export function checkOccurredAt(local: string | undefined, { now, sentAt }: EventFormContext): { ok: true; instant: string } | { ok: false; error: MessageKey } {
	if (!local || local.trim() === '') return { ok: true, instant: now.toISOString() };
	const parsed = coloradoLocalToInstant(local);
	if (!parsed.ok) return { ok: false, error: 'tracking.error.occurredAt' };
	if (Date.parse(parsed.instant) > now.getTime() + CLOCK_SKEW_MS) return { ok: false, error: 'tracking.error.future' };
	// Minute precision: an update in the same minute as the send is fine.
	if (sentAt && Date.parse(parsed.instant) < Date.parse(sentAt) - (Date.parse(sentAt) % 60_000)) return { ok: false, error: 'tracking.error.beforeSent' };
	return { ok: true, instant: parsed.instant };
}

/** Turns a submitted update form into an event, or says in words what is wrong with each field. */
export function checkEventForm(type: UpdateEventType, values: EventFormValues, context: EventFormContext): { ok: true; event: CheckedEvent } | { ok: false; errors: EventFormErrors } {
	const errors: EventFormErrors = {};
	const payload: Record<string, unknown> = {};
	for (const field of EVENT_FIELDS[type]) {
		const problem = readField(field, values[field.name], payload);
		if (problem) errors[field.name] = problem;
	}
	const when = checkOccurredAt(values.occurred_at, context);
	if (!when.ok) errors.occurred_at = when.error;
	const note = (values.note ?? '').trim();
	if (type === 'note' && note === '') errors.note = 'tracking.error.noteMissing';
	else if (note.length > NOTE_MAX) errors.note = 'tracking.error.tooLong';
	if (Object.keys(errors).length > 0 || !when.ok) return { ok: false, errors };
	return { ok: true, event: { type, occurredAt: when.instant, payload, note: note === '' ? null : note } };
}

/** A form's values from a stored payload (to pre-fill a correction). */
export function formValuesOf(type: UpdateEventType, payload: Record<string, unknown>, occurredAt: string): Record<string, string> {
	const local = toColoradoLocalTime(occurredAt);
	const values: Record<string, string> = { occurred_at: `${local.date}T${local.time.slice(0, 5)}` };
	for (const field of EVENT_FIELDS[type]) {
		const value = payload[field.name];
		if (value === undefined || value === null) continue;
		if (field.kind === 'flag') {
			if (value === true) values[field.name] = 'on';
		} else if (Array.isArray(value)) values[field.name] = value.join('\n');
		else if (field.kind === 'money' && typeof value === 'number') values[field.name] = value.toFixed(2);
		else values[field.name] = String(value);
	}
	return values;
}
