import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { getRequest } from '$lib/data/requests';
import { roleIn, saveEvent, saveFinding, timelineRows, trackingData, updateRequestRow } from '$lib/data/timeline';
import { checkEventForm, isUpdateEventType, type EventFormValues } from '$lib/tracking/event-forms';
import { correctionRow, eventRow, requestRowUpdate, type EventRow } from '$lib/tracking/event-rows';
import { checkFindingForm } from '$lib/tracking/finding-form';
import { mergeTimeline } from '$lib/tracking/timeline-merge';
import { trackedState } from '$lib/tracking/tracked-state';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The request as the server has it, with its timeline, findings and the
 * caller's role. Not found is not an error page: a send recorded offline is on
 * this device only until it syncs, and the page then shows it from the outbox.
 * `formId` is the id a form posted without JavaScript gives what it creates
 * (a double submit then adds nothing).
 */
export const load: PageServerLoad = async ({ locals, params, depends }) => {
	depends('app:request-timeline');
	const request = UUID.test(params.id) ? await getRequest(locals.supabase, params.id) : null;
	if (!request || !locals.user) return { id: params.id, request: null, tracking: null, canEdit: false, formId: randomUUID() };
	const [tracking, role] = await Promise.all([trackingData(locals.supabase, request), roleIn(locals.supabase, request.organisationId, locals.user.id)]);
	return { id: params.id, request, tracking, canEdit: role === 'owner' || role === 'editor', formId: randomUUID() };
};

function formValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form.entries()) if (typeof value === 'string') values[key] = value;
	return values;
}

async function requestFor(locals: App.Locals, id: string) {
	const request = UUID.test(id) ? await getRequest(locals.supabase, id) : null;
	if (!request) error(404, 'Request not found');
	return request;
}

/** After an event: the request row's status and dates, as the engine derives them from the whole timeline. */
async function writeEvent(locals: App.Locals, request: Awaited<ReturnType<typeof requestFor>>, row: EventRow): Promise<void> {
	await saveEvent(locals.supabase, row);
	const items = mergeTimeline(await timelineRows(locals.supabase, request.id), []);
	await updateRequestRow(locals.supabase, request.id, requestRowUpdate(trackedState(items, request), items));
}

export const actions: Actions = {
	/** Records one update (acknowledged, fee estimate, …) without JavaScript. */
	event: async ({ locals, params, request: http }) => {
		const request = await requestFor(locals, params.id);
		const values = formValues(await http.formData());
		const type = values.type;
		const id = values.id ?? '';
		if (!isUpdateEventType(type) || !UUID.test(id)) return fail(400, { form: 'event', type: type ?? '', values, errors: { type: 'tracking.error.type' } });
		const checked = checkEventForm(type, values as EventFormValues, { now: new Date(), sentAt: request.sentAt });
		if (!checked.ok) return fail(400, { form: 'event', type, values, errors: checked.errors });
		try {
			await writeEvent(locals, request, eventRow(request, id, checked.event));
		} catch (e) {
			return fail(400, { form: 'event', type, values, errors: { form: 'tracking.error.refused' }, message: (e as Error).message });
		}
		redirect(303, `/app/requests/${request.id}?saved=${type}#timeline`);
	},

	/** Corrects (or retracts) an event with a correction event; the event itself is never rewritten. */
	correct: async ({ locals, params, request: http }) => {
		const request = await requestFor(locals, params.id);
		const values = formValues(await http.formData());
		const { id = '', target = '', type } = values;
		if (!isUpdateEventType(type) || !UUID.test(id) || !UUID.test(target)) return fail(400, { form: 'correct', type: type ?? '', values, errors: { type: 'tracking.error.type' } });
		const retracted = values.retracted === 'on';
		const checked = retracted ? null : checkEventForm(type, values as EventFormValues, { now: new Date(), sentAt: request.sentAt });
		if (checked && !checked.ok) return fail(400, { form: 'correct', type, target, values, errors: checked.errors });
		const row = correctionRow(request, id, { id: target }, { retracted, reason: values.reason ?? '', ...(checked?.ok ? { event: checked.event } : {}) }, new Date());
		try {
			await writeEvent(locals, request, row);
		} catch (e) {
			return fail(400, { form: 'correct', type, target, values, errors: { form: 'tracking.error.refused' }, message: (e as Error).message });
		}
		redirect(303, `/app/requests/${request.id}?saved=correction#timeline`);
	},

	/** Records a disclosure finding without JavaScript. */
	finding: async ({ locals, params, request: http }) => {
		const request = await requestFor(locals, params.id);
		const form = await http.formData();
		const values = formValues(form);
		const id = values.id ?? '';
		const tracking = await trackingData(locals.supabase, request);
		const checked = checkFindingForm(
			{ ...values, categories: form.getAll('categories').filter((c): c is string => typeof c === 'string') },
			{ id, requestId: request.id, organisationId: request.organisationId, attachmentIds: tracking.attachments.map((a) => a.id) }
		);
		const echoed = { ...values, categories: form.getAll('categories').join(',') };
		if (!UUID.test(id)) return fail(400, { form: 'finding', values: echoed, errors: { form: 'tracking.error.type' } });
		if (!checked.ok) return fail(400, { form: 'finding', values: echoed, errors: checked.errors });
		try {
			await saveFinding(locals.supabase, checked.row);
		} catch (e) {
			return fail(400, { form: 'finding', values: echoed, errors: { form: 'tracking.error.refused' }, message: (e as Error).message });
		}
		redirect(303, `/app/requests/${request.id}?saved=finding#findings`);
	}
};
