/**
 * Correcting when and how a request was sent: the form's values from the
 * timeline's 'sent' event, the check that turns what was typed into the
 * correction's facts (the filing form's rules for the time and channel, see
 * src/lib/filing/sent-record.ts), and what the request row must then say.
 * The due date itself is the CORA engine's, derived from the corrected
 * timeline (tracked-state.ts); nothing here counts days. Pure: no I/O.
 */
import { toColoradoLocalTime } from '$lib/cora';
import type { TablesUpdate } from '$lib/database.types';
import { isDeliveryChannel, type DeliveryChannel } from '$lib/filing/channel';
import { coloradoLocalInput } from '$lib/filing/colorado-datetime';
import type { DatabaseRegime } from '$lib/filing/due-date';
import { checkSentForm } from '$lib/filing/sent-record';
import type { MessageKey } from '$lib/i18n/translate';
import type { CorrectionInput } from './event-rows';
import type { TimelineItem } from './timeline-merge';

/** What the request row says about its sending (the fallback for facts an original 'sent' event does not carry). */
export interface RequestSending {
	sentAt: string | null;
	deliveryChannel: DeliveryChannel | null;
	trackingNumber: string | null;
}

/** How it was sent, as the timeline says it now. */
export interface SentFacts {
	channel: DeliveryChannel | null;
	/** The address or portal it went to, when filing recorded it. */
	to: string | null;
	trackingNumber: string | null;
}

/**
 * The send's facts: a correction restates them all (a tracking number of null
 * means there is none); the event recorded at filing carries the channel and
 * address, and the request row keeps the tracking number.
 */
export function sentFactsOf(item: Pick<TimelineItem, 'payload'>, request: Pick<RequestSending, 'deliveryChannel' | 'trackingNumber'>): SentFacts {
	const { channel, to, tracking_number: tracking } = item.payload;
	return {
		channel: isDeliveryChannel(channel) ? channel : request.deliveryChannel,
		to: typeof to === 'string' && to.trim() !== '' ? to : null,
		trackingNumber: 'tracking_number' in item.payload ? (typeof tracking === 'string' && tracking.trim() !== '' ? tracking : null) : request.trackingNumber
	};
}

/** The request's standing 'sent' event, if the timeline has one. */
export function sentItemOf(items: readonly TimelineItem[]): TimelineItem | null {
	return items.find((item) => item.type === 'sent' && !item.retracted) ?? null;
}

/** The send as shown at the top of the page: the timeline's (this device's corrections included), else the row's. */
export function currentSending(items: readonly TimelineItem[], request: RequestSending): RequestSending {
	const sent = sentItemOf(items);
	if (!sent) return request;
	const facts = sentFactsOf(sent, request);
	return { sentAt: sent.occurredAt, deliveryChannel: facts.channel, trackingNumber: facts.trackingNumber };
}

/** The form's fields; `reason` is required. */
export type SentCorrectionField = 'sent_at' | 'channel' | 'tracking_number' | 'reason';
export type SentCorrectionErrors = Partial<Record<SentCorrectionField | 'form', MessageKey>>;
export type SentCorrectionValues = Readonly<Partial<Record<SentCorrectionField, string>>>;

/** The form pre-filled with the send as it stands (Colorado wall-clock time, minutes). */
export function sentCorrectionValues(item: TimelineItem, request: Pick<RequestSending, 'deliveryChannel' | 'trackingNumber'>): Record<SentCorrectionField, string> {
	const facts = sentFactsOf(item, request);
	return { sent_at: coloradoLocalInput(item.occurredAt), channel: facts.channel ?? '', tracking_number: facts.trackingNumber ?? '', reason: '' };
}

export interface SentCorrectionContext {
	regime: DatabaseRegime;
	now: Date;
	/** The request's timeline as it stands: a send cannot move after its later events. */
	items: readonly TimelineItem[];
	/** The row's facts an original 'sent' event does not carry. */
	request: Pick<RequestSending, 'deliveryChannel' | 'trackingNumber'>;
}

const REASON_MAX = 2000;

/** The earliest standing event after the send (corrections applied), if any. */
export function firstEventAfterSend(items: readonly TimelineItem[]): string | null {
	const times = items.filter((item) => item.type !== 'sent' && !item.retracted).map((item) => item.occurredAt);
	if (times.length === 0) return null;
	return times.reduce((first, time) => (Date.parse(time) < Date.parse(first) ? time : first));
}

