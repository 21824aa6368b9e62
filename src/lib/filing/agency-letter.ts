/**
 * One letter per agency from a shared draft: the draft's values with that
 * agency's name and address, rendered by the CORA engine's templates.
 */
import { isLetterTemplateId, LETTER_TEMPLATES, renderLetter, type FieldValue, type RenderLetterResult } from '$lib/cora';
import type { AgencyChannel, ComposerDraft } from './types';

type Values = Record<string, FieldValue | null | undefined>;

/** The address the letter names for the agency: postal when known, else the request email; never invented. */
export function agencyAddress(agency: AgencyChannel): string | null {
	const postal = agency.mailingAddress?.trim();
	if (postal) return postal;
	const email = agency.requestEmail?.trim();
	return email ? email : null;
}

/**
 * The draft's values for this agency. Only keys the template knows are kept
 * (the composer may store its own bookkeeping beside them); `agency_name` and
 * `agency_address` come from the directory. A typed address is kept only for a
 * single-agency draft (in a batch it would name the wrong agency).
 */
export function valuesForAgency(draft: ComposerDraft, agency: AgencyChannel): Values {
	if (!isLetterTemplateId(draft.templateId)) return draft.values as Values;
	const keys = new Set(LETTER_TEMPLATES[draft.templateId].fields.map((field) => field.key));
	const values: Values = {};
	for (const [key, value] of Object.entries(draft.values)) {
		if (keys.has(key)) values[key] = value as FieldValue | null | undefined;
	}
	if (keys.has('agency_name')) values.agency_name = agency.name;
	if (keys.has('agency_address')) {
		const address = agencyAddress(agency);
		if (address) values.agency_address = address;
		else if (draft.agencyIds.length > 1) delete values.agency_address;
	}
	return values;
}

export function letterForAgency(draft: ComposerDraft, agency: AgencyChannel): RenderLetterResult {
	return renderLetter(draft.templateId, valuesForAgency(draft, agency));
}
