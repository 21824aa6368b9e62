/**
 * "Record as sent": checks what the user entered and builds the two rows it
 * creates, a records_request and its 'sent' request_event, with ids made on
 * the device so that a replay (outbox) or a double submit (form) never
 * duplicates. Used alike by the panel (through the outbox) and the no-JS
 * form action (through the server client).
 */
import { isIsoDate, SUPPORTED_YEARS, toColoradoLocalTime, type IsoDate } from '$lib/cora';
import type { TablesInsert } from '$lib/database.types';
import { isDeliveryChannel, type DeliveryChannel } from './channel';
import { coloradoLocalToInstant } from './colorado-datetime';
import { dueForReceipt, type DueResult } from './due-date';
import type { AgencyChannel, ComposerDraft } from './types';

/** A phone's clock may run a little fast: a send up to this far "in the future" is accepted as now. */
export const CLOCK_SKEW_MS = 5 * 60_000;
export const TRACKING_NUMBER_MAX = 200;

/** What the form sends, as typed. */
export interface SentForm {
	channel: string;
	/** Colorado wall-clock time, `YYYY-MM-DDTHH:MM`. */
	sentAtLocal: string;
	/** "The portal gave me a tracking number". */
	hasTrackingNumber: boolean;
	trackingNumber: string;
	/** CCJRA only, optional: `YYYY-MM-DD`. */
	followUpOn: string;
}

export type SentField = 'channel' | 'sentAt' | 'trackingNumber' | 'followUpOn';

/** i18n keys of the messages, so the form shows them in the user's language. */
export type SentErrorKey =
	| 'filing.error.channel'
	| 'filing.error.sentAtMissing'
	| 'filing.error.sentAtInvalid'
	| 'filing.error.sentAtNonexistent'
	| 'filing.error.sentAtFuture'
	| 'filing.error.sentAtBeforeDraft'
	| 'filing.error.sentAtUnsupported'
	| 'filing.error.trackingMissing'
	| 'filing.error.trackingTooLong'
	| 'filing.error.followUpInvalid'
	| 'filing.error.followUpBeforeSent';

export type SentErrors = Partial<Record<SentField, SentErrorKey>>;

export interface SentFacts {
	channel: DeliveryChannel;
	/** ISO instant (UTC). */
	sentAt: string;
	trackingNumber: string | null;
	followUpOn: IsoDate | null;
}

export interface SentContext {
	regime: AgencyChannel['regime'];
	now: Date;
	/** When the draft was started; a send cannot precede it. */
	draftedAt?: string | null;
}

export function checkSentForm(form: SentForm, { regime, now, draftedAt }: SentContext): { ok: true; facts: SentFacts } | { ok: false; errors: SentErrors } {
	const errors: SentErrors = {};
	if (!isDeliveryChannel(form.channel)) errors.channel = 'filing.error.channel';

	let sentAt: string | null = null;
	if (form.sentAtLocal.trim() === '') errors.sentAt = 'filing.error.sentAtMissing';
	else {
		const parsed = coloradoLocalToInstant(form.sentAtLocal);
		if (!parsed.ok) errors.sentAt = parsed.reason === 'nonexistent' ? 'filing.error.sentAtNonexistent' : 'filing.error.sentAtInvalid';
		else if (Date.parse(parsed.instant) > now.getTime() + CLOCK_SKEW_MS) errors.sentAt = 'filing.error.sentAtFuture';
		else if (draftedAt && Date.parse(parsed.instant) < startOfMinute(draftedAt)) errors.sentAt = 'filing.error.sentAtBeforeDraft';
		else if (!withinEngineYears(parsed.instant)) errors.sentAt = 'filing.error.sentAtUnsupported';
		else sentAt = parsed.instant;
	}

	const tracking = form.trackingNumber.trim();
	// Only a portal hands out tracking numbers; the field is asked for when the user says there is one.
	if (form.channel === 'portal' && form.hasTrackingNumber && tracking === '') errors.trackingNumber = 'filing.error.trackingMissing';
	else if (tracking.length > TRACKING_NUMBER_MAX) errors.trackingNumber = 'filing.error.trackingTooLong';

	let followUpOn: IsoDate | null = null;
	const followUp = form.followUpOn.trim();
	// Only CCJRA takes a user-set follow-up date ("a reasonable time", C.R.S. 24-72-301 et seq.).
	if (regime === 'CCJRA' && followUp !== '') {
		if (!isIsoDate(followUp)) errors.followUpOn = 'filing.error.followUpInvalid';
		else if (sentAt && followUp < toColoradoLocalTime(sentAt).date) errors.followUpOn = 'filing.error.followUpBeforeSent';
		else followUpOn = followUp;
	}

	if (Object.keys(errors).length > 0 || sentAt === null) return { ok: false, errors };
	return {
		ok: true,
		facts: { channel: form.channel as DeliveryChannel, sentAt, trackingNumber: tracking === '' ? null : tracking, followUpOn }
	};
}

