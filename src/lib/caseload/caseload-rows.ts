/** List rows as the page shows them: the data row plus its section and due line (classified on the server, in the user's language). */
import type { IsoDate } from '$lib/cora';
import type { CaseloadListRow } from '$lib/data/requests';
import type { Locale } from '$lib/i18n/locales';
import { classifyRequest } from './classify-request';
import { dueWords } from './due-words';
import { translator } from '$lib/i18n/translate';
import type { CaseloadSection } from './sections';

export interface ShownRow {
	id: string;
	organisationId: string;
	title: string;
	agencyName: string;
	status: CaseloadListRow['status'];
	section: CaseloadSection;
	due: string;
	trackingNumber: string | null;
	tags: string[];
	publishState: CaseloadListRow['publishState'];
	embargoedUntil: string | null;
}

export function shownRows(rows: readonly CaseloadListRow[], today: IsoDate, horizon: IsoDate, locale: Locale): ShownRow[] {
	const t = translator(locale);
	return rows.map((row) => {
		const { section, note } = classifyRequest(
			{ status: row.status, regime: row.regime, due_on: row.dueOn, extended_due_on: row.extendedDueOn, closed_at: row.closedAt },
			today,
			horizon
		);
		return {
			id: row.id,
			organisationId: row.organisationId,
			title: row.title,
			agencyName: row.agencyName,
			status: row.status,
			section,
			due: dueWords(note, locale, t),
			trackingNumber: row.trackingNumber,
			tags: row.tags,
			publishState: row.publishState,
			embargoedUntil: row.embargoedUntil
		};
	});
}
