/**
 * Dates on the team screens and in invitation emails, in Colorado time so the
 * server-rendered page, the hydrated page and the email all say the same day.
 */
import type { Locale } from '$lib/i18n/locales';

export function teamDate(iso: string, locale: Locale, withTime = false): string {
	return new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', {
		dateStyle: 'medium',
		timeStyle: withTime ? 'short' : undefined,
		timeZone: 'America/Denver'
	}).format(new Date(iso));
}