/** The datetime field has minute precision: a draft started at 14:30:40 may be sent "at 14:30". */
function startOfMinute(instant: string): number {
	const time = Date.parse(instant);
	return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time - (time % 60_000);
}

function withinEngineYears(instant: string): boolean {
	const year = Number(toColoradoLocalTime(instant).date.slice(0, 4));
	// The due date can fall a few days into the next year; keep a year's margin at the end.
	return year >= SUPPORTED_YEARS.first && year < SUPPORTED_YEARS.last;
}

/** Whether the letter asked for a fee waiver, and the amount (USD) pre-approved, from the draft's values. */
export function feeTerms(values: Record<string, unknown>): { feeWaiverRequested: boolean; feeCeiling: number | null } {
	const reason = values.fee_waiver_reason;
	const feeWaiverRequested = values.fee_waiver_requested === true || (typeof reason === 'string' && reason.trim() !== '');
	const cents = values.fee_notice_threshold;
	// The letter templates keep money in whole cents; the column is dollars (numeric(10, 2)).
	const feeCeiling = typeof cents === 'number' && Number.isInteger(cents) && cents >= 0 ? cents / 100 : null;
	return { feeWaiverRequested, feeCeiling };
}

export interface SentRowsInput {
	draft: ComposerDraft;
	agency: AgencyChannel;
	letter: { subject: string; text: string };
	requestId: string;
	eventId: string;
	facts: SentFacts;
	draftedAt?: string | null;
}

export interface SentRows {
	request: TablesInsert<'records_requests'> & { id: string };
	event: TablesInsert<'request_events'> & { id: string };
	due: DueResult;
}

export function sentRows({ draft, agency, letter, requestId, eventId, facts, draftedAt }: SentRowsInput): SentRows {
	// The custodian's receipt is the moment it was sent; the engine applies the agency's cut-off for the due date.
	const due = dueForReceipt({ regime: agency.regime, receivedAt: facts.sentAt, receiptCutoff: agency.receiptCutoff, followUpOn: facts.followUpOn });
	const { feeWaiverRequested, feeCeiling } = feeTerms(draft.values);
	const title = (draft.title.trim() || letter.subject).slice(0, 300);
	const drafted = draftedAt && Date.parse(draftedAt) <= Date.parse(facts.sentAt) ? draftedAt : facts.sentAt;
	const to = facts.channel === 'email' ? agency.requestEmail : facts.channel === 'portal' ? agency.portalUrl : null;
	return {
		request: {
			id: requestId,
			organisation_id: draft.organisationId,
			agency_id: agency.id,
			title,
			letter_body: letter.text,
			regime: agency.regime,
			status: 'sent',
			drafted_at: drafted,
			sent_at: facts.sentAt,
			received_at: facts.sentAt,
			due_on: due.dueOn,
			delivery_channel: facts.channel,
			agency_tracking_number: facts.trackingNumber,
			batch_id: draft.id,
			fee_waiver_requested: feeWaiverRequested,
			fee_ceiling: feeCeiling
		},
		event: {
			id: eventId,
			request_id: requestId,
			organisation_id: draft.organisationId,
			type: 'sent',
			occurred_at: facts.sentAt,
			payload: to ? { channel: facts.channel, to } : { channel: facts.channel }
		},
		due
	};
}
