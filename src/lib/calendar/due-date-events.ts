/**
 * The events of a request's calendar feed: one all-day event on each due
 * date and one on the extended due date, with UIDs that stay the same on
 * every fetch. Pure; the words come from the caller (i18n).
 */
import type { AllDayEvent } from './icalendar';

/** What the feed knows about one open request (public.calendar_feed). */
export interface DueRequest {
	id: string;
	title: string;
	agency: string;
	/** The status label, already in the reader's language. */
	statusLabel: string;
	dueOn: string | null;
	extendedDueOn: string | null;
}

export interface DueDateWords {
	due(names: { agency: string; title: string }): string;
	extendedDue(names: { agency: string; title: string }): string;
	description(facts: { status: string; url: string }): string;
}

export interface DueDateEventOptions {
	/** The request page for a request id, as an absolute URL. */
	requestUrl(id: string): string;
	/** The host part of every UID, e.g. the app's host name. */
	uidDomain: string;
	words: DueDateWords;
}

export function dueDateEvents(requests: readonly DueRequest[], options: DueDateEventOptions): AllDayEvent[] {
	const events: AllDayEvent[] = [];
	for (const request of requests) {
		const url = options.requestUrl(request.id);
		const names = { agency: request.agency, title: request.title };
		const description = options.words.description({ status: request.statusLabel, url });
		if (request.dueOn) {
			events.push({ uid: `${request.id}-due@${options.uidDomain}`, date: request.dueOn, summary: options.words.due(names), description, url });
		}
		if (request.extendedDueOn) {
			events.push({
				uid: `${request.id}-extended-due@${options.uidDomain}`,
				date: request.extendedDueOn,
				summary: options.words.extendedDue(names),
				description,
				url
			});
		}
	}
	return events;
}
