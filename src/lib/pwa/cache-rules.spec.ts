import { describe, expect, it } from 'vitest';
import { changesWhoIsSignedIn, isAgencyDirectoryRead, isStorablePageData, isStorablePageLoad, type RequestFacts } from './cache-rules';

const origin = 'https://disclose.example';
const supabase = 'https://abcd.supabase.co';

function request(href: string, method = 'GET', mode = 'cors'): RequestFacts {
	return { url: new URL(href, origin), method, mode };
}
const pageLoad = (path: string, method = 'GET') => request(path, method, 'navigate');

describe('pages kept for offline use', () => {
	it('keeps page loads the user opened, signed in or not', () => {
		for (const path of ['/', '/login', '/app', '/app/requests/123?tab=letters']) {
			expect(isStorablePageLoad(pageLoad(path), origin), path).toBe(true);
		}
	});

	it('keeps the data of client-side navigations to those pages', () => {
		expect(isStorablePageData(request('/app/__data.json?x-sveltekit-invalidated=01'), origin)).toBe(true);
		expect(isStorablePageData(request('/__data.json?x-sveltekit-invalidated=1'), origin)).toBe(true);
	});

	it('never keeps sign-in links, sign-out, the language switch, the dev mailbox or API answers opened as pages', () => {
		for (const path of ['/auth/confirm?token_hash=abc&type=email', '/auth/v1/verify?token=abc', '/logout', '/lang', '/dev/mailbox', '/rest/v1/records_requests', '/storage/v1/object/a.pdf']) {
			expect(isStorablePageLoad(pageLoad(path), origin), path).toBe(false);
		}
		expect(isStorablePageData(request('/dev/mailbox/__data.json'), origin)).toBe(false);
	});

	it('never keeps calendar feeds, invitation links or an organisation export', () => {
		for (const path of ['/calendar/abc.ics', '/invitations/accept?token=x', '/app/orgs/42/export', '/app/orgs/42/export/requests.csv']) {
			expect(isStorablePageLoad(pageLoad(path), origin), path).toBe(false);
		}
		expect(isStorablePageLoad(pageLoad('/app/orgs/42/feeds'), origin)).toBe(true);
	});

	it('never keeps form posts, other origins or non-page requests', () => {
		expect(isStorablePageLoad(pageLoad('/app', 'POST'), origin)).toBe(false);
		expect(isStorablePageLoad({ url: new URL('/app', 'https://elsewhere.example'), method: 'GET', mode: 'navigate' }, origin)).toBe(false);
		expect(isStorablePageLoad(request('/app'), origin)).toBe(false);
		expect(isStorablePageData(request('/app/__data.json', 'POST'), origin)).toBe(false);
	});

	it('does not treat a path that merely starts like a blocked one as blocked', () => {
		expect(isStorablePageLoad(pageLoad('/languages'), origin)).toBe(true);
		expect(isStorablePageLoad(pageLoad('/lang'), origin)).toBe(false);
	});
});

describe('agency directory', () => {
	it('keeps GET reads of /rest/v1/agencies, with any query, on our origin or the Supabase project', () => {
		expect(isAgencyDirectoryRead(request('/rest/v1/agencies?select=*&order=name.asc'))).toBe(true);
		expect(isAgencyDirectoryRead(request(`${supabase}/rest/v1/agencies?select=id,name`))).toBe(true);
	});

	it('never keeps writes, other tables, auth or storage', () => {
		expect(isAgencyDirectoryRead(request('/rest/v1/agencies', 'POST'))).toBe(false);
		expect(isAgencyDirectoryRead(request('/rest/v1/agencies?id=eq.1', 'PATCH'))).toBe(false);
		for (const path of ['/rest/v1/agency_overrides', '/rest/v1/organisation_agencies', '/rest/v1/records_requests', '/auth/v1/user', '/storage/v1/object/attachments/a.pdf']) {
			expect(isAgencyDirectoryRead(request(path)), path).toBe(false);
		}
	});
});

describe('who is signed in', () => {
	it('changes on sign-in, sign-out and opening a sign-in link', () => {
		expect(changesWhoIsSignedIn(pageLoad('/logout', 'POST'), origin)).toBe(true);
		expect(changesWhoIsSignedIn(pageLoad('/login?/password', 'POST'), origin)).toBe(true);
		expect(changesWhoIsSignedIn(pageLoad('/auth/confirm?token_hash=abc'), origin)).toBe(true);
	});

	it('does not change on reading pages', () => {
		expect(changesWhoIsSignedIn(pageLoad('/login'), origin)).toBe(false);
		expect(changesWhoIsSignedIn(pageLoad('/app'), origin)).toBe(false);
		expect(changesWhoIsSignedIn({ url: new URL('/logout', supabase), method: 'POST', mode: 'cors' }, origin)).toBe(false);
	});
});
