/** English UI strings: the reference catalog. Every key must exist in es.ts too (the type checker enforces it). */
import { coreEn } from './catalog/core.en';
import { pagesEn } from './catalog/pages.en';
import { composeEn } from './catalog/compose.en';
import { draftsEn } from './catalog/drafts.en';
import { filingEn } from './catalog/filing.en';
import { teamEn } from './catalog/team.en';
import { feedsEn } from './catalog/feeds.en';
import { trackingEn } from './catalog/tracking.en';
import { attachmentsEn } from './catalog/attachments.en';
import { caseloadEn } from './catalog/caseload.en';
import { deviceEn } from './catalog/device.en';
import { statusEn } from './catalog/status.en';
import { publishingEn } from './catalog/publishing.en';

export const en = {
	...coreEn,
	...pagesEn,
	...composeEn,
	...draftsEn,
	...filingEn,
	...teamEn,
	...feedsEn,
	...trackingEn,
	...attachmentsEn,
	...caseloadEn,
	...deviceEn,
	...statusEn,
	...publishingEn
} as const;

export type MessageKey = keyof typeof en;
