/** Spanish strings for the caseload screens; must have every key of caseload.en.ts. */
import type { caseloadEn } from './caseload.en';

export const caseloadEs: Record<keyof typeof caseloadEn, string> = {
	'caseload.title': 'caseload'
};
