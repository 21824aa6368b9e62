/**
 * How a letter can reach an agency's custodian, from what the directory knows.
 * Never invented: a blank directory entry is "unknown" (domain/CORA.md
 * §"Agency directory seed": "Blank means not found … never invent an address").
 */
import type { AgencyChannel } from './types';

/** The channel we can offer for sending; `unknown` when the directory has none. */
export type KnownChannel = 'email' | 'portal' | 'mail' | 'fax' | 'unknown';

/** How the user says they sent it (the database's delivery_channel enum). */
export const DELIVERY_CHANNELS = ['email', 'portal', 'mail', 'in_person', 'fax'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export function isDeliveryChannel(value: unknown): value is DeliveryChannel {
	return typeof value === 'string' && (DELIVERY_CHANNELS as readonly string[]).includes(value);
}

/** The best channel the directory gives: email (replies reach the organisation), then portal, mail, fax. */
export function knownChannel(agency: AgencyChannel): KnownChannel {
	if (present(agency.requestEmail)) return 'email';
	if (present(agency.portalUrl)) return 'portal';
	if (present(agency.mailingAddress)) return 'mail';
	if (present(agency.phoneOrFax)) return 'fax';
	return 'unknown';
}

/** The delivery channel to preselect when recording a send. */
export function defaultDeliveryChannel(agency: AgencyChannel): DeliveryChannel {
	const channel = knownChannel(agency);
	return channel === 'unknown' ? 'email' : channel;
}

function present(value: string | null): value is string {
	return value !== null && value.trim() !== '';
}
