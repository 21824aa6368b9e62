/** Spanish strings for the tracking screens; must have every key of tracking.en.ts. */
import type { trackingEn } from './tracking.en';

export const trackingEs: Record<keyof typeof trackingEn, string> = {
	'tracking.title': 'tracking'
};
