/** Spanish strings for the attachments screens; must have every key of attachments.en.ts. */
import type { attachmentsEn } from './attachments.en';

export const attachmentsEs: Record<keyof typeof attachmentsEn, string> = {
	'attachments.title': 'attachments'
};
