import { describe, expect, it } from 'vitest';
import { renderExplanation } from '$lib/cora';
import { dueForReceipt, normaliseCutoff } from './due-date';
import { checkSentForm, feeTerms, sentRows, type SentForm } from './sent-record';
import { CBI, CDLE, CDOR, draftFor } from './test-fixtures';

const NOW = new Date('2025-11-20T18:00:00Z');
const form = (over: Partial<SentForm> = {}): SentForm => ({
	channel: 'email',
	sentAtLocal: '2025-11-19T15:30',
	hasTrackingNumber: false,
	trackingNumber: '',
	followUpOn: '',
	...over
});

describe('checkSentForm', () => {
	it('accepts a send in the past and reads the time as Colorado time', () => {
		expect(checkSentForm(form(), { regime: 'CORA', now: NOW })).toEqual({
			ok: true,
			facts: { channel: 'email', sentAt: '2025-11-19T22:30:00.000Z', trackingNumber: null, followUpOn: null }
		});
	});

	it('refuses a send in the future, beyond a few minutes of clock skew', () => {
		expect(checkSentForm(form({ sentAtLocal: '2025-11-21T09:00' }), { regime: 'CORA', now: NOW })).toEqual({
			ok: false,
			errors: { sentAt: 'filing.error.sentAtFuture' }
		});
		expect(checkSentForm(form({ sentAtLocal: '2025-11-20T11:03' }), { regime: 'CORA', now: NOW }).ok).toBe(true);
	});

	it('refuses a send before the draft was started, allowing the same minute', () => {
		const context = { regime: 'CORA' as const, now: NOW, draftedAt: '2025-11-19T22:30:40Z' };
		expect(checkSentForm(form({ sentAtLocal: '2025-11-19T15:29' }), context)).toMatchObject({ errors: { sentAt: 'filing.error.sentAtBeforeDraft' } });
		expect(checkSentForm(form({ sentAtLocal: '2025-11-19T15:30' }), context).ok).toBe(true);
	});

	it('refuses a missing, malformed or nonexistent time and a year the calendar does not cover', () => {
		const errorFor = (sentAtLocal: string) => {
			const result = checkSentForm(form({ sentAtLocal }), { regime: 'CORA', now: NOW });
			return result.ok ? null : result.errors.sentAt;
		};
		expect(errorFor('')).toBe('filing.error.sentAtMissing');
		expect(errorFor('19/11/2025')).toBe('filing.error.sentAtInvalid');
		expect(errorFor('2025-03-09T02:15')).toBe('filing.error.sentAtNonexistent');
		expect(errorFor('2010-01-05T10:00')).toBe('filing.error.sentAtUnsupported');
	});

	it('needs the tracking number when the user says the portal gave one', () => {
		const portal = form({ channel: 'portal', hasTrackingNumber: true, trackingNumber: '  ' });
		expect(checkSentForm(portal, { regime: 'CORA', now: NOW })).toEqual({ ok: false, errors: { trackingNumber: 'filing.error.trackingMissing' } });
		const given = checkSentForm({ ...portal, trackingNumber: ' R-2025-118 ' }, { regime: 'CORA', now: NOW });
		expect(given.ok && given.facts.trackingNumber).toBe('R-2025-118');
		expect(checkSentForm(form({ channel: 'portal' }), { regime: 'CORA', now: NOW }).ok).toBe(true);
	});

	it('refuses an unknown channel and an over-long tracking number, reporting every problem at once', () => {
		const result = checkSentForm(form({ channel: 'carrier pigeon', trackingNumber: 'x'.repeat(201), sentAtLocal: '' }), { regime: 'CORA', now: NOW });
		expect(result).toEqual({
			ok: false,
			errors: { channel: 'filing.error.channel', sentAt: 'filing.error.sentAtMissing', trackingNumber: 'filing.error.trackingTooLong' }
		});
	});

	it('takes a CCJRA follow-up date, not before the day it was sent', () => {
		const ok = checkSentForm(form({ followUpOn: '2025-12-03' }), { regime: 'CCJRA', now: NOW });
		expect(ok.ok && ok.facts.followUpOn).toBe('2025-12-03');
		expect(checkSentForm(form({ followUpOn: '2025-11-18' }), { regime: 'CCJRA', now: NOW })).toMatchObject({
			errors: { followUpOn: 'filing.error.followUpBeforeSent' }
		});
		expect(checkSentForm(form({ followUpOn: '2025-13-01' }), { regime: 'CCJRA', now: NOW })).toMatchObject({
			errors: { followUpOn: 'filing.error.followUpInvalid' }
		});
		// CORA computes its own date: a follow-up typed anyway is ignored.
		const cora = checkSentForm(form({ followUpOn: '2025-12-03' }), { regime: 'CORA', now: NOW });
		expect(cora.ok && cora.facts.followUpOn).toBeNull();
	});
});

