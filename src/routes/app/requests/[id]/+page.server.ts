import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { publicPreviewFindings, setPublishState } from '$lib/data/publishing';
import { getRequest } from '$lib/data/requests';
import { deleteFinding, roleIn, saveEvent, saveFinding, timelineRows, trackingData, updateFinding, updateRequestRow, type TrackingData } from '$lib/data/timeline';
import { toColoradoLocalTime } from '$lib/cora';
import { checkPublishChoice, isCurrentState } from '$lib/publishing/publish-choice';
import { publicPreview } from '$lib/publishing/public-preview';
import { checkEventForm, isUpdateEventType, type EventFormValues } from '$lib/tracking/event-forms';
import { correctionRow, eventRow, requestRowUpdate, type EventRow } from '$lib/tracking/event-rows';
import { checkFindingForm, findingChanges, type FindingContext } from '$lib/tracking/finding-form';
import { checkSentCorrection, type RowBefore } from '$lib/tracking/sent-correction';
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
	if (!request || !locals.user) return { id: params.id, request: null, tracking: null, preview: null, canEdit: false, formId: randomUUID() };
	const [tracking, role, previewFindings] = await Promise.all([
		trackingData(locals.supabase, request),
		roleIn(locals.supabase, request.organisationId, locals.user.id),
		publicPreviewFindings(locals.supabase, request.id)
	]);
	return { id: params.id, request, tracking, preview: publicPreview(previewFindings), canEdit: role === 'owner' || role === 'editor', formId: randomUUID() };
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

/** The row as it was before this write: what a corrected send changes on it (sent-correction.ts). */
function rowBefore(request: Awaited<ReturnType<typeof requestFor>>): RowBefore {
	const { sentAt, receivedAt, dueOn, regime, deliveryChannel, trackingNumber } = request;
	return { sentAt, receivedAt, dueOn, regime, deliveryChannel, trackingNumber };
}

/** After an event: the request row's status and dates (and a corrected send), as the engine derives them from the whole timeline. */
async function writeEvent(locals: App.Locals, request: Awaited<ReturnType<typeof requestFor>>, row: EventRow): Promise<void> {
	await saveEvent(locals.supabase, row);
	const items = mergeTimeline(await timelineRows(locals.supabase, request.id), []);
	await updateRequestRow(locals.supabase, request.id, requestRowUpdate(trackedState(items, request), items, rowBefore(request)));
}

/** The kinds of data ticked (a list), and the form as posted to echo back with categories as one text. */
function findingValues(form: FormData) {
	const values = formValues(form);
	const categories = form.getAll('categories').filter((c): c is string => typeof c === 'string');
	return { values, categories, echoed: { ...values, categories: categories.join(',') } };
}

/** What a finding of this request may cite and come from: its documents and its standing releases. */
function findingContext(request: Awaited<ReturnType<typeof requestFor>>, tracking: TrackingData, id: string): FindingContext {
	return {
		id,
		requestId: request.id,
		organisationId: request.organisationId,
		attachmentIds: tracking.attachments.map((a) => a.id),
		releaseIds: tracking.timeline.flatMap((row) => (row.type === 'records_released' && !row.retracted && row.id ? [row.id] : []))
	};
}

