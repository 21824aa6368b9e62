import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n/translate';
import { eventFacts, type EventFact } from './event-facts';

const row = { deliveryChannel: 'portal' as const, trackingNumber: 'R-2025-118' };
const none = { deliveryChannel: null, trackingNumber: null };
/** The facts as the timeline prints them, in a language. */
const printed = (facts: EventFact[], locale: 'en' | 'es' = 'en') =>
	facts.map(({ label, value }) => [translate(locale, label), 'key' in value ? translate(locale, value.key) : 'usd' in value ? `$${value.usd.toFixed(2)}` : value.text]);

describe('facts shown under an event', () => {
	it('a sent event: the channel in words, where it went, and the row’s tracking number', () => {
		const facts = eventFacts({ type: 'sent', payload: { channel: 'email', to: 'cdle_pr@state.co.us' } }, { deliveryChannel: 'email', trackingNumber: 'C-1' });
		expect(printed(facts)).toEqual([
			['Sent by', 'Email'],
			['Sent to', 'cdle_pr@state.co.us'],
			['Agency tracking number', 'C-1']
		]);
		expect(printed(facts, 'es')).toEqual([
			['Enviada por', 'Correo electrónico'],
			['Enviada a', 'cdle_pr@state.co.us'],
			['Número de seguimiento de la agencia', 'C-1']
		]);
	});

	it('a corrected send says its own tracking number, or none', () => {
		expect(printed(eventFacts({ type: 'sent', payload: { channel: 'portal', tracking_number: 'R-2025-119' } }, row))).toEqual([
			['Sent by', 'Agency portal'],
			['Agency tracking number', 'R-2025-119']
		]);
		expect(printed(eventFacts({ type: 'sent', payload: { channel: 'mail', tracking_number: null } }, row))).toEqual([['Sent by', 'Post']]);
	});

	it('never prints a raw key: unknown keys and unknown channels are left out, the row fills in the channel', () => {
		expect(printed(eventFacts({ type: 'sent', payload: { channel: 'pigeon', batch: 3 } }, row))).toEqual([
			['Sent by', 'Agency portal'],
			['Agency tracking number', 'R-2025-118']
		]);
		expect(eventFacts({ type: 'sent', payload: { legacy: 'x' } }, none)).toEqual([]);
	});

	it('an update shows the fields of its form: money in dollars, choices in words, lists joined', () => {
		expect(printed(eventFacts({ type: 'fee_estimate', payload: { amount: 90, hours: 3, pages: 0 } }, none))).toEqual([
			['Amount (USD)', '$90.00'],
			['Hours of research and retrieval', '3'],
			['Pages', '0']
		]);
		expect(printed(eventFacts({ type: 'records_released', payload: { completeness: 'full', files: 2 } }, none))).toEqual([
			['What was released', 'All the records'],
			['Files', '2']
		]);
		expect(printed(eventFacts({ type: 'denied', payload: { grounds: ['Deliberative process', 'Criminal justice'], statute: '' } }, none))).toEqual([
			['Grounds cited', 'Deliberative process; Criminal justice']
		]);
		expect(printed(eventFacts({ type: 'notice_of_intent_sent', payload: { expedited: true } }, none))).toEqual([
			['Expedited access needed (3 business days’ notice instead of 14 days)', 'Yes']
		]);
		expect(eventFacts({ type: 'notice_of_intent_sent', payload: { expedited: false } }, none)).toEqual([]);
	});
});