describe('the due date of a recorded send', () => {
	it('applies the agency’s cut-off: after 3 p.m. at Revenue, day zero is the next working day', () => {
		// Wed 2025-11-19 15:30 Colorado time, after CDOR's 15:00 cut-off: day zero Thu 20; Fri 21, Mon 24, Tue 25.
		const late = dueForReceipt({ regime: 'CORA', receivedAt: '2025-11-19T22:30:00Z', receiptCutoff: CDOR.receiptCutoff });
		expect(late.dueOn).toBe('2025-11-25');
		const lines = late.deadline.kind === 'computed' ? renderExplanation(late.deadline.explanation, 'en') : [];
		expect(lines[0]).toContain('Counts as received Thursday 2025-11-20');
		// Same time with no cut-off: day zero Wed 19; Thu 20, Fri 21, Mon 24.
		expect(dueForReceipt({ regime: 'CORA', receivedAt: '2025-11-19T22:30:00Z', receiptCutoff: null }).dueOn).toBe('2025-11-24');
	});

	it('counts P.A.I.R.R. 2 like CORA and leaves CCJRA to the user’s follow-up date', () => {
		expect(dueForReceipt({ regime: 'PAIRR2', receivedAt: '2025-11-19T16:00:00Z', receiptCutoff: null }).dueOn).toBe('2025-11-24');
		const ccjra = dueForReceipt({ regime: 'CCJRA', receivedAt: '2025-11-19T16:00:00Z', receiptCutoff: null });
		expect(ccjra).toMatchObject({ dueOn: null, deadline: { kind: 'user_follow_up' } });
		expect(dueForReceipt({ regime: 'CCJRA', receivedAt: '2025-11-19T16:00:00Z', receiptCutoff: null, followUpOn: '2025-12-01' }).dueOn).toBe('2025-12-01');
	});

	it('reads the database’s time-of-day cut-off and ignores an unreadable one', () => {
		expect(normaliseCutoff('16:30:00')).toBe('16:30');
		expect(normaliseCutoff('15:00')).toBe('15:00');
		expect(normaliseCutoff('3pm')).toBeNull();
		expect(normaliseCutoff(null)).toBeNull();
	});
});

describe('sentRows', () => {
	const facts = { channel: 'email' as const, sentAt: '2025-11-19T22:30:00.000Z', trackingNumber: null, followUpOn: null };

	it('builds the request and its sent event with the client ids, the batch id and the computed due date', () => {
		const draft = draftFor([CDOR, CDLE], { fee_waiver_reason: 'Public interest', fee_notice_threshold: 5000 });
		const rows = sentRows({
			draft,
			agency: CDOR,
			letter: { subject: 'S', text: 'Letter' },
			requestId: 'req-1',
			eventId: 'evt-1',
			facts,
			draftedAt: '2025-11-18T10:00:00Z'
		});
		expect(rows.request).toEqual({
			id: 'req-1',
			organisation_id: draft.organisationId,
			agency_id: CDOR.id,
			title: 'ICE subpoenas 2025',
			letter_body: 'Letter',
			regime: 'CORA',
			status: 'sent',
			drafted_at: '2025-11-18T10:00:00Z',
			sent_at: facts.sentAt,
			received_at: facts.sentAt,
			due_on: '2025-11-25',
			delivery_channel: 'email',
			agency_tracking_number: null,
			batch_id: draft.id,
			fee_waiver_requested: true,
			fee_ceiling: 50
		});
		expect(rows.event).toEqual({
			id: 'evt-1',
			request_id: 'req-1',
			organisation_id: draft.organisationId,
			type: 'sent',
			occurred_at: facts.sentAt,
			payload: { channel: 'email', to: 'dor_cora@state.co.us' }
		});
	});

	it('uses the letter subject when the draft has no title, and never dates the draft after the send', () => {
		const draft = { ...draftFor([CDLE]), title: '  ' };
		const rows = sentRows({ draft, agency: CDLE, letter: { subject: 'Subject line', text: 'L' }, requestId: 'r', eventId: 'e', facts: { ...facts, channel: 'mail' } });
		expect(rows.request.title).toBe('Subject line');
		expect(rows.request.drafted_at).toBe(facts.sentAt);
		expect(rows.event.payload).toEqual({ channel: 'mail' });
	});

	it('keeps the CCJRA follow-up date as due_on', () => {
		const rows = sentRows({ draft: draftFor([CBI]), agency: CBI, letter: { subject: 'S', text: 'L' }, requestId: 'r', eventId: 'e', facts: { ...facts, followUpOn: '2025-12-05' } });
		expect(rows.request).toMatchObject({ regime: 'CCJRA', due_on: '2025-12-05' });
	});
});

describe('feeTerms', () => {
	it('reads a waiver request and a ceiling in cents, and nothing when absent or odd', () => {
		expect(feeTerms({ fee_waiver_requested: true })).toEqual({ feeWaiverRequested: true, feeCeiling: null });
		expect(feeTerms({ fee_waiver_reason: ' ', fee_notice_threshold: 12.5 })).toEqual({ feeWaiverRequested: false, feeCeiling: null });
		expect(feeTerms({ fee_notice_threshold: 2599 })).toEqual({ feeWaiverRequested: false, feeCeiling: 25.99 });
	});
});
