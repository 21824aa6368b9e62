/** English strings for the feeds screens (keys prefixed `feeds.`). Spread into ../en.ts. */
export const feedsEn = {
	'feeds.title': 'Calendar and export'
} as const;
