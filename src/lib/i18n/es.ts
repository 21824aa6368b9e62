/** Spanish UI strings. Typed against the English catalog so no key can be missing. */
import type { MessageKey } from './en';
import { coreEs } from './catalog/core.es';
import { pagesEs } from './catalog/pages.es';
import { composeEs } from './catalog/compose.es';
import { draftsEs } from './catalog/drafts.es';
import { filingEs } from './catalog/filing.es';
import { teamEs } from './catalog/team.es';
import { feedsEs } from './catalog/feeds.es';
import { trackingEs } from './catalog/tracking.es';
import { attachmentsEs } from './catalog/attachments.es';
import { caseloadEs } from './catalog/caseload.es';
import { deviceEs } from './catalog/device.es';
import { statusEs } from './catalog/status.es';
import { publishingEs } from './catalog/publishing.es';

export const es: Record<MessageKey, string> = {
	...coreEs,
	...pagesEs,
	...composeEs,
	...draftsEs,
	...filingEs,
	...teamEs,
	...feedsEs,
	...trackingEs,
	...attachmentsEs,
	...caseloadEs,
	...deviceEs,
	...statusEs,
	...publishingEs
};
