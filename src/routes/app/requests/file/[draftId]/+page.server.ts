import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { agencyChannels, draftForFiling, markDraftFiled, recordedInBatch, saveSentRows } from '$lib/data/requests';
import { isBatchFiled } from '$lib/filing/batch-plan';
import { letterForAgency } from '$lib/filing/agency-letter';
import { checkSentForm, sentRows, type SentForm } from '$lib/filing/sent-record';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!UUID.test(params.draftId)) error(404, 'filing.error.draftGone');
	const found = await draftForFiling(locals.supabase, params.draftId);
	if (!found) error(404, 'filing.error.draftGone');
	const [agencies, recorded] = await Promise.all([
		agencyChannels(locals.supabase, found.draft.organisationId, found.draft.agencyIds),
		recordedInBatch(locals.supabase, found.draft.id)
	]);
	// Ids for the no-JS form: made once per page view, so submitting the same form twice never duplicates.
	const sendIds = Object.fromEntries(found.draft.agencyIds.map((id) => [id, { requestId: randomUUID(), eventId: randomUUID() }]));
	return {
		...found,
		agencies,
		sendIds,
		recorded: Object.fromEntries(recorded.map((r) => [r.agencyId, { requestId: r.requestId, sentAt: r.sentAt, dueOn: r.dueOn, synced: true }]))
	};
};

function readForm(form: FormData): SentForm {
	const text = (name: string) => String(form.get(name) ?? '');
	return {
		channel: text('channel'),
		sentAtLocal: text('sent_at'),
		hasTrackingNumber: form.get('has_tracking_number') === 'yes',
		trackingNumber: text('tracking_number'),
		followUpOn: text('follow_up_on')
	};
}

export const actions: Actions = {
	/** "Record as sent" without JavaScript: the same checks and rows as the panel, written with the server client. */
	record: async ({ locals, params, request }) => {
		const form = await request.formData();
		const agencyId = String(form.get('agency_id') ?? '');
		const values = readForm(form);
		const refuse = (failure: string) => fail(400, { agencyId, values, errors: {}, failure });

		const found = await draftForFiling(locals.supabase, params.draftId);
		if (!found) return refuse('filing.error.draftGone');
		const { draft, draftedAt } = found;
		if (!draft.agencyIds.includes(agencyId)) return refuse('filing.error.agencyGone');
		const [agency] = await agencyChannels(locals.supabase, draft.organisationId, [agencyId]);
		if (!agency) return refuse('filing.error.agencyGone');

		const checked = checkSentForm(values, { regime: agency.regime, now: new Date(), draftedAt });
		if (!checked.ok) return fail(400, { agencyId, values, errors: checked.errors, failure: undefined });
		const letter = letterForAgency(draft, agency);
		if (!letter.ok) return refuse(letter.errors.map((e) => e.message).join('; '));

		const idOr = (name: string) => {
			const value = String(form.get(name) ?? '');
			return UUID.test(value) ? value : randomUUID();
		};
		const rows = sentRows({ draft, agency, letter, requestId: idOr('request_id'), eventId: idOr('event_id'), facts: checked.facts, draftedAt });
		try {
			await saveSentRows(locals.supabase, rows);
			const recorded = await recordedInBatch(locals.supabase, draft.id);
			if (isBatchFiled(draft, recorded.map((r) => r.agencyId)) && found.filedAt === null) {
				await markDraftFiled(locals.supabase, draft.id, new Date().toISOString());
			}
		} catch (e) {
			const message = (e as Error).message;
			return refuse(/row-level security/i.test(message) ? 'filing.error.notEditor' : message);
		}
		redirect(303, `/app/requests/file/${draft.id}#agency-${agency.id}`);
	}
};
