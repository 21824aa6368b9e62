/** Renders a DeadlineExplanation as readable lines in English or Spanish. */
import { weekdayOf, type IsoDate } from '../calendar/calendar-date';
import type { ExplainedDay } from '../calendar/working-day-count';
import type { DeadlineExplanation, DueBasis } from '../deadlines/deadline-explanation';
import { PAUSE_CAUSE_LABELS, skipReasonLabel, WEEKDAY_LABELS } from './day-labels';
import type { Locale, LocalizedText } from './localized-text';

export const BASIS_LABELS: Readonly<Record<DueBasis, LocalizedText>> = {
	initial: { en: 'initial period', es: 'plazo inicial' },
	extended: { en: 'initial period plus extension', es: 'plazo inicial más prórroga' },
	after_payment: { en: 'after payment', es: 'después del pago' }
};

/** "Thursday 2025-11-27" / "jueves 2025-11-27". */
export function dayWithWeekday(date: IsoDate, locale: Locale): string {
	return `${WEEKDAY_LABELS[weekdayOf(date)][locale]} ${date}`;
}

function dayLine(day: ExplainedDay, locale: Locale): string {
	const when = dayWithWeekday(day.date, locale);
	if (day.counted) return locale === 'es' ? `${when} — día hábil ${day.workingDay}` : `${when} — working day ${day.workingDay}`;
	const why = day.reason ? skipReasonLabel(day.reason, locale) : '';
	return locale === 'es' ? `${when} — no se cuenta: ${why}` : `${when} — not counted: ${why}`;
}

function receiptLines(explanation: DeadlineExplanation, locale: Locale): string[] {
	const receipt = explanation.receipt;
	if (!receipt) return [];
	const local = `${dayWithWeekday(receipt.localDate, locale)} ${receipt.localTime.slice(0, 5)}`;
	const effective = dayWithWeekday(receipt.effectiveDate, locale);
	const first =
		locale === 'es'
			? `Recibida: ${local} (hora de Colorado).` + (receipt.shift ? ` Se considera recibida el ${effective}.` : '')
			: `Received: ${local} (Colorado time).` + (receipt.shift ? ` Counts as received ${effective}.` : '');
	return [first, ...receipt.skipped.map((day) => dayLine(day, locale))];
}

function startLine(explanation: DeadlineExplanation, locale: Locale): string {
	const start = dayWithWeekday(explanation.startDate, locale);
	if (locale === 'es') {
		const what = explanation.startsFrom === 'payment' ? 'el día del pago' : 'el día de recepción';
		return `Día cero (no se cuenta): ${start}, ${what}.`;
	}
	const what = explanation.startsFrom === 'payment' ? 'the day of payment' : 'the day the request counts as received';
	return `Day zero (not counted): ${start}, ${what}.`;
}

function ruleLine(explanation: DeadlineExplanation, locale: Locale): string {
	const basis = BASIS_LABELS[explanation.basis][locale];
	const n = explanation.workingDaysRequired;
	return locale === 'es'
		? `Regla: ${explanation.citation}: ${n} días hábiles (${basis}).`
		: `Rule: ${explanation.citation}: ${n} working days (${basis}).`;
}

function outcomeLine(explanation: DeadlineExplanation, locale: Locale): string {
	if (explanation.dueDate !== null) {
		const due = dayWithWeekday(explanation.dueDate, locale);
		const n = explanation.workingDaysRequired;
		return locale === 'es' ? `Vence: ${due} (día hábil ${n}).` : `Due: ${due} (working day ${n}).`;
	}
	const cause = explanation.pausedBy ? PAUSE_CAUSE_LABELS[explanation.pausedBy][locale] : '';
	const left = explanation.remainingWorkingDays;
	return locale === 'es'
		? `Plazo en pausa (${cause}); quedan ${left} días hábiles.`
		: `Clock paused (${cause}); ${left} working days remain.`;
}

/** Every step of the computation, one line each: receipt, day zero, rule, each day, outcome. */
export function renderExplanation(explanation: DeadlineExplanation, locale: Locale = 'en'): string[] {
	return [
		...receiptLines(explanation, locale),
		startLine(explanation, locale),
		ruleLine(explanation, locale),
		...explanation.days.map((day) => dayLine(day, locale)),
		outcomeLine(explanation, locale)
	];
}
