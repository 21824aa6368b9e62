import { describe, expect, it } from 'vitest';
import { correctionRow, requestRowUpdate } from './event-rows';
import { checkSentCorrection, currentSending, firstEventAfterSend, sentCorrectionValues, sentRowUpdate, type RowBefore, type SentCorrectionValues } from './sent-correction';
import { mergeTimeline, type QueuedEventRow, type ServerTimelineRow, type TimelineItem } from './timeline-merge';
import { trackedState } from './tracked-state';

const R = 'req-1';
const request = { id: R, organisationId: 'org-1', regime: 'CORA' as const };
const server = (id: string, type: string, occurred_at: string, payload: Record<string, unknown> = {}): ServerTimelineRow => ({
	id, request_id: R, type, occurred_at, payload, note: null, retracted: false, correction_id: null, correction_reason: null, created_at: occurred_at
});
const queuedRow = (row: ReturnType<typeof correctionRow>): QueuedEventRow => ({ ...row, occurred_at: row.occurred_at ?? '', note: null });

// Mon 3 March 2025, 10:00 in Denver (MST, UTC−7), to the Department of Revenue (receipt cut-off 3:00 p.m.).
const SENT_AT = '2025-03-03T17:00:00.000Z';
const sentRow = server('e-sent', 'sent', SENT_AT, { channel: 'portal', to: 'https://www.colorado.gov/revenue/cora' });
const row: RowBefore = { sentAt: SENT_AT, receivedAt: SENT_AT, dueOn: '2025-03-06', regime: 'CORA', deliveryChannel: 'portal', trackingNumber: 'R-2025-118' };
const NOW = new Date('2025-03-20T18:00:00Z');
const CDOR = { regime: 'CORA' as const, receiptCutoff: '15:00:00', dueOn: null };

const itemsOf = (rows: ServerTimelineRow[], queued: QueuedEventRow[] = []) => mergeTimeline(rows, queued);
const sentItem = (items: TimelineItem[]) => items.find((item) => item.type === 'sent')!;
const context = (items: TimelineItem[]) => ({ regime: 'CORA' as const, now: NOW, items, request: row });
const filled = (values: SentCorrectionValues): SentCorrectionValues => ({ sent_at: '2025-03-04T15:30', channel: 'portal', tracking_number: 'R-2025-118', reason: 'Sent the next day', ...values });

/** Corrects the send as a person would, and returns the timeline with the correction applied (on this device). */
function corrected(values: SentCorrectionValues, rows: ServerTimelineRow[] = [sentRow]) {
	const items = itemsOf(rows);
	const checked = checkSentCorrection(sentItem(items), filled(values), context(items));
	if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
	const correction = correctionRow(request, 'c-1', sentItem(items), checked.correction, NOW);
	return { correction, items: itemsOf(rows, [queuedRow(correction)]) };
}

describe('the send correction form', () => {
	it('starts from the send as it stands, in Colorado time, with the row’s tracking number', () => {
		expect(sentCorrectionValues(sentItem(itemsOf([sentRow])), row)).toEqual({ sent_at: '2025-03-03T10:00', channel: 'portal', tracking_number: 'R-2025-118', reason: '' });
	});

	it('and from a correction’s facts once there is one (no tracking number when it says none)', () => {
		const { items } = corrected({ channel: 'email', tracking_number: '' });
		expect(sentCorrectionValues(sentItem(items), row)).toEqual({ sent_at: '2025-03-04T15:30', channel: 'email', tracking_number: '', reason: '' });
	});
});

describe('checking a correction of the send', () => {
	it('a correction event naming the sent event, with the new time, channel and tracking number, and why', () => {
		const { correction } = corrected({ tracking_number: ' R-2025-119 ' });
		expect(correction).toMatchObject({
			type: 'correction',
			corrects_event_id: 'e-sent',
			payload: {
				corrects: 'e-sent',
				reason: 'Sent the next day',
				occurred_at: '2025-03-04T22:30:00.000Z',
				payload: { channel: 'portal', to: 'https://www.colorado.gov/revenue/cora', tracking_number: 'R-2025-119' }
			}
		});
	});

	it('drops the address when the channel changes (it was the portal’s), and says when there is no tracking number', () => {
		const { correction } = corrected({ channel: 'mail', tracking_number: '' });
		expect(correction.payload.payload).toEqual({ channel: 'mail', tracking_number: null });
	});

	it('keeps the exact time when only the channel changed', () => {
		const { correction } = corrected({ sent_at: '2025-03-03T10:00', channel: 'email' });
		expect(correction.payload.occurred_at).toBe(SENT_AT);
	});

	it('says in words what is wrong with each field', () => {
		const items = itemsOf([sentRow]);
		const check = (values: SentCorrectionValues) => checkSentCorrection(sentItem(items), filled(values), context(items));
		expect(check({ reason: '  ' })).toEqual({ ok: false, errors: { reason: 'tracking.sentCorrection.error.reason' } });
		expect(check({ reason: 'x'.repeat(2001) })).toEqual({ ok: false, errors: { reason: 'tracking.error.tooLong' } });
		expect(check({ sent_at: '' })).toEqual({ ok: false, errors: { sent_at: 'filing.error.sentAtMissing' } });
		expect(check({ sent_at: '2025-02-30T10:00' })).toEqual({ ok: false, errors: { sent_at: 'filing.error.sentAtInvalid' } });
		// 9 March 2025: clocks went from 2:00 to 3:00 in Colorado.
		expect(check({ sent_at: '2025-03-09T02:30' })).toEqual({ ok: false, errors: { sent_at: 'filing.error.sentAtNonexistent' } });
		expect(check({ sent_at: '2025-03-21T10:00' })).toEqual({ ok: false, errors: { sent_at: 'filing.error.sentAtFuture' } });
		expect(check({ channel: 'pigeon' })).toEqual({ ok: false, errors: { channel: 'filing.error.channel' } });
		expect(check({ tracking_number: 'R'.repeat(201) })).toEqual({ ok: false, errors: { tracking_number: 'filing.error.trackingTooLong' } });
	});

	it('refuses a correction that changes nothing', () => {
		const items = itemsOf([sentRow]);
		expect(checkSentCorrection(sentItem(items), filled({ sent_at: '2025-03-03T10:00' }), context(items))).toEqual({
			ok: false,
			errors: { form: 'tracking.sentCorrection.error.unchanged' }
		});
	});

	it('a send cannot move after the request’s later events (a retracted one does not count)', () => {
		const ack = server('e-ack', 'acknowledged', '2025-03-04T16:00:00Z');
		const items = itemsOf([sentRow, ack, { ...server('e-old', 'note', '2025-03-03T18:00:00Z'), retracted: true }]);
		expect(firstEventAfterSend(items)).toBe('2025-03-04T16:00:00Z');
		expect(checkSentCorrection(sentItem(items), filled({}), context(items))).toEqual({ ok: false, errors: { sent_at: 'tracking.sentCorrection.error.afterUpdates' } });
		expect(checkSentCorrection(sentItem(items), filled({ sent_at: '2025-03-04T09:00' }), context(items)).ok).toBe(true);
	});
});

