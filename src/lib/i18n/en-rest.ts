/**
 * The English strings the composer does not need: loaded on demand by catalogs.svelte.ts,
 * so the composer's first load ships only core.en and compose.en.
 */
import { filingEn } from './catalog/filing.en';
import { teamEn } from './catalog/team.en';
import { feedsEn } from './catalog/feeds.en';
import { trackingEn } from './catalog/tracking.en';
import { caseloadEn } from './catalog/caseload.en';
import { attachmentsEn } from './catalog/attachments.en';
import { pagesEn } from './catalog/pages.en';
import { deviceEn } from './catalog/device.en';
import { statusEn } from './catalog/status.en';
import { publishingEn } from './catalog/publishing.en';

export const enRest = { ...filingEn, ...teamEn, ...feedsEn, ...trackingEn, ...caseloadEn, ...attachmentsEn, ...pagesEn, ...deviceEn, ...statusEn, ...publishingEn };
