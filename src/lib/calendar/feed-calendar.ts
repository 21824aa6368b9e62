/**
 * The organisation's due-date calendar, as /calendar/<token>.ics serves it:
 * the feed's open requests as all-day events, in the reader's language,
 * linking back to each request page. Pure: the clock and origin are passed in.
 */
import { STATUS_LABELS, type Locale, type RequestStatus } from '$lib/cora';
import { translator } from '$lib/i18n/translate';
import { dueDateEvents } from './due-date-events';
import { writeCalendar } from './icalendar';

export interface FeedCalendarInput {
	organisation: string;
	requests: readonly {
		id: string;
		title: string;
		agency: string;
		status: RequestStatus;
		dueOn: string | null;
		extendedDueOn: string | null;
	}[];
}

export interface FeedCalendarOptions {
	locale: Locale;
	/** The app's origin, e.g. https://disclose.example: request links and UIDs use it. */
	origin: string;
	stamp: Date;
}

/** How often subscribed calendars are asked to fetch again, in minutes. */
export const FEED_REFRESH_MINUTES = 60;

export function feedCalendar(feed: FeedCalendarInput, options: FeedCalendarOptions): string {
	const t = translator(options.locale);
	const origin = new URL(options.origin);
	const events = dueDateEvents(
		feed.requests.map((request) => ({ ...request, statusLabel: STATUS_LABELS[request.status][options.locale] })),
		{
			requestUrl: (id) => new URL(`/app/requests/${id}`, origin).toString(),
			uidDomain: origin.hostname,
			words: {
				due: (names) => t('feeds.ics.due', names),
				extendedDue: (names) => t('feeds.ics.extendedDue', names),
				description: (facts) => t('feeds.ics.description', facts)
			}
		}
	);
	return writeCalendar({
		productId: '-//Disclose//Calendar feed//EN',
		name: t('feeds.ics.calendarName', { organisation: feed.organisation }),
		stamp: options.stamp,
		refreshMinutes: FEED_REFRESH_MINUTES,
		events
	});
}
