/**
 * What the timeline shows under each event: its payload as labelled facts in
 * the reader's language, never raw keys. Update events show the fields of
 * their form (EVENT_FIELDS); the 'sent' event how it was sent, where to and
 * the agency's tracking number. Pure: labels and worded values are message
 * keys for the component to translate.
 */
import type { MessageKey } from '$lib/i18n/translate';
import { EVENT_FIELDS, isUpdateEventType } from './event-forms';
import { sentFactsOf, type RequestSending } from './sent-correction';
import type { TimelineItem } from './timeline-merge';

/** A value as typed (text), in words (a message key), or an amount in USD. */
export type FactValue = { text: string } | { key: MessageKey } | { usd: number };

export interface EventFact {
	label: MessageKey;
	value: FactValue;
}

export function eventFacts(item: Pick<TimelineItem, 'type' | 'payload'>, request: Pick<RequestSending, 'deliveryChannel' | 'trackingNumber'>): EventFact[] {
	if (item.type === 'sent') {
		const sent = sentFactsOf(item, request);
		const facts: EventFact[] = [];
		if (sent.channel) facts.push({ label: 'tracking.sent.channel', value: { key: `filing.record.channel.${sent.channel}` } });
		if (sent.to) facts.push({ label: 'tracking.sent.to', value: { text: sent.to } });
		if (sent.trackingNumber) facts.push({ label: 'tracking.field.tracking_number', value: { text: sent.trackingNumber } });
		return facts;
	}
	// Only update types remain ('correction' events are folded into the event they correct).
	if (!isUpdateEventType(item.type)) return [];
	return EVENT_FIELDS[item.type].flatMap((field): EventFact[] => {
		const value = item.payload[field.name];
		if (value === undefined || value === null || value === '' || value === false) return [];
		if (Array.isArray(value) && value.length === 0) return [];
		const shown: FactValue =
			field.kind === 'money' && typeof value === 'number'
				? { usd: value }
				: field.kind === 'completeness'
					? { key: value === 'full' ? 'tracking.completeness.full' : 'tracking.completeness.partial' }
					: value === true
						? { key: 'tracking.yes' }
						: { text: Array.isArray(value) ? value.join('; ') : String(value) };
		return [{ label: field.label, value: shown }];
	});
}
