/**
 * The composer's letter engine: the letter for one agency and the expected due
 * date, from the CORA engine ($lib/cora). Heavy (letter texts, holiday
 * calendars), so the browser loads it after the page (letter-engine-loader);
 * the server computes the first preview with it (preview.ts).
 */
import {
	explainResponseDeadline,
	LETTER_TEMPLATES,
	renderExplanation,
	renderLetter,
	toColoradoLocalTime,
	dayWithWeekday,
	type IsoDate,
	type Locale,
	type RenderLetterResult
} from '$lib/cora';
import type { AgencyChannel } from '$lib/filing/types';
import type { ComposerTemplateId } from './letter-values';

/** Where the letter is addressed: the postal address, else the request email, else the portal. */
function agencyAddress(agency: AgencyChannel): string | undefined {
	return agency.mailingAddress ?? agency.requestEmail ?? agency.portalUrl ?? undefined;
}

/** The letter for one agency: only the template's fields, with the agency's name and address filled in. */
export function letterFor(templateId: ComposerTemplateId, values: Record<string, unknown>, agency: AgencyChannel | null): RenderLetterResult {
	const fields: Record<string, string | number | readonly string[]> = {};
	for (const field of LETTER_TEMPLATES[templateId].fields) {
		const value = values[field.key];
		if (typeof value === 'string' || typeof value === 'number' || Array.isArray(value)) fields[field.key] = value as string | number | string[];
	}
	if (agency) {
		fields.agency_name = agency.name;
		const address = agencyAddress(agency);
		if (address) fields.agency_address = address;
	}
	return renderLetter(templateId, fields);
}

/** Today in Colorado, the assumed day of receipt before a request is sent. */
export function coloradoToday(now: Date = new Date()): IsoDate {
	return toColoradoLocalTime(now.toISOString()).date;
}

export type DeadlineEstimate =
	| { kind: 'estimate'; dueDate: IsoDate; dueDay: string; citation: string; lines: string[] }
	| { kind: 'no_statutory_date'; citation: string }
	| { kind: 'unavailable' };

/** The expected due date if the agency received the request on `receivedOn` (CCJRA sets none). */
export function estimateDeadline(regime: AgencyChannel['regime'], receivedOn: IsoDate, locale: Locale): DeadlineEstimate {
	if (regime === 'CCJRA') return { kind: 'no_statutory_date', citation: 'C.R.S. 24-72-301 et seq.' };
	try {
		const explanation = explainResponseDeadline(receivedOn, { regime: regime === 'PAIRR2' ? 'pairr2' : 'cora' });
		if (!explanation.dueDate) return { kind: 'unavailable' };
		return { kind: 'estimate', dueDate: explanation.dueDate, dueDay: dayWithWeekday(explanation.dueDate, locale), citation: explanation.citation, lines: renderExplanation(explanation, locale) };
	} catch {
		return { kind: 'unavailable' };
	}
}

