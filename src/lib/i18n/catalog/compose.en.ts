/** English strings for the compose screens (keys prefixed `compose.`). Spread into ../en.ts. */
export const composeEn = {
	'compose.title': 'New records request'
} as const;
