import { describe, expect, it } from 'vitest';
import { checkEventForm, EVENT_FIELDS, formValuesOf, isOneTap, parseMoney, UPDATE_EVENT_TYPES } from './event-forms';
import { checkFeeForm } from './fee-warning';

const context = { now: new Date('2025-03-20T18:00:00Z'), sentAt: '2025-03-10T16:00:00Z' };

describe('update forms → event payloads', () => {
	it('records an acknowledgement with one tap, at the current time', () => {
		const result = checkEventForm('acknowledged', {}, context);
		expect(result).toEqual({ ok: true, event: { type: 'acknowledged', occurredAt: '2025-03-20T18:00:00.000Z', payload: {}, note: null } });
		expect(isOneTap('acknowledged')).toBe(true);
		expect(isOneTap('fee_estimate')).toBe(false);
		expect(isOneTap('note')).toBe(false);
	});

	it('turns a fee estimate into amounts in dollars and whole pages', () => {
		const result = checkEventForm('fee_estimate', { amount: '$90.00', hours: '3', hourly_rate: '45', pages: '120' }, context);
		expect(result.ok && result.event.payload).toEqual({ amount: 90, hours: 3, hourly_rate: 45, pages: 120 });
	});

	it('needs the amount of a fee estimate, and says so', () => {
		expect(checkEventForm('fee_estimate', { amount: '' }, context)).toEqual({ ok: false, errors: { amount: 'tracking.error.required' } });
	});

	it('refuses negative and non-numeric amounts and counts in words', () => {
		const result = checkEventForm('records_released', { completeness: 'full', pages: '-3', files: 'many' }, context);
		expect(result).toEqual({ ok: false, errors: { pages: 'tracking.error.negative', files: 'tracking.error.count' } });
		expect(checkEventForm('payment_made', { amount: 'ten' }, context)).toEqual({ ok: false, errors: { amount: 'tracking.error.money' } });
	});

	it('needs to know whether a release is partial or full', () => {
		expect(checkEventForm('records_released', {}, context)).toEqual({ ok: false, errors: { completeness: 'tracking.error.completeness' } });
		const partial = checkEventForm('records_released', { completeness: 'partial', pages: '12' }, context);
		expect(partial.ok && partial.event.payload).toEqual({ completeness: 'partial', pages: 12 });
	});

	it('keeps the grounds of a denial as a list, one per line', () => {
		const result = checkEventForm('denied', { grounds: 'C.R.S. 24-72-204(3)(a)(IV)\n\n deliberative process ', statute: '24-72-204' }, context);
		expect(result.ok && result.event.payload).toEqual({ grounds: ['C.R.S. 24-72-204(3)(a)(IV)', 'deliberative process'], statute: '24-72-204' });
	});

	it('records whether a notice of intent is expedited as true or false', () => {
		const expedited = checkEventForm('notice_of_intent_sent', { expedited: 'on' }, context);
		expect(expedited.ok && expedited.event.payload).toEqual({ expedited: true });
		const normal = checkEventForm('notice_of_intent_sent', {}, context);
		expect(normal.ok && normal.event.payload).toEqual({ expedited: false });
	});

	it('needs the text of a note', () => {
		expect(checkEventForm('note', { note: '  ' }, context)).toEqual({ ok: false, errors: { note: 'tracking.error.noteMissing' } });
		const note = checkEventForm('note', { note: 'Called the custodian.' }, context);
		expect(note.ok && note.event.note).toBe('Called the custodian.');
	});

	it('takes the time in Colorado, and refuses one in the future or before the request was sent', () => {
		const at = checkEventForm('acknowledged', { occurred_at: '2025-03-11T09:30' }, context);
		expect(at.ok && at.event.occurredAt).toBe('2025-03-11T15:30:00.000Z');
		expect(checkEventForm('acknowledged', { occurred_at: '2025-04-01T09:30' }, context)).toEqual({ ok: false, errors: { occurred_at: 'tracking.error.future' } });
		expect(checkEventForm('acknowledged', { occurred_at: '2025-03-01T09:30' }, context)).toEqual({ ok: false, errors: { occurred_at: 'tracking.error.beforeSent' } });
		expect(checkEventForm('acknowledged', { occurred_at: 'yesterday' }, context)).toEqual({ ok: false, errors: { occurred_at: 'tracking.error.occurredAt' } });
	});

	it('refuses a malformed date for an extension', () => {
		expect(checkEventForm('extension_claimed', { new_due_on: '24/03/2025' }, context)).toEqual({ ok: false, errors: { new_due_on: 'tracking.error.date' } });
	});

	it('pre-fills a correction with the stored payload', () => {
		expect(formValuesOf('fee_estimate', { amount: 90, hourly_rate: 45 }, '2025-03-11T15:30:00Z')).toEqual({ occurred_at: '2025-03-11T09:30', amount: '90.00', hourly_rate: '45.00' });
		expect(formValuesOf('denied', { grounds: ['a', 'b'] }, '2025-03-11T15:30:00Z').grounds).toBe('a\nb');
	});

	it('has a form for every event type a person records (not sent or correction)', () => {
		expect(UPDATE_EVENT_TYPES).toHaveLength(15);
		expect(Object.keys(EVENT_FIELDS)).not.toContain('sent');
		expect(Object.keys(EVENT_FIELDS)).not.toContain('correction');
	});

	it('reads money as dollars and cents', () => {
		expect(parseMoney('45')).toBe(45);
		expect(parseMoney('$1,234.5')).toBe(1234.5);
		expect(parseMoney('-4')).toBeNull();
	});
});

describe('fee estimate warning (C.R.S. 24-72-205)', () => {
	it('flags an hourly rate above the cap in force since 1 July 2024', () => {
		const check = checkFeeForm({ amount: '90', hourly_rate: '45.00' }, '2025-03-11');
		expect(check?.exceedsLegalLimit).toBe(true);
		expect(check?.cap.cents).toBe(4137);
		expect(check?.issues.map((i) => i.code)).toContain('hourly_rate_above_cap');
	});

	it('flags a total above what the hours allow (the first hour free)', () => {
		const check = checkFeeForm({ amount: '120', hours: '3', hourly_rate: '40' }, '2025-03-11');
		expect(check?.issues.map((i) => i.code)).toContain('total_above_allowed');
		expect(check?.allowed.totalCents).toBe(8000);
	});

	it('has nothing to say about an estimate within the law, or one without rate and hours', () => {
		expect(checkFeeForm({ amount: '80', hours: '3', hourly_rate: '40' }, '2025-03-11')?.exceedsLegalLimit).toBe(false);
		expect(checkFeeForm({ amount: '80' }, '2025-03-11')).toBeNull();
	});
});
