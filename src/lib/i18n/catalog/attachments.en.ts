/** English strings for the attachments screens (keys prefixed `attachments.`). Spread into ../en.ts. */
export const attachmentsEn = {
	'attachments.title': 'attachments'
} as const;
