/** Spanish strings for the filing screens; must have every key of filing.en.ts. */
import type { filingEn } from './filing.en';

export const filingEs: Record<keyof typeof filingEn, string> = {
	'filing.title': 'Presentar la solicitud'
};
