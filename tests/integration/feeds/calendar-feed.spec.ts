/**
 * The private calendar feed end to end: feed links made and revoked through
 * the real API, the feed read with the anon key as /calendar/<token>.ics does,
 * and the .ics it produces read back by a maintained iCalendar parser (ical.js).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import ICAL from 'ical.js';
import { startTestStack, type TestStack } from '../../support/stack';
import { createFeed, listMyFeeds, readCalendarFeed, revokeFeed } from '../../../src/lib/data/feeds';
import { feedCalendar } from '../../../src/lib/calendar/feed-calendar';
import { createFeedFixture, type Client, type FeedFixture } from './fixture';

describe('calendar feeds', () => {
	let t: TestStack;
	let f: FeedFixture;
	let anon: Client;
	let ownerFeed: { feedId: string; token: string };

	beforeAll(async () => {
		t = await startTestStack();
		f = await createFeedFixture(t, 'feeds');
		anon = t.anon() as unknown as Client;
		ownerFeed = await createFeed(f.owner, f.orgA, 'Phone');
	});
	afterAll(async () => t?.close());

	it('a feed link carries 32 random bytes and only its owner sees it', async () => {
		expect(ownerFeed.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(Buffer.from(ownerFeed.token, 'base64url')).toHaveLength(32);
		expect((await listMyFeeds(f.owner, f.orgA)).map((feed) => feed.id)).toEqual([ownerFeed.feedId]);
		expect(await listMyFeeds(f.editor, f.orgA)).toEqual([]);
		expect(await listMyFeeds(f.outsider, f.orgA)).toEqual([]);
		const stored = await t.sql`select token_hash from public.calendar_feeds where id = ${ownerFeed.feedId}`;
		expect(stored[0]!.token_hash).not.toContain(ownerFeed.token);
	});

	it('anyone with the token gets the open requests of that organisation only, and no letter bodies', async () => {
		const feed = await readCalendarFeed(anon, ownerFeed.token);
		expect(feed?.organisation).toBe('Alpha Advocacy');
		expect(feed?.requests.map((r) => r.id)).toEqual([f.requests.open, f.requests.extended]);
		expect(feed?.requests[1]).toEqual({
			id: f.requests.extended,
			title: '=HYPERLINK("http://evil.test","x")',
			agency: f.agencyName,
			status: 'extended',
			dueOn: '2025-04-04',
			extendedDueOn: '2025-04-15'
		});
		const raw = await anon.rpc('calendar_feed', { token: ownerFeed.token });
		expect(JSON.stringify(raw.data)).not.toContain('Confidential letter body');
		expect(JSON.stringify(raw.data)).not.toContain('Beta request');
	});

	it('the .ics made from it parses with ical.js, with all-day events on the right dates', async () => {
		const feed = await readCalendarFeed(anon, ownerFeed.token);
		const text = feedCalendar(feed!, { locale: 'en', origin: 'https://disclose.test', stamp: new Date('2025-03-01T12:00:00Z') });
		for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);

		const calendar = new ICAL.Component(ICAL.parse(text));
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Disclose — Alpha Advocacy');
		expect(calendar.getFirstSubcomponent('vtimezone')).toBeNull();
		const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
		expect(
			events.map((event) => ({ uid: event.uid, start: event.startDate.toString(), allDay: event.startDate.isDate, end: event.endDate.toString(), summary: event.summary }))
		).toEqual([
			{ uid: `${f.requests.open}-due@disclose.test`, start: '2025-03-06', allDay: true, end: '2025-03-07', summary: `Due: ${f.agencyName} — ${f.trickyTitle}` },
			{ uid: `${f.requests.extended}-due@disclose.test`, start: '2025-04-04', allDay: true, end: '2025-04-05', summary: `Due: ${f.agencyName} — =HYPERLINK("http://evil.test","x")` },
			{ uid: `${f.requests.extended}-extended-due@disclose.test`, start: '2025-04-15', allDay: true, end: '2025-04-16', summary: `Extended due: ${f.agencyName} — =HYPERLINK("http://evil.test","x")` }
		]);
		expect(events[0]!.description).toBe(`Status: Sent\nOpen the request: https://disclose.test/app/requests/${f.requests.open}`);
		expect(events[0]!.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2025-03-01T12:00:00Z');
	});

	it('in Spanish too', async () => {
		const feed = await readCalendarFeed(anon, ownerFeed.token);
		const calendar = new ICAL.Component(ICAL.parse(feedCalendar(feed!, { locale: 'es', origin: 'https://disclose.test', stamp: new Date() })));
		const first = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
		expect(first.summary).toBe(`Vence: ${f.agencyName} — ${f.trickyTitle}`);
		expect(first.description).toContain('Estado: Enviada');
	});

	it('a random, malformed or other member’s token gives nothing, and notes nothing', async () => {
		expect(await readCalendarFeed(anon, randomBytes(32).toString('base64url'))).toBeNull();
		expect(await readCalendarFeed(anon, 'not-a-token')).toBeNull();
		const direct = await anon.rpc('calendar_feed', { token: 'x'.repeat(43) });
		expect(direct.error).toBeNull();
		expect(direct.data).toBeNull();
	});

	it('nobody else can revoke a member’s feed; its owner can, and then it gives nothing', async () => {
		expect(await revokeFeed(f.editor, f.orgA, ownerFeed.feedId)).toBe(false);
		expect(await revokeFeed(f.outsider, f.orgA, ownerFeed.feedId)).toBe(false);
		expect(await readCalendarFeed(anon, ownerFeed.token)).not.toBeNull();
		expect(await revokeFeed(f.owner, f.orgA, ownerFeed.feedId)).toBe(true);
		expect(await readCalendarFeed(anon, ownerFeed.token)).toBeNull();
		expect(await revokeFeed(f.owner, f.orgA, ownerFeed.feedId)).toBe(false);
		const [feed] = await listMyFeeds(f.owner, f.orgA);
		expect(feed?.revokedAt).not.toBeNull();
		expect(feed?.lastUsedAt).not.toBeNull();
	});

	it('a viewer may have a feed; anonymous visitors may not create one', async () => {
		const viewerFeed = await createFeed(f.viewer, f.orgA, null);
		expect((await readCalendarFeed(anon, viewerFeed.token))?.requests).toHaveLength(2);
		await expect(createFeed(anon, f.orgA, null)).rejects.toThrow(/permission denied/);
		await expect(createFeed(f.outsider, f.orgA, null)).rejects.toThrow('Only members of this organisation can create a calendar feed for it');
	});
});
