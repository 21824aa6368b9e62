/** Spanish strings for the compose screens; must have every key of compose.en.ts. */
import type { composeEn } from './compose.en';

export const composeEs: Record<keyof typeof composeEn, string> = {
	'compose.title': 'Nueva solicitud de registros'
};
