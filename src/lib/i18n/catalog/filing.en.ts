/** English strings for the filing screens (keys prefixed `filing.`). Spread into ../en.ts. */
export const filingEn = {
	'filing.title': 'File the request'
} as const;
