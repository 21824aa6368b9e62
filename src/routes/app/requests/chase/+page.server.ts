import { randomUUID } from 'node:crypto';
import { fail } from '@sveltejs/kit';
import { toColoradoLocalTime } from '$lib/cora';
import { classifyRequest, dueSoonHorizon } from '$lib/caseload/classify-request';
import { shortDate } from '$lib/caseload/due-words';
import { followUpLetter } from '$lib/caseload/follow-up-letter';
import { agencyAddress } from '$lib/filing/agency-letter';
import { agencyChannels, draftSigners, listCaseload, saveFollowUpNote, type CaseloadListRow } from '$lib/data/requests';
import type { AgencyChannel } from '$lib/filing/types';
import { translate } from '$lib/i18n/translate';
import type { Actions, PageServerLoad } from './$types';

/** Most letters one page prepares; the rest follow once these are chased. */
const CHASE_LIMIT = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function channelsFor(supabase: App.Locals['supabase'], rows: CaseloadListRow[]): Promise<Map<string, AgencyChannel>> {
	const byOrg = new Map<string, string[]>();
	for (const row of rows) byOrg.set(row.organisationId, [...(byOrg.get(row.organisationId) ?? []), row.agencyId]);
	const found = await Promise.all([...byOrg].map(async ([org, ids]) => (await agencyChannels(supabase, org, ids)).map((c) => [`${org}:${c.id}`, c] as const)));
	return new Map(found.flat());
}

/**
 * Every overdue request with its follow-up letter, pre-filled with the missed
 * date. `name` / `contact` in the URL sign every letter (a GET form); else
 * each request's own draft signer is used.
 */
export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const { organisations } = await parent();
	const org = url.searchParams.get('org');
	const organisationIds = org && organisations.some((o) => o.id === org) ? [org] : organisations.map((o) => o.id);
	const today = toColoradoLocalTime(new Date().toISOString()).date;
	const horizon = dueSoonHorizon(today);
	const signer = { name: url.searchParams.get('name')?.trim() ?? '', contact: url.searchParams.get('contact')?.trim() ?? '' };
	const page = await listCaseload(locals.supabase, { filter: 'overdue', search: '', organisationIds, page: 1, pageSize: CHASE_LIMIT, today, horizon });
	const [channels, signers] = await Promise.all([
		channelsFor(locals.supabase, page.rows),
		draftSigners(locals.supabase, page.rows.flatMap((r) => (r.batchId ? [r.batchId] : [])))
	]);
	const letters = page.rows.flatMap((row) => {
		const { dueDate, section } = classifyRequest(
			{ status: row.status, regime: row.regime, due_on: row.dueOn, extended_due_on: row.extendedDueOn, closed_at: row.closedAt },
			today,
			horizon
		);
		if (section !== 'overdue' || dueDate === null) return [];
		const channel = channels.get(`${row.organisationId}:${row.agencyId}`);
		const fromDraft = row.batchId ? signers[row.batchId] : undefined;
		const { letter, mailto } = followUpLetter({
			agencyName: channel?.name ?? row.agencyName,
			agencyAddress: channel ? agencyAddress(channel) : null,
			requestEmail: channel?.requestEmail ?? null,
			title: row.title,
			sentAt: row.sentAt,
			trackingNumber: row.trackingNumber,
			missedDeadline: dueDate,
			requesterName: signer.name || fromDraft?.name || '',
			requesterContact: signer.contact || fromDraft?.contact || '',
			requesterOrganization: fromDraft?.organization ?? null,
			today
		});
		return [
			{
				id: row.id,
				organisationId: row.organisationId,
				agencyName: channel?.name ?? row.agencyName,
				title: row.title,
				missed: shortDate(dueDate, locals.locale),
				note: translate(locals.locale, 'caseload.chase.note', { date: shortDate(dueDate, locals.locale) }),
				letter: letter.ok ? { subject: letter.subject, text: letter.text } : null,
				mailto,
				// The follow-up note's id, made here so a resubmitted form adds nothing.
				eventId: randomUUID()
			}
		];
	});
	return { letters, total: page.total, signer, org: organisationIds.length === 1 ? organisationIds[0]! : null };
};

export const actions: Actions = {
	/** Record that a follow-up was sent: a `note` event on the request's timeline. */
	record: async ({ locals, request }) => {
		const form = await request.formData();
		const value = (key: string) => String(form.get(key) ?? '');
		const note = { id: value('eventId'), requestId: value('requestId'), organisationId: value('organisationId'), text: value('note').trim() };
		if (![note.id, note.requestId, note.organisationId].every((v) => UUID.test(v)) || !note.text) {
			return fail(400, { recordedId: null, failedId: note.requestId, error: 'invalid' });
		}
		try {
			await saveFollowUpNote(locals.supabase, note);
		} catch (e) {
			return fail(400, { recordedId: null, failedId: note.requestId, error: (e as Error).message });
		}
		return { recordedId: note.requestId, failedId: null, error: null };
	}
};
