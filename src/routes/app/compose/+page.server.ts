import { fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { listAgencyChannels } from '$lib/data/agencies';
import { listMyOrganisations } from '$lib/data/organisations';
import { getServerDraft, keepBothVersions, saveServerDraft, type ServerDraft } from '$lib/data/drafts';
import { agenciesAfterOrganisationSwitch } from '$lib/components/compose/organisation-switch';
import type { AgencyChannel } from '$lib/filing/types';
import { translator } from '$lib/i18n/translate';
import type { MessageKey } from '$lib/i18n/translate';
import { draftDisplayTitle, isComposerTemplate, TITLE_MAX_LENGTH, valuesFromRaw, type RawValues } from '$lib/components/compose/letter-values';
import * as letterEngine from '$lib/components/compose/letter-engine';
import { computePreview } from '$lib/components/compose/preview';
import { startingPoint } from './composer-start';
import { deleteDraftAction } from '../drafts/delete-action.server';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELD_PREFIX = 'field.';

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const { organisations } = await parent();
	const editable = organisations.filter((org) => org.role === 'owner' || org.role === 'editor');
	const draftId = url.searchParams.get('draft');
	const wantedDraft = draftId && UUID.test(draftId) ? draftId : null;
	const [agencies, serverDraft] = await Promise.all([
		listAgencyChannels(locals.supabase, editable.map((org) => org.id)).catch(() => ({}) as Record<string, AgencyChannel[]>),
		wantedDraft ? getServerDraft(locals.supabase, wantedDraft).catch(() => null) : Promise.resolve(null)
	]);
	const page = {
		editable: editable.map(({ id, name }) => ({ id, name })),
		hasOrganisations: organisations.length > 0,
		agenciesByOrganisation: agencies,
		draftId: wantedDraft,
		serverDraft: serverDraft as ServerDraft | null,
		today: letterEngine.coloradoToday(),
		saved: url.searchParams.has('saved'),
		conflictWith: url.searchParams.get('conflict')
	};
	// The preview of the page as rendered, so it shows before (and without) the browser's letter engine.
	const start = startingPoint(page, null, wantedDraft);
	const chosen = (agencies[start.organisationId] ?? []).filter((agency) => start.agencyIds.includes(agency.id));
	const values = valuesFromRaw(start.raw).values;
	return { ...page, preview: computePreview(letterEngine, { templateId: start.templateId, values, agencies: chosen, today: page.today, locale: locals.locale }) };
};

type Errors = Partial<Record<string, MessageKey>>;

export const actions: Actions = {
	/** Without JavaScript: save the draft straight to the server (with JavaScript the page saves on the device and syncs). */
	save: async ({ request, locals, url }) => {
		const form = await request.formData();
		const text = (name: string) => {
			const value = form.get(name);
			return typeof value === 'string' ? value : '';
		};
		const givenId = text('draftId');
		const id = UUID.test(givenId) ? givenId : randomUUID();
		const revisionText = text('revision');
		const baseRevision = /^\d+$/.test(revisionText) ? Number(revisionText) : null;
		const organisationId = text('organisationId');
		const templateId = text('templateId');
		const title = text('title');
		const agencyIds = form.getAll('agencyIds').filter((value): value is string => typeof value === 'string');
		const raw: RawValues = {};
		for (const [name, value] of form.entries()) {
			if (name.startsWith(FIELD_PREFIX) && typeof value === 'string') raw[name.slice(FIELD_PREFIX.length)] = value;
		}
		const values = { draftId: id, revision: baseRevision, organisationId, templateId, title, raw, agencyIds };

		const writable = (await listMyOrganisations(locals.supabase, locals.user!.id).catch(() => [])).filter((org) => org.role !== 'viewer');
		const editable = new Set(writable.map((org) => org.id));
		const errors: Errors = {};
		if (!editable.has(organisationId)) errors.organisationId = 'compose.error.organisation';
		if (!isComposerTemplate(templateId)) errors.templateId = 'compose.error.template';
		if (title.length > TITLE_MAX_LENGTH) errors.title = 'compose.error.title';
		const parsed = valuesFromRaw(raw);
		for (const [key, problem] of Object.entries(parsed.problems)) errors[`field.${key}`] = problem === 'money' ? 'compose.error.money' : 'compose.error.date';
		if (Object.keys(errors).length > 0) return fail(400, { values, errors, message: '' });
		if (agencyIds.length > 0) {
			// Agencies are per organisation: after a change of organisation, the ones its directory lacks are taken off,
			// and the user is told which (named from the directories of every organisation they write for).
			const directories = await listAgencyChannels(locals.supabase, [...editable]);
			const everyAgency = Object.values(directories).flat();
			const { kept, removed } = agenciesAfterOrganisationSwitch(agencyIds, everyAgency, directories[organisationId] ?? []);
			if (removed.length > 0) {
				const organisation = writable.find((org) => org.id === organisationId)?.name ?? '';
				return fail(400, { values: { ...values, agencyIds: kept }, errors, message: '', removedAgencies: { organisation, agencies: removed } });
			}
		}

		const content = { organisationId, templateId, title: title.trim(), values: parsed.values, agencyIds: [...new Set(agencyIds)] };
		const result = await saveServerDraft(locals.supabase, id, content, baseRevision);
		if (result.outcome === 'saved') redirect(303, `${url.pathname}?draft=${id}&saved`);
		if (result.outcome === 'conflict') {
			// Another device saved first: keep both, and show the user their version (the copy).
			const locale = locals.locale;
			const t = translator(locale);
			const time = new Intl.DateTimeFormat(locals.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Denver' }).format(new Date());
			const copyId = randomUUID();
			const copyTitle = t('drafts.copyTitle', { title: draftDisplayTitle(content.title, templateId, content.values, locale), time });
			const copy = await keepBothVersions(locals.supabase, result.server, content, copyId, copyTitle);
			if (copy.outcome === 'saved') redirect(303, `${url.pathname}?draft=${copyId}&conflict=${id}`);
			return fail(400, { values, errors: { form: 'compose.error.save' } as Errors, message: 'message' in copy ? copy.message : '' });
		}
		return fail(400, { values, errors: { form: 'compose.error.save' } as Errors, message: 'message' in result ? result.message : '' });
	},

	/** Without JavaScript: ask first, then delete on the server (see ../drafts/delete-action.server.ts). */
	delete: deleteDraftAction
};
