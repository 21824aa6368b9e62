/**
 * A request's due line in the user's language: "Due Thu 27 Nov — 2 working
 * days", "3 working days overdue (due Mon 24 Nov)", "No statutory deadline
 * (CCJRA) — follow up Mon 1 Dec". Words come from the caseload catalog through the
 * caller's `t` (components pass useI18n's, which loads only the page's catalog part;
 * server code passes `translator(locale)`), so this module pulls no catalog into a bundle.
 */
import type { IsoDate } from '$lib/cora';
import type { MessageKey, Translate } from '$lib/i18n/translate';
import type { Locale } from '$lib/i18n/locales';
import type { DueNote } from './classify-request';

/** "Thu 27 Nov" / "jue 27 nov": weekday, day, month, read in UTC so the calendar date never shifts. */
export function shortDate(date: IsoDate, locale: Locale): string {
	const parts = new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).formatToParts(
		new Date(`${date}T12:00:00Z`)
	);
	const part = (type: Intl.DateTimeFormatPartTypes) => (parts.find((p) => p.type === type)?.value ?? '').replace(/\.$/, '');
	return `${part('weekday')} ${part('day')} ${part('month')}`;
}

function workingDays(count: number, t: Translate): string {
	return t(count === 1 ? 'caseload.workingDays.one' : 'caseload.workingDays.other', { count });
}

const PLAIN: Partial<Record<DueNote['kind'], MessageKey>> = {
	follow_up_unset: 'caseload.due.followUpUnset',
	not_sent: 'caseload.due.notSent',
	escalated: 'caseload.due.escalated',
	no_due_date: 'caseload.due.none',
	closed: 'caseload.due.closed'
};

export function dueWords(note: DueNote, locale: Locale, t: Translate): string {
	switch (note.kind) {
		case 'due_today':
			return t(note.extended ? 'caseload.due.todayExtended' : 'caseload.due.today');
		case 'due_in':
			return t(note.extended ? 'caseload.due.inExtended' : 'caseload.due.in', { date: shortDate(note.date, locale), days: workingDays(note.workingDays, t) });
		case 'overdue':
			return note.workingDays === 0
				? t('caseload.due.overdueSince', { date: shortDate(note.date, locale) })
				: t('caseload.due.overdue', { date: shortDate(note.date, locale), days: workingDays(note.workingDays, t) });
		case 'follow_up':
			return t('caseload.due.followUp', { date: shortDate(note.date, locale) });
		case 'paused':
			return t(note.cause === 'awaiting_payment' ? 'caseload.due.pausedPayment' : 'caseload.due.pausedClarification');
		default:
			return t(PLAIN[note.kind] ?? 'caseload.due.none');
	}
}