export const actions: Actions = {
	/**
	 * Publishes the request, embargoes it or makes it private, without JavaScript: the first post asks
	 * (confirm), "Yes" posts again with confirm=yes, "Change my choice" (confirm=back) shows the choice again.
	 */
	publish: async ({ locals, params, request: http }) => {
		const request = await requestFor(locals, params.id);
		const values = formValues(await http.formData());
		const shown = { state: values.state ?? '', embargoed_until: values.embargoed_until ?? '' };
		if (values.confirm === 'back') return { form: 'publish' as const, values: shown, confirm: false };
		const checked = checkPublishChoice(values, toColoradoLocalTime(new Date().toISOString()).date);
		if (!checked.ok) return fail(400, { form: 'publish' as const, values: shown, errors: checked.errors });
		if (isCurrentState(checked.choice, request)) return { form: 'publish' as const, values: shown, unchanged: true };
		if (values.confirm !== 'yes') return { form: 'publish' as const, values: shown, confirm: true };
		const outcome = await setPublishState(locals.supabase, [request.id], checked.choice);
		if (!outcome.ok) {
			const errors =
				outcome.reason === 'notFuture'
					? { embargoed_until: 'publishing.embargo.error.notFuture' as const }
					: { form: outcome.reason === 'refused' ? ('publishing.error.refused' as const) : ('publishing.error.failed' as const) };
			return fail(outcome.reason === 'refused' ? 403 : 400, { form: 'publish' as const, values: shown, errors, message: outcome.message });
		}
		redirect(303, `/app/requests/${request.id}?saved=publish#publishing`);
	},

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

	/** Corrects when and how the request was sent, without JavaScript: a correction of its 'sent' event; the due date follows. */
	correctSent: async ({ locals, params, request: http }) => {
		const request = await requestFor(locals, params.id);
		const values = formValues(await http.formData());
		const { id = '', target = '' } = values;
		const items = mergeTimeline(await timelineRows(locals.supabase, request.id), []);
		const sent = items.find((item) => item.id === target && item.type === 'sent' && !item.retracted);
		if (!UUID.test(id) || !sent) return fail(400, { form: 'correctSent', target, values, errors: { form: 'tracking.error.type' } });
		const checked = checkSentCorrection(sent, values, { regime: request.regime, now: new Date(), items, request });
		if (!checked.ok) return fail(400, { form: 'correctSent', target, values, errors: checked.errors });
		try {
			await writeEvent(locals, request, correctionRow(request, id, sent, checked.correction, new Date()));
		} catch (e) {
			return fail(400, { form: 'correctSent', target, values, errors: { form: 'tracking.error.refused' }, message: (e as Error).message });
		}
		redirect(303, `/app/requests/${request.id}?saved=sentCorrection#timeline`);
	},

	/** Records a disclosure finding from a release (event_id) without JavaScript. */
	finding: async ({ locals, params, request: http }) => {
		const request = await requestFor(locals, params.id);
		const { values, categories, echoed } = findingValues(await http.formData());
		const id = values.id ?? '';
		const target = values.event_id ?? '';
		if (!UUID.test(id)) return fail(400, { form: 'finding', target, values: echoed, errors: { form: 'tracking.finding.error.unreadable' } });
		const tracking = await trackingData(locals.supabase, request);
		const checked = checkFindingForm({ ...values, categories }, findingContext(request, tracking, id));
		if (!checked.ok) return fail(400, { form: 'finding', target, values: echoed, errors: checked.errors });
		try {
			await saveFinding(locals.supabase, checked.row);
		} catch (e) {
			return fail(400, { form: 'finding', target, values: echoed, errors: { form: 'tracking.finding.error.refused' }, message: (e as Error).message });
		}
		redirect(303, `/app/requests/${request.id}?saved=finding#findings`);
	},

	/** Edits a finding without JavaScript: the same checks; its request and release stay. */
	editFinding: async ({ locals, params, request: http }) => {
		const request = await requestFor(locals, params.id);
		const { values, categories, echoed } = findingValues(await http.formData());
		const target = values.id ?? '';
		const tracking = await trackingData(locals.supabase, request);
		if (!UUID.test(target) || !tracking.findings.some((f) => f.id === target)) {
			return fail(400, { form: 'editFinding', target, values: echoed, errors: { form: 'tracking.finding.error.unreadable' } });
		}
		const checked = checkFindingForm({ ...values, event_id: undefined, categories }, findingContext(request, tracking, target));
		if (!checked.ok) return fail(400, { form: 'editFinding', target, values: echoed, errors: checked.errors });
		try {
			await updateFinding(locals.supabase, target, findingChanges(checked.row));
		} catch (e) {
			return fail(400, { form: 'editFinding', target, values: echoed, errors: { form: 'tracking.finding.error.refused' }, message: (e as Error).message });
		}
		redirect(303, `/app/requests/${request.id}?saved=findingEdited#finding-${target}`);
	},

	/** Deletes a finding without JavaScript: the first post asks (confirm), the second (confirm=yes) deletes. */
	deleteFinding: async ({ locals, params, request: http }) => {
		const request = await requestFor(locals, params.id);
		const values = formValues(await http.formData());
		const target = values.id ?? '';
		if (!UUID.test(target)) return fail(400, { form: 'deleteFinding', target, confirm: false, message: 'No finding was named.' });
		if (values.confirm !== 'yes') return { form: 'deleteFinding', target, confirm: true };
		const tracking = await trackingData(locals.supabase, request);
		// Already gone (a second press, or another device): nothing left to do.
		if (tracking.findings.some((f) => f.id === target)) {
			try {
				await deleteFinding(locals.supabase, target);
			} catch (e) {
				return fail(400, { form: 'deleteFinding', target, confirm: false, message: (e as Error).message });
			}
		}
		redirect(303, `/app/requests/${request.id}?saved=findingDeleted#findings`);
	}
};
