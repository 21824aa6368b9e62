/**
 * How an outbox entry reaches the server. `drain` only knows the
 * `OutboxTransport` interface; `supabaseTransport` is the real one, built on
 * supabase-js, and says which failures are worth retrying.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { OutboxEntry } from './db-schema';

/** network: try again later; auth: the session is gone, sign in again; rejected: the server refused this change. */
export type SendFailure = 'network' | 'auth' | 'rejected';

export type SendResult = { ok: true } | { ok: false; failure: SendFailure; message: string; code?: string };

export interface OutboxTransport {
	send(entry: OutboxEntry): Promise<SendResult>;
	/**
	 * Optional: send a run of consecutive creations (`upsert`) of one table, all with the same payload keys, in one
	 * request, all or nothing. `drain` only hands it runs of at least two entries; when the answer is `rejected`
	 * it sends the run again one entry at a time, to find the entry the server refuses.
	 */
	sendBatch?(entries: OutboxEntry[]): Promise<SendResult>;
}

/** What supabase-js returns for a write: the HTTP status (0 when the request never got an answer) and the error. */
export interface SupabaseWriteResponse {
	status: number;
	error: { message: string; code?: string | null } | null;
}

/** Codes and statuses that mean "no answer, or a gateway that may answer later". */
const TRANSIENT_STATUSES = new Set([0, 408, 429, 502, 503, 504]);
/** PostgREST's JWT errors: missing, invalid or expired token. */
const AUTH_CODES = new Set(['PGRST300', 'PGRST301', 'PGRST302', 'PGRST303']);

export const NOT_FOUND_CODE = 'not_found';

export function classifySupabaseResponse(response: SupabaseWriteResponse): SendResult {
	const { status, error } = response;
	if (!error) return { ok: true };
	const code = error.code || undefined;
	const failure: SendFailure =
		status === 401 || (code !== undefined && AUTH_CODES.has(code)) || /jwt expired/i.test(error.message)
			? 'auth'
			: TRANSIENT_STATUSES.has(status)
				? 'network'
				: 'rejected';
	return { ok: false, failure, message: error.message, code };
}

type Filters = NonNullable<OutboxEntry['match']>;

/** Equality filters, with `is null` for nulls (PostgREST's `eq.null` would compare with the text "null"). */
function withFilters<Q extends { eq(column: string, value: unknown): Q; is(column: string, value: null): Q }>(query: Q, filters: Filters | undefined): Q {
	let filtered = query;
	for (const [column, value] of Object.entries(filters ?? {})) {
		filtered = value === null ? filtered.is(column, null) : filtered.eq(column, value);
	}
	return filtered;
}

/** The supabase-js transport. `timeoutMs` bounds each request so poor signal cannot hang a drain. */
export function supabaseTransport(client: SupabaseClient, { timeoutMs = 20_000 } = {}): OutboxTransport {
	return {
		async sendBatch(entries) {
			const [first] = entries;
			if (!first) return { ok: true };
			if (entries.some((entry) => entry.operation !== 'upsert' || entry.table !== first.table)) {
				throw new Error('sendBatch takes creations (upsert) of one table only');
			}
			// Same rule as one creation: a replay never duplicates and never overwrites. `drain` groups rows with the same
			// keys only, so PostgREST's `columns` never lists a key some row lacks (it would write NULL over a default).
			const rows = entries.map((entry) => ({ ...entry.payload, id: entry.id }));
			const signal = AbortSignal.timeout(timeoutMs);
			return classifySupabaseResponse(await client.from(first.table).upsert(rows, { onConflict: 'id', ignoreDuplicates: true }).abortSignal(signal));
		},
		async send(entry) {
			const signal = AbortSignal.timeout(timeoutMs);
			const table = () => client.from(entry.table);
			switch (entry.operation) {
				case 'upsert': {
					// A creation: replaying it after a lost answer must not duplicate or overwrite the row.
					const row = { ...entry.payload, id: entry.id };
					return classifySupabaseResponse(await table().upsert(row, { onConflict: 'id', ignoreDuplicates: true }).abortSignal(signal));
				}
				case 'update': {
					const response = await withFilters(table().update(entry.payload).eq('id', entry.id), entry.match).select('id').abortSignal(signal);
					const result = classifySupabaseResponse(response);
					if (result.ok && (response.data ?? []).length === 0) {
						return { ok: false, failure: 'rejected', code: NOT_FOUND_CODE, message: 'No row was changed: it does not exist, it changed meanwhile, or you may no longer edit it.' };
					}
					return result;
				}
				case 'delete':
					// Deleting a row that is already gone is a success: the replay of a delete whose answer was lost.
					return classifySupabaseResponse(await withFilters(table().delete().eq('id', entry.id), entry.match).abortSignal(signal));
				case 'rpc':
					return classifySupabaseResponse(await client.rpc(entry.table, entry.payload).abortSignal(signal));
			}
		}
	};
}
