/**
 * Publishing several requests from the request list: which requests were
 * ticked and what to do with them (publish now, or make private), and the
 * result carried in the list's URL after the redirect (`bulk`, `changed`,
 * `chosen`), so the message survives without JavaScript. Pure.
 */
export type BulkState = 'published' | 'private';

export interface BulkDone {
	state: BulkState;
	changed: number;
	chosen: number;
}

export type BulkChoice = { ok: true; ids: string[]; state: BulkState } | { ok: false; error: 'publishing.bulk.none' | 'publishing.error.choice'; ids: string[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isBulkState = (value: unknown): value is BulkState => value === 'published' || value === 'private';

/** The ticked ids (`ids`, each once) and the button pressed (`state`). */
export function readBulkChoice(form: FormData): BulkChoice {
	const ids = [...new Set(form.getAll('ids').filter((id): id is string => typeof id === 'string' && UUID.test(id)))];
	const state = form.get('state');
	if (!isBulkState(state)) return { ok: false, error: 'publishing.error.choice', ids };
	if (ids.length === 0) return { ok: false, error: 'publishing.bulk.none', ids };
	return { ok: true, ids, state };
}

/** The list URL (as listHref gives it) with the result added. */
export function bulkDoneHref(listUrl: string, done: BulkDone): string {
	const result = new URLSearchParams({ bulk: done.state, changed: String(done.changed), chosen: String(done.chosen) });
	return `${listUrl}${listUrl.includes('?') ? '&' : '?'}${result}`;
}

export function readBulkDone(url: URL): BulkDone | null {
	const state = url.searchParams.get('bulk');
	const changed = Number(url.searchParams.get('changed'));
	const chosen = Number(url.searchParams.get('chosen'));
	if (!isBulkState(state) || !Number.isInteger(changed) || !Number.isInteger(chosen) || changed < 0 || chosen < 1) return null;
	return { state, changed, chosen };
}