describe('the due date follows the corrected send, as the CORA engine counts it', () => {
	it('received after the agency’s 3:00 p.m. cut-off: counted from the next working day', () => {
		expect(trackedState(itemsOf([sentRow]), CDOR).dueDate).toBe('2025-03-06');
		// Tue 15:30 → received Wed 5 March → Thu 6, Fri 7, Mon 10.
		const { items } = corrected({ sent_at: '2025-03-04T15:30' });
		expect(trackedState(items, CDOR)).toMatchObject({ receivedOn: '2025-03-05', dueDate: '2025-03-10' });
	});

	it('before the cut-off: received that day', () => {
		const { items } = corrected({ sent_at: '2025-03-04T14:59' });
		expect(trackedState(items, CDOR)).toMatchObject({ receivedOn: '2025-03-04', dueDate: '2025-03-07' });
	});

	it('the page’s header shows the corrected send at once', () => {
		const { items } = corrected({ channel: 'email', tracking_number: '' });
		expect(currentSending(items, row)).toEqual({ sentAt: '2025-03-04T22:30:00.000Z', deliveryChannel: 'email', trackingNumber: null });
		expect(currentSending(itemsOf([sentRow]), row)).toEqual({ sentAt: SENT_AT, deliveryChannel: 'portal', trackingNumber: 'R-2025-118' });
	});
});

describe('what the request row says after a corrected send', () => {
	it('its send time, receipt, channel, tracking number and the engine’s due date, in one update', () => {
		const { items } = corrected({ sent_at: '2025-03-04T15:30', channel: 'email', tracking_number: '' });
		expect(requestRowUpdate(trackedState(items, CDOR), items, row)).toEqual({
			status: 'sent',
			sent_at: '2025-03-04T22:30:00.000Z',
			received_at: '2025-03-04T22:30:00.000Z',
			delivery_channel: 'email',
			agency_tracking_number: null,
			due_on: '2025-03-10',
			extended_due_on: null,
			closed_at: null
		});
	});

	it('nothing about the send when it was not corrected', () => {
		const items = itemsOf([sentRow]);
		expect(sentRowUpdate(items, row)).toBeNull();
		expect(requestRowUpdate(trackedState(items, CDOR), items, row)).toEqual({ status: 'sent', due_on: '2025-03-06', extended_due_on: null, closed_at: null });
	});

	it('a receipt recorded apart from the send stays, unless it would precede the corrected send', () => {
		const receivedLater = { ...row, receivedAt: '2025-03-05T16:00:00Z' };
		expect(sentRowUpdate(corrected({ sent_at: '2025-03-04T15:30' }).items, receivedLater)).not.toHaveProperty('received_at');
		expect(sentRowUpdate(corrected({ sent_at: '2025-03-05T15:30' }).items, receivedLater)).toHaveProperty('received_at', '2025-03-05T22:30:00.000Z');
	});

	it('a CCJRA follow-up date (the user’s own) stays, unless it now precedes the send', () => {
		const ccjra: RowBefore = { ...row, regime: 'CCJRA', dueOn: '2025-03-07' };
		expect(sentRowUpdate(corrected({ sent_at: '2025-03-04T15:30' }).items, ccjra)).not.toHaveProperty('due_on');
		expect(sentRowUpdate(corrected({ sent_at: '2025-03-10T09:00' }).items, ccjra)).toHaveProperty('due_on', null);
	});

	it('while the clock is paused no date governs: the one counted from the old send is dropped, not kept wrong', () => {
		const fee = server('e-fee', 'fee_estimate', '2025-03-06T16:00:00Z', { amount: 10 });
		const { items } = corrected({ sent_at: '2025-03-04T15:30' }, [sentRow, fee]);
		const state = trackedState(items, CDOR);
		expect(state.paused).toBe(true);
		expect(requestRowUpdate(state, items, row)).toMatchObject({ status: 'awaiting_payment', sent_at: '2025-03-04T22:30:00.000Z', due_on: null, extended_due_on: null });
	});
});
