import { describe, expect, it } from 'vitest';
import { translator } from '$lib/i18n/translate';
import { classifyRequest, dueSoonHorizon, workingDaysAfter, type CaseloadRow } from './classify-request';
import { dueWords, shortDate } from './due-words';

// Mon 24 Nov 2025: Thanksgiving (Thu 27 Nov) falls inside the next working days.
const TODAY = '2025-11-24';

function row(overrides: Partial<CaseloadRow> = {}): CaseloadRow {
	return { status: 'sent', regime: 'CORA', due_on: null, extended_due_on: null, closed_at: null, ...overrides };
}

function words(overrides: Partial<CaseloadRow>, today = TODAY, locale: 'en' | 'es' = 'en') {
	const c = classifyRequest(row(overrides), today);
	return { section: c.section, text: dueWords(c.note, locale, translator(locale)), dueDate: c.dueDate };
}

describe('working days for the caseload', () => {
	it('skips Thanksgiving and the weekend when counting from today', () => {
		expect(workingDaysAfter(TODAY, '2025-11-26')).toBe(2);
		expect(workingDaysAfter(TODAY, '2025-12-01')).toBe(4);
		expect(workingDaysAfter('2025-11-26', '2025-11-28')).toBe(1);
	});
	it('counts nothing when the end is not after the start', () => {
		expect(workingDaysAfter(TODAY, TODAY)).toBe(0);
		expect(workingDaysAfter(TODAY, '2025-11-20')).toBe(0);
	});
	it('puts the due-soon horizon three working days out, past the holiday', () => {
		expect(dueSoonHorizon(TODAY)).toBe('2025-11-28');
		expect(dueSoonHorizon('2025-11-26')).toBe('2025-12-02');
	});
});

