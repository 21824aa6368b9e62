/**
 * Typed supabase-js calls for publishing requests: set_publish_state (one
 * request or many, all or nothing) and the findings a request would make
 * count publicly. The same functions serve the server (locals.supabase) and
 * the browser client.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { PublishChoice } from '$lib/publishing/publish-choice';
import type { PreviewFinding } from '$lib/publishing/public-preview';

type Client = SupabaseClient<Database>;

/** The database function the request page, the request list and the offline outbox call. */
export const SET_PUBLISH_STATE = 'set_publish_state';

/** refused: some request is not the caller's to change (nothing changed); notFuture: the embargo date has come; failed: anything else. */
export type PublishRefusal = 'refused' | 'notFuture' | 'failed';

export type PublishOutcome =
	| { ok: true; changed: number }
	| { ok: false; reason: PublishRefusal; refused: number; requested: number; message: string };

/** The arguments of set_publish_state, as an outbox entry stores them too. */
export function publishArguments(requestIds: readonly string[], choice: PublishChoice) {
	return { p_request_ids: [...requestIds], p_state: choice.state, ...(choice.embargoedUntil ? { p_embargoed_until: choice.embargoedUntil } : {}) };
}

function refusedCounts(details: string | undefined, requested: number): { refused: number; requested: number } {
	try {
		const parsed = JSON.parse(details ?? '') as { refused?: unknown; requested?: unknown };
		if (typeof parsed.refused === 'number' && typeof parsed.requested === 'number') return { refused: parsed.refused, requested: parsed.requested };
	} catch {
		// Not the function's own refusal (e.g. no permission to call it at all): count every request as refused.
	}
	return { refused: requested, requested };
}

/** Sets the publish state of the requests; a refusal comes back as an outcome (never half done: the function is all or nothing). */
export async function setPublishState(supabase: Client, requestIds: readonly string[], choice: PublishChoice): Promise<PublishOutcome> {
	const { data, error } = await supabase.rpc(SET_PUBLISH_STATE, publishArguments(requestIds, choice));
	if (!error) return { ok: true, changed: data ?? 0 };
	const requested = new Set(requestIds).size;
	if (error.code === '42501') return { ok: false, reason: 'refused', ...refusedCounts(error.details, requested), message: error.message };
	if (error.code === '23514') return { ok: false, reason: 'notFuture', refused: requested, requested, message: error.message };
	return { ok: false, reason: 'failed', refused: requested, requested, message: error.message };
}

/** The request's findings as the public counts would see them (the sharing agency by its directory name). */
export async function publicPreviewFindings(supabase: Client, requestId: string): Promise<PreviewFinding[]> {
	const { data, error } = await supabase
		.from('disclosure_findings')
		.select('data_categories, people_count, records_count, legal_process, recipient, period_start, period_end, agency:agencies(name)')
		.eq('request_id', requestId);
	if (error) throw new Error(error.message);
	return (data ?? []).map((row) => ({
		agencyName: row.agency?.name ?? '',
		dataCategories: row.data_categories,
		peopleCount: row.people_count,
		recordsCount: row.records_count,
		legalProcess: row.legal_process,
		recipient: row.recipient,
		periodStart: row.period_start,
		periodEnd: row.period_end
	}));
}
