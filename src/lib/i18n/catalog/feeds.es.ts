/** Spanish strings for the feeds screens; must have every key of feeds.en.ts. */
import type { feedsEn } from './feeds.en';

export const feedsEs: Record<keyof typeof feedsEn, string> = {
	'feeds.title': 'Calendario y exportación'
};
