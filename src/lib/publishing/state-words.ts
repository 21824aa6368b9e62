/**
 * A request's publish state in words, as the request page and list rows show it:
 * "Private", "Published", "Embargoed until 1 March 2027 (Colorado)". Pure: the
 * caller's `t` translates; the date is a Colorado calendar date, formatted as such.
 */
import type { Enums } from '$lib/database.types';

type Translate = (key: 'publishing.state.private' | 'publishing.state.published' | 'publishing.state.embargoed', params?: Record<string, string>) => string;

/** A YYYY-MM-DD date in long form for `locale` (noon UTC, so no time zone can move it to another day). */
export function longDate(date: string, locale: string): string {
	return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

export function publishStateWords(state: Enums<'publish_state'>, embargoedUntil: string | null, t: Translate, locale: string): string {
	if (state === 'embargoed' && embargoedUntil) return t('publishing.state.embargoed', { date: longDate(embargoedUntil, locale) });
	return state === 'published' ? t('publishing.state.published') : t('publishing.state.private');
}
