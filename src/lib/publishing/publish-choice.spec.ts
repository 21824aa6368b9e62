import { describe, expect, it } from 'vitest';
import { checkPublishChoice, isCurrentState } from './publish-choice';

const today = '2026-12-06';

describe('the publishing choice', () => {
	it('publishes now or keeps private without a date (a date sent along is ignored)', () => {
		expect(checkPublishChoice({ state: 'published', embargoed_until: '2027-01-01' }, today)).toEqual({ ok: true, choice: { state: 'published', embargoedUntil: null } });
		expect(checkPublishChoice({ state: 'private' }, today)).toEqual({ ok: true, choice: { state: 'private', embargoedUntil: null } });
	});

	it('embargoes until a Colorado date after today', () => {
		expect(checkPublishChoice({ state: 'embargoed', embargoed_until: '2027-03-01' }, today)).toEqual({ ok: true, choice: { state: 'embargoed', embargoedUntil: '2027-03-01' } });
	});

	it('refuses an embargo ending today, in the past, or without a date', () => {
		expect(checkPublishChoice({ state: 'embargoed', embargoed_until: today }, today)).toEqual({ ok: false, errors: { embargoed_until: 'publishing.embargo.error.notFuture' } });
		expect(checkPublishChoice({ state: 'embargoed', embargoed_until: '2020-01-01' }, today)).toEqual({ ok: false, errors: { embargoed_until: 'publishing.embargo.error.notFuture' } });
		expect(checkPublishChoice({ state: 'embargoed' }, today)).toEqual({ ok: false, errors: { embargoed_until: 'publishing.embargo.error.missing' } });
	});

	it('refuses a missing or unknown state', () => {
		expect(checkPublishChoice({}, today)).toEqual({ ok: false, errors: { state: 'publishing.error.choice' } });
		expect(checkPublishChoice({ state: 'public' }, today)).toEqual({ ok: false, errors: { state: 'publishing.error.choice' } });
	});

	it('knows when the choice is what the request already is', () => {
		expect(isCurrentState({ state: 'private', embargoedUntil: null }, { publishState: 'private', embargoedUntil: null })).toBe(true);
		expect(isCurrentState({ state: 'embargoed', embargoedUntil: '2027-03-01' }, { publishState: 'embargoed', embargoedUntil: '2027-03-01' })).toBe(true);
		expect(isCurrentState({ state: 'embargoed', embargoedUntil: '2027-04-01' }, { publishState: 'embargoed', embargoedUntil: '2027-03-01' })).toBe(false);
		expect(isCurrentState({ state: 'published', embargoedUntil: null }, { publishState: 'private', embargoedUntil: null })).toBe(false);
	});
});