describe('classifying a request for the caseload', () => {
	it('is due soon, in words with working days, when the deadline is within three working days', () => {
		expect(words({ due_on: '2025-11-26' })).toEqual({ section: 'due_soon', text: 'Due Wed 26 Nov — 2 working days', dueDate: '2025-11-26' });
	});
	it('is due soon on the day it is due', () => {
		expect(words({ due_on: TODAY })).toMatchObject({ section: 'due_soon', text: 'Due today' });
	});
	it('counts the day after a holiday as the third working day, still due soon', () => {
		expect(words({ due_on: '2025-11-28' })).toMatchObject({ section: 'due_soon', text: 'Due Fri 28 Nov — 3 working days' });
	});
	it('waits on the agency when the deadline is four working days away (across Thanksgiving and a weekend)', () => {
		expect(words({ due_on: '2025-12-01' })).toMatchObject({ section: 'waiting_on_agency', text: 'Due Mon 1 Dec — 4 working days' });
	});
	it('uses singular working day', () => {
		expect(words({ due_on: '2025-11-25' }).text).toBe('Due Tue 25 Nov — 1 working day');
	});
	it('is overdue the day after the deadline, counting working days late', () => {
		expect(words({ due_on: '2025-11-19' })).toMatchObject({ section: 'overdue', text: '3 working days overdue (due Wed 19 Nov)' });
		expect(words({ due_on: '2025-11-21' })).toMatchObject({ section: 'overdue', text: '1 working day overdue (due Fri 21 Nov)' });
	});
	it('is overdue on a weekend after a Friday deadline, with no working day late yet', () => {
		expect(words({ due_on: '2025-11-21' }, '2025-11-22')).toMatchObject({ section: 'overdue', text: 'Overdue since Fri 21 Nov' });
	});
	it('is not overdue across a holiday that followed the deadline until a working day passes', () => {
		// Due Wed 26 Nov; on Thanksgiving it is past due, but no working day has been missed yet.
		expect(words({ due_on: '2025-11-26' }, '2025-11-27')).toMatchObject({ section: 'overdue', text: 'Overdue since Wed 26 Nov' });
	});
	it('follows the extended deadline, not the first one, and says it was extended', () => {
		expect(words({ status: 'extended', due_on: '2025-11-19', extended_due_on: '2025-12-03' })).toMatchObject({
			section: 'waiting_on_agency',
			text: 'Due Wed 3 Dec (extended) — 6 working days',
			dueDate: '2025-12-03'
		});
		expect(words({ status: 'extended', due_on: '2025-11-10', extended_due_on: '2025-11-21' })).toMatchObject({ section: 'overdue', dueDate: '2025-11-21' });
		expect(words({ status: 'extended', due_on: '2025-11-19', extended_due_on: TODAY }).text).toBe('Due today (extended)');
	});
	it('waits on us while the clock is paused for a payment or a clarification, whatever the old deadline', () => {
		expect(words({ status: 'awaiting_payment', due_on: '2025-11-01' })).toMatchObject({ section: 'waiting_on_us', text: 'Clock paused — we owe a payment', dueDate: null });
		expect(words({ status: 'awaiting_clarification', due_on: '2025-11-26' })).toMatchObject({
			section: 'waiting_on_us',
			text: 'Clock paused — we owe a clarification'
		});
	});
	it('waits on us when a request is not sent yet', () => {
		expect(words({ status: 'draft' })).toMatchObject({ section: 'waiting_on_us', text: 'Not sent yet' });
	});
	it('never calls a CCJRA request overdue: it has a follow-up date, due soon once it comes near or passes', () => {
		expect(words({ regime: 'CCJRA', due_on: '2025-12-01' })).toMatchObject({
			section: 'waiting_on_agency',
			text: 'No statutory deadline (CCJRA) — follow up Mon 1 Dec'
		});
		expect(words({ regime: 'CCJRA', due_on: '2025-11-10' })).toMatchObject({ section: 'due_soon' });
		expect(words({ regime: 'CCJRA', due_on: null })).toMatchObject({ section: 'waiting_on_agency', text: 'No statutory deadline (CCJRA) — pick a follow-up date' });
	});
	it('counts P.A.I.R.R. 2 deadlines like CORA ones', () => {
		expect(words({ regime: 'PAIRR2', due_on: '2025-11-19' })).toMatchObject({ section: 'overdue' });
	});
	it('waits on the agency when a running request has no due date, or after a notice of intent', () => {
		expect(words({ due_on: null })).toMatchObject({ section: 'waiting_on_agency', text: 'No due date recorded' });
		expect(words({ status: 'notice_of_intent_sent', due_on: '2025-11-01' })).toMatchObject({ section: 'waiting_on_agency' });
		expect(words({ status: 'in_litigation' })).toMatchObject({ section: 'waiting_on_agency' });
	});
	it('is closed once answered or ended, or once closed_at is set, even with a past deadline', () => {
		for (const status of ['released', 'no_records', 'denied', 'withdrawn', 'closed'] as const) {
			expect(words({ status, due_on: '2025-11-01' })).toMatchObject({ section: 'closed', text: 'Closed' });
		}
		expect(words({ status: 'partially_released', due_on: '2025-11-01', closed_at: '2025-11-20T10:00:00Z' }).section).toBe('closed');
	});
	it('keeps a partly released request on the clock', () => {
		expect(words({ status: 'partially_released', due_on: '2025-11-19' }).section).toBe('overdue');
	});
	it('ignores a malformed date instead of throwing', () => {
		expect(words({ due_on: 'soon' })).toMatchObject({ section: 'waiting_on_agency', text: 'No due date recorded' });
	});
});

describe('due line in Spanish', () => {
	it('says the same things in Spanish', () => {
		expect(words({ due_on: '2025-11-26' }, TODAY, 'es').text).toBe('Vence mié 26 nov — 2 días hábiles');
		expect(words({ due_on: '2025-11-19' }, TODAY, 'es').text).toBe('Vencida hace 3 días hábiles (vencía mié 19 nov)');
		expect(words({ regime: 'CCJRA', due_on: '2025-12-01' }, TODAY, 'es').text).toBe('Sin plazo legal (CCJRA) — dar seguimiento lun 1 dic');
	});
	it('writes short dates as weekday, day, month', () => {
		expect(shortDate('2025-11-27', 'en')).toBe('Thu 27 Nov');
		expect(shortDate('2025-12-01', 'es')).toBe('lun 1 dic');
	});
});