/** Turns the submitted form into a correction of the 'sent' event, or says in words what is wrong with each field. */
export function checkSentCorrection(
	target: TimelineItem,
	values: SentCorrectionValues,
	{ regime, now, items, request }: SentCorrectionContext
): { ok: true; correction: CorrectionInput & { event: { occurredAt: string; payload: Record<string, unknown> } } } | { ok: false; errors: SentCorrectionErrors } {
	const errors: SentCorrectionErrors = {};
	const channel = (values.channel ?? '').trim();
	const trackingNumber = (values.tracking_number ?? '').trim();
	const checked = checkSentForm(
		{ channel, sentAtLocal: values.sent_at ?? '', hasTrackingNumber: false, trackingNumber, followUpOn: '' },
		{ regime, now }
	);
	if (!checked.ok) {
		if (checked.errors.channel) errors.channel = checked.errors.channel;
		if (checked.errors.sentAt) errors.sent_at = checked.errors.sentAt;
		if (checked.errors.trackingNumber) errors.tracking_number = checked.errors.trackingNumber;
	}
	const first = firstEventAfterSend(items.filter((item) => item.id !== target.id));
	if (checked.ok && first !== null && Date.parse(checked.facts.sentAt) > Date.parse(first)) errors.sent_at = 'tracking.sentCorrection.error.afterUpdates';
	const reason = (values.reason ?? '').trim();
	if (reason === '') errors.reason = 'tracking.sentCorrection.error.reason';
	else if (reason.length > REASON_MAX) errors.reason = 'tracking.error.tooLong';
	if (!checked.ok || Object.keys(errors).length > 0) return { ok: false, errors };

	const before = sentFactsOf(target, request);
	const facts = checked.facts;
	if (sameMinute(facts.sentAt, target.occurredAt) && facts.channel === before.channel && facts.trackingNumber === before.trackingNumber) {
		return { ok: false, errors: { form: 'tracking.sentCorrection.error.unchanged' } };
	}
	// The address it went to still holds when the channel did not change; another channel's would be wrong.
	const payload: Record<string, unknown> = { channel: facts.channel, tracking_number: facts.trackingNumber };
	if (before.to && facts.channel === before.channel) payload.to = before.to;
	// An unchanged time stays exact (the field has minute precision).
	const occurredAt = sameMinute(facts.sentAt, target.occurredAt) ? target.occurredAt : facts.sentAt;
	return { ok: true, correction: { reason, event: { occurredAt, payload } } };
}

function sameMinute(a: string, b: string): boolean {
	return Math.floor(Date.parse(a) / 60_000) === Math.floor(Date.parse(b) / 60_000);
}

export type SentRowUpdate = Pick<TablesUpdate<'records_requests'>, 'sent_at' | 'received_at' | 'delivery_channel' | 'agency_tracking_number' | 'due_on'>;

/** What the request row said before (the server's copy this device knows). */
export interface RowBefore extends RequestSending {
	receivedAt: string | null;
	dueOn: string | null;
	regime: DatabaseRegime;
}

/**
 * The request row's sending facts once the 'sent' event was corrected (null
 * when it was not, or was withdrawn: the row then keeps its send). The same
 * rules as the database's follow_sent_correction() (migration
 * *_sent_corrections.sql), sent with the row update so the row is whole even
 * when that update reaches the server before the correction does: the receipt
 * follows the send when it was the send time; a CCJRA follow-up date before
 * the new send day is dropped.
 */
export function sentRowUpdate(items: readonly TimelineItem[], before: RowBefore): SentRowUpdate | null {
	const sent = sentItemOf(items);
	if (!sent || !sent.corrected) return null;
	const facts = sentFactsOf(sent, before);
	const sentAt = sent.occurredAt;
	const receiptFollows = before.receivedAt === null || sameInstant(before.receivedAt, before.sentAt) || Date.parse(before.receivedAt) < Date.parse(sentAt);
	const update: SentRowUpdate = {
		sent_at: sentAt,
		...(receiptFollows ? { received_at: sentAt } : {}),
		...(facts.channel ? { delivery_channel: facts.channel } : {}),
		agency_tracking_number: facts.trackingNumber
	};
	if (before.regime === 'CCJRA' && before.dueOn !== null && before.dueOn < toColoradoLocalTime(sentAt).date) update.due_on = null;
	return update;
}

function sameInstant(a: string, b: string | null): boolean {
	return b !== null && Date.parse(a) === Date.parse(b);
}
