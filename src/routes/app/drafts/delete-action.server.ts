/**
 * The "delete a draft" form action without JavaScript, shared by the drafts
 * list and the composer: the first post answers with the question, the
 * second (confirm=yes) deletes on the server and goes back to the drafts.
 * (With JavaScript the page deletes on the device and syncs through the outbox.)
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { DeletionProblem } from '$lib/components/compose/deletion-problem';
import { deleteServerDraft } from '$lib/data/drafts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function deleteDraftAction({ request, locals }: Pick<RequestEvent, 'request' | 'locals'>) {
	const form = await request.formData();
	const id = String(form.get('draftId') ?? '');
	if (!UUID.test(id)) return fail(400, { deletion: { id: '', problem: 'missing' as DeletionProblem | null, message: '' } });
	if (form.get('confirm') !== 'yes') return { deletion: { id, problem: null as DeletionProblem | null, message: '' } };
	const result = await deleteServerDraft(locals.supabase, id);
	if (result.outcome === 'deleted') redirect(303, '/app/drafts?deleted');
	const problem: DeletionProblem = result.outcome;
	const status = result.outcome === 'refused' ? 403 : result.outcome === 'filed' ? 409 : 500;
	return fail(status, { deletion: { id, problem: problem as DeletionProblem | null, message: result.outcome === 'failed' ? result.message : '' } });
}
