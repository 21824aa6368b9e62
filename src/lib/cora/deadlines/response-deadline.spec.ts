import { describe, expect, it } from 'vitest';
import type { CalendarKind } from '../calendar/closure-calendars';
import { explainDeadlineFromReceipt, explainResponseDeadline, paymentDeadline, responseDeadline } from './response-deadline';

describe('responseDeadline for every weekday of receipt (a week without holidays)', () => {
	it.each([
		['2025-03-10', 'Monday', '2025-03-13', '2025-03-24'],
		['2025-03-11', 'Tuesday', '2025-03-14', '2025-03-25'],
		['2025-03-12', 'Wednesday', '2025-03-17', '2025-03-26'],
		['2025-03-13', 'Thursday', '2025-03-18', '2025-03-27'],
		['2025-03-14', 'Friday', '2025-03-19', '2025-03-28'],
		['2025-03-15', 'Saturday', '2025-03-19', '2025-03-28'],
		['2025-03-16', 'Sunday', '2025-03-19', '2025-03-28']
	])('received %s (%s): due %s, extended %s', (received, _weekday, due, extendedDue) => {
		for (const calendar of ['statute', 'state-offices'] as CalendarKind[]) {
			expect(responseDeadline(received, { calendar })).toBe(due);
			expect(responseDeadline(received, { calendar, extended: true })).toBe(extendedDue);
		}
	});
});

describe('responseDeadline around holidays, by calendar', () => {
	// [received, statute due, state-offices due, what]
	it.each([
		['2025-11-25', '2025-12-01', '2025-12-01', 'Thanksgiving'],
		['2021-12-22', '2021-12-27', '2021-12-28', 'Christmas 2021 on Saturday'],
		['2021-12-30', '2022-01-04', '2022-01-05', "New Year's Day 2022 on Saturday, across the year"],
		['2022-06-16', '2022-06-22', '2022-06-22', 'Juneteenth 2022 observed Monday'],
		['2021-06-16', '2021-06-21', '2021-06-21', 'no Juneteenth in 2021'],
		['2023-06-29', '2023-07-05', '2023-07-06', 'governor-added 2023-07-03'],
		['2023-11-08', '2023-11-13', '2023-11-14', 'Veterans Day 2023 on Saturday'],
		['2026-01-15', '2026-01-21', '2026-01-21', 'MLK Day 2026-01-19'],
		['2025-10-02', '2025-10-08', '2025-10-08', 'Cabrini Day 2025-10-06'],
		['2019-10-10', '2019-10-16', '2019-10-16', 'Columbus Day 2019-10-14'],
		['2025-03-27', '2025-04-01', '2025-04-01', 'Cesar Chavez Day 2025-03-31 counts']
	])('received %s: statute %s, state offices %s (%s)', (received, statute, offices) => {
		expect(responseDeadline(received, { calendar: 'statute' })).toBe(statute);
		expect(responseDeadline(received, { calendar: 'state-offices' })).toBe(offices);
	});

	it('defaults to the state-offices calendar', () => {
		expect(responseDeadline('2021-12-22')).toBe('2021-12-28');
	});

	it('honours runtime extra closures', () => {
		expect(responseDeadline('2025-03-10', { extraClosures: [{ date: '2025-03-12', name: 'Snow closure' }] })).toBe('2025-03-14');
	});

	it('counts the extension across the New Year', () => {
		expect(responseDeadline('2021-12-22', { extended: true, calendar: 'state-offices' })).toBe('2022-01-07');
	});

	it.each(['2025-02-29', '11/25/2025', '2013-12-30', '2101-01-05'])('throws on received date %s', (date) => {
		expect(() => responseDeadline(date)).toThrow(RangeError);
	});
});

describe('P.A.I.R.R. 2 counts 3 + 7 business days like CORA', () => {
	it('gives the same dates', () => {
		expect(responseDeadline('2025-03-10', { regime: 'pairr2' })).toBe('2025-03-13');
		expect(responseDeadline('2025-03-10', { regime: 'pairr2', extended: true })).toBe('2025-03-24');
	});
});

describe('explanations', () => {
	it('lists every day between day zero and the due date', () => {
		const explanation = explainResponseDeadline('2025-11-25');
		expect(explanation).toMatchObject({ basis: 'initial', startDate: '2025-11-25', workingDaysRequired: 3, dueDate: '2025-12-01' });
		expect(explanation.days.map((d) => d.date)).toEqual(['2025-11-26', '2025-11-27', '2025-11-28', '2025-11-29', '2025-11-30', '2025-12-01']);
		expect(explanation.days.filter((d) => d.counted)).toHaveLength(3);
	});

	it('marks an extended deadline', () => {
		expect(explainResponseDeadline('2025-03-10', { extended: true })).toMatchObject({ basis: 'extended', workingDaysRequired: 10 });
	});

	it('starts from the effective receipt when given a timestamp after the cut-off', () => {
		const explanation = explainDeadlineFromReceipt('2025-03-14T22:00:00Z', { cutoff: '15:00' });
		expect(explanation.startDate).toBe('2025-03-17');
		expect(explanation.dueDate).toBe('2025-03-20');
		expect(explanation.receipt?.shift).toBe('after_cutoff');
	});
});

describe('paymentDeadline: 3 business days after payment (C.R.S. 24-72-205)', () => {
	it.each([
		['2025-11-26', '2025-12-02'],
		['2025-03-14', '2025-03-19'],
		['2021-12-29', '2022-01-04']
	])('paid %s → due %s', (paid, due) => {
		expect(paymentDeadline(paid)).toBe(due);
	});

	it('throws on a malformed payment date', () => {
		expect(() => paymentDeadline('2025-11-31')).toThrow(RangeError);
	});
});
