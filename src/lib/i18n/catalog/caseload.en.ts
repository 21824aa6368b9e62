/** English strings for the caseload screens (keys prefixed `caseload.`). Spread into ../en.ts. */
export const caseloadEn = {
	'caseload.title': 'caseload'
} as const;
