/** English strings for the tracking screens (keys prefixed `tracking.`). Spread into ../en.ts. */
export const trackingEn = {
	'tracking.title': 'tracking'
} as const;
