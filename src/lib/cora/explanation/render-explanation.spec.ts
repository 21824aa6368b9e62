import { describe, expect, it } from 'vitest';
import { WEEKDAYS } from '../calendar/calendar-date';
import { HOLIDAY_RULES } from '../calendar/statutory-holidays';
import { explainDeadlineFromReceipt, explainPaymentDeadline, explainResponseDeadline } from '../deadlines/response-deadline';
import { HOLIDAY_LABELS, holidayLabel, skipReasonLabel, WEEKDAY_LABELS } from './day-labels';
import { renderExplanation } from './render-explanation';

describe('labels exist in English and Spanish', () => {
	it.each(HOLIDAY_RULES.map((r) => [r.key]))('holiday %s', (key) => {
		expect(HOLIDAY_LABELS[key].en.trim()).not.toBe('');
		expect(HOLIDAY_LABELS[key].es.trim()).not.toBe('');
	});
	it.each(WEEKDAYS.map((d) => [d]))('weekday %s', (day) => {
		expect(WEEKDAY_LABELS[day].en.trim()).not.toBe('');
		expect(WEEKDAY_LABELS[day].es.trim()).not.toBe('');
	});
});

describe('skip reason labels', () => {
	it.each([
		[{ kind: 'weekend', weekday: 'saturday' } as const, 'Saturday', 'sábado'],
		[{ kind: 'holiday', holiday: 'thanksgiving_day', observed: false, holidayDate: '2025-11-27' } as const, 'Thanksgiving Day', 'Día de Acción de Gracias'],
		[{ kind: 'holiday', holiday: 'juneteenth', observed: true, holidayDate: '2022-06-19' } as const, 'Juneteenth (observed)', 'Juneteenth (Día de la Emancipación) (observado)'],
		[{ kind: 'clock_paused', cause: 'awaiting_payment' } as const, 'clock paused (awaiting payment)', 'plazo en pausa (pendiente de pago)'],
		[{ kind: 'extra_closure', name: 'Snow day' } as const, 'Snow day', 'Snow day'],
		[{ kind: 'proclaimed_closure', name: 'Extra day', nameEs: 'Día extra', source: 's' } as const, 'Extra day', 'Día extra']
	])('%j → "%s" / "%s"', (reason, en, es) => {
		expect(skipReasonLabel(reason, 'en')).toBe(en);
		expect(skipReasonLabel(reason, 'es')).toBe(es);
	});

	it('labels Cabrini Day', () => {
		expect(holidayLabel('frances_xavier_cabrini_day', false, 'en')).toBe('Frances Xavier Cabrini Day');
		expect(holidayLabel('christmas_day', true, 'en')).toBe('Christmas Day (observed)');
	});
});

describe('renderExplanation', () => {
	it('renders every step in English', () => {
		const lines = renderExplanation(explainDeadlineFromReceipt('2025-11-26T23:30:00Z', { cutoff: '15:00' }), 'en');
		expect(lines).toEqual([
			'Received: Wednesday 2025-11-26 16:30 (Colorado time). Counts as received Friday 2025-11-28.',
			'Wednesday 2025-11-26 — not counted: received after the 15:00 cut-off',
			'Thursday 2025-11-27 — not counted: Thanksgiving Day',
			'Day zero (not counted): Friday 2025-11-28, the day the request counts as received.',
			'Rule: C.R.S. 24-72-201 to -206: 3 working days (initial period).',
			'Saturday 2025-11-29 — not counted: Saturday',
			'Sunday 2025-11-30 — not counted: Sunday',
			'Monday 2025-12-01 — working day 1',
			'Tuesday 2025-12-02 — working day 2',
			'Wednesday 2025-12-03 — working day 3',
			'Due: Wednesday 2025-12-03 (working day 3).'
		]);
	});

	it('renders in Spanish', () => {
		const lines = renderExplanation(explainResponseDeadline('2021-12-22'), 'es');
		expect(lines).toContain('viernes 2021-12-24 — no se cuenta: Navidad (observado)');
		expect(lines.at(-1)).toBe('Vence: martes 2021-12-28 (día hábil 3).');
	});

	it('says when the clock is paused and how many days remain', () => {
		const explanation = explainResponseDeadline('2025-03-10', { pauses: [{ from: '2025-03-11', until: null, cause: 'awaiting_clarification' }] });
		expect(renderExplanation(explanation, 'en').at(-1)).toBe('Clock paused (awaiting clarification); 2 working days remain.');
		expect(renderExplanation(explanation, 'es').at(-1)).toBe('Plazo en pausa (pendiente de aclaración); quedan 2 días hábiles.');
	});

	it('names the payment as day zero for the after-payment rule', () => {
		const lines = renderExplanation(explainPaymentDeadline('2025-03-14'), 'en');
		expect(lines[0]).toBe('Day zero (not counted): Friday 2025-03-14, the day of payment.');
		expect(lines[1]).toBe('Rule: C.R.S. 24-72-205: 3 working days (after payment).');
	});

	it('defaults to English', () => {
		expect(renderExplanation(explainResponseDeadline('2025-03-10')).at(-1)).toBe('Due: Thursday 2025-03-13 (working day 3).');
	});
});
