import { describe, expect, it } from 'vitest';
import { bulkDoneHref, readBulkChoice, readBulkDone } from './bulk-publish';

const a = '6f1f2f8e-3a59-4c1e-9d55-0b0c7a1f0a01';
const b = '6f1f2f8e-3a59-4c1e-9d55-0b0c7a1f0a02';

function form(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [key, value] of entries) data.append(key, value);
	return data;
}

describe('publishing several requests from the list', () => {
	it('reads the ticked requests (each once) and the button pressed', () => {
		expect(readBulkChoice(form([['ids', a], ['ids', b], ['ids', a], ['state', 'published']]))).toEqual({ ok: true, ids: [a, b], state: 'published' });
		expect(readBulkChoice(form([['ids', a], ['state', 'private']]))).toEqual({ ok: true, ids: [a], state: 'private' });
	});

	it('asks to tick at least one request, and ignores what is not a request id', () => {
		expect(readBulkChoice(form([['state', 'published']]))).toEqual({ ok: false, error: 'publishing.bulk.none', ids: [] });
		expect(readBulkChoice(form([['ids', 'not-an-id'], ['state', 'published']]))).toEqual({ ok: false, error: 'publishing.bulk.none', ids: [] });
	});

	it('refuses any other state (an embargo is set on the request page)', () => {
		expect(readBulkChoice(form([['ids', a], ['state', 'embargoed']]))).toEqual({ ok: false, error: 'publishing.error.choice', ids: [a] });
	});

	it('carries the result in the list URL, keeping its section and search', () => {
		const href = bulkDoneHref('/app/requests?section=closed&q=dmv', { state: 'published', changed: 2, chosen: 3 });
		expect(href).toBe('/app/requests?section=closed&q=dmv&bulk=published&changed=2&chosen=3');
		expect(readBulkDone(new URL(href, 'http://x'))).toEqual({ state: 'published', changed: 2, chosen: 3 });
		expect(bulkDoneHref('/app/requests', { state: 'private', changed: 0, chosen: 1 })).toBe('/app/requests?bulk=private&changed=0&chosen=1');
	});

	it('shows no result for a URL that does not carry one', () => {
		expect(readBulkDone(new URL('http://x/app/requests'))).toBeNull();
		expect(readBulkDone(new URL('http://x/app/requests?bulk=embargoed&changed=1&chosen=1'))).toBeNull();
		expect(readBulkDone(new URL('http://x/app/requests?bulk=published&changed=x&chosen=1'))).toBeNull();
	});
});
