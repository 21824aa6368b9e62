/** Where the composer starts: what the user typed (after a refused save), the server's draft, or a new letter. */
import { DEFAULT_TEMPLATE, isComposerTemplate, rawFromValues, type ComposerTemplateId, type RawValues } from '$lib/components/compose/letter-values';
import type { ActionData, PageData } from './$types';

export interface ComposerStart {
	draftId: string | null;
	revision: number | null;
	organisationId: string;
	templateId: ComposerTemplateId;
	title: string;
	raw: RawValues;
	agencyIds: string[];
	restoredFrom: string | null;
}

/** `wanted`: the draft id in the address bar (offline, the page may be a kept copy made for another draft). */
export function startingPoint(data: Pick<PageData, 'editable' | 'serverDraft' | 'today'>, form: ActionData | null, wanted: string | null): ComposerStart {
	const onlyOrganisation = data.editable.length === 1 ? (data.editable[0]?.id ?? '') : '';
	if (form?.values) {
		const v = form.values;
		return {
			draftId: v.draftId,
			revision: v.revision,
			organisationId: v.organisationId,
			templateId: isComposerTemplate(v.templateId) ? v.templateId : DEFAULT_TEMPLATE,
			title: v.title,
			raw: { ...v.raw },
			agencyIds: [...v.agencyIds],
			restoredFrom: null
		};
	}
	const server = data.serverDraft;
	if (server && server.id === wanted) {
		return {
			draftId: server.id,
			revision: server.revision,
			organisationId: server.organisationId,
			templateId: isComposerTemplate(server.templateId) ? server.templateId : DEFAULT_TEMPLATE,
			title: server.title,
			raw: rawFromValues(server.values),
			agencyIds: [...server.agencyIds],
			restoredFrom: server.restoredFrom
		};
	}
	return {
		draftId: wanted,
		revision: null,
		organisationId: onlyOrganisation,
		templateId: DEFAULT_TEMPLATE,
		title: '',
		raw: { letter_date: data.today },
		agencyIds: [],
		restoredFrom: null
	};
}
