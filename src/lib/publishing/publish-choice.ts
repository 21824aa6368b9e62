/**
 * The publishing form's choice (keep private / publish now / embargo until a
 * date) read from posted values, checked as the database will check it
 * (an embargo ends on a real date after today in Colorado). Pure: today's
 * Colorado date is passed in. Shared by the request page's form action and
 * the form itself (with JavaScript, also offline).
 */
import type { Enums } from '$lib/database.types';
import { checkEmbargoDate, type EmbargoDateError } from './embargo-date';

export type PublishState = Enums<'publish_state'>;

export const PUBLISH_STATES: readonly PublishState[] = ['private', 'published', 'embargoed'];

export type PublishChoice = { state: 'private' | 'published'; embargoedUntil: null } | { state: 'embargoed'; embargoedUntil: string };

export interface PublishChoiceErrors {
	state?: 'publishing.error.choice';
	embargoed_until?: EmbargoDateError;
}

export type PublishChoiceCheck = { ok: true; choice: PublishChoice } | { ok: false; errors: PublishChoiceErrors };

export function isPublishState(value: unknown): value is PublishState {
	return typeof value === 'string' && (PUBLISH_STATES as readonly string[]).includes(value);
}

/** `values.state` and, for an embargo, `values.embargoed_until` (YYYY-MM-DD, a Colorado date). */
export function checkPublishChoice(values: { state?: string; embargoed_until?: string }, coloradoToday: string): PublishChoiceCheck {
	const state = values.state;
	if (!isPublishState(state)) return { ok: false, errors: { state: 'publishing.error.choice' } };
	if (state !== 'embargoed') return { ok: true, choice: { state, embargoedUntil: null } };
	const date = checkEmbargoDate(values.embargoed_until, coloradoToday);
	return date.ok ? { ok: true, choice: { state, embargoedUntil: date.date } } : { ok: false, errors: { embargoed_until: date.error } };
}

/** Whether the choice is what the request already is (nothing to change). */
export function isCurrentState(choice: PublishChoice, current: { publishState: PublishState; embargoedUntil: string | null }): boolean {
	return choice.state === current.publishState && (choice.embargoedUntil ?? null) === (current.publishState === 'embargoed' ? current.embargoedUntil : null);
}
