import { describe, expect, it } from 'vitest';
import { writeCalendar, type CalendarSpec } from './icalendar';
import { dueDateEvents } from './due-date-events';

const stamp = new Date('2025-03-01T12:00:00Z');
const base: CalendarSpec = { productId: '-//Disclose//Calendar feed//EN', name: 'Disclose — Alpha', stamp, events: [] };

function unfold(text: string): string[] {
	return text.replace(/\r\n /g, '').split('\r\n');
}

describe('writing a calendar', () => {
	it('writes a valid empty calendar with its name, CRLF line ends and a final CRLF', () => {
		const text = writeCalendar(base);
		expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
		expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		expect(unfold(text)).toContain('X-WR-CALNAME:Disclose — Alpha');
		expect(text).not.toContain('BEGIN:VEVENT');
		expect(text).not.toContain('VTIMEZONE');
	});

	it('writes all-day events with DATE values, an exclusive end, a stable UID and a UTC stamp', () => {
		const text = writeCalendar({ ...base, events: [{ uid: 'r1-due@disclose.test', date: '2025-12-31', summary: 'Due' }] });
		const lines = unfold(text);
		expect(lines).toEqual(
			expect.arrayContaining([
				'UID:r1-due@disclose.test',
				'DTSTAMP:20250301T120000Z',
				'DTSTART;VALUE=DATE:20251231',
				'DTEND;VALUE=DATE:20260101',
				'SUMMARY:Due'
			])
		);
		expect(writeCalendar({ ...base, events: [{ uid: 'r1-due@disclose.test', date: '2025-12-31', summary: 'Due' }] })).toBe(text);
	});

	it('escapes summaries and descriptions and folds long lines', () => {
		const text = writeCalendar({
			...base,
			name: 'Alpha; Beta, Gamma',
			events: [
				{
					uid: 'x@y',
					date: '2025-03-06',
					summary: 'Due: Colorado Department of Labor and Employment — Subpoenas, detainers; and “holds” from 2025 onward',
					description: 'Status: Sent\nhttps://disclose.test/app/requests/x',
					url: 'https://disclose.test/app/requests/x'
				}
			]
		});
		for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		const lines = unfold(text);
		expect(lines).toContain('X-WR-CALNAME:Alpha\\; Beta\\, Gamma');
		expect(lines).toContain(
			'SUMMARY:Due: Colorado Department of Labor and Employment — Subpoenas\\, detainers\\; and “holds” from 2025 onward'
		);
		expect(lines).toContain('DESCRIPTION:Status: Sent\\nhttps://disclose.test/app/requests/x');
		expect(lines).toContain('URL;VALUE=URI:https://disclose.test/app/requests/x');
	});

	it('refuses an event whose date is not an ISO date', () => {
		expect(() => writeCalendar({ ...base, events: [{ uid: 'u', date: 'tomorrow', summary: 's' }] })).toThrow(RangeError);
	});
});

describe('due-date events of requests', () => {
	const options = {
		requestUrl: (id: string) => `https://disclose.test/app/requests/${id}`,
		uidDomain: 'disclose.test',
		words: {
			due: ({ agency, title }: { agency: string; title: string }) => `Due: ${agency} — ${title}`,
			extendedDue: ({ agency, title }: { agency: string; title: string }) => `Extended due: ${agency} — ${title}`,
			description: ({ status, url }: { status: string; url: string }) => `Status: ${status}\n${url}`
		}
	};

	it('makes one event on the due date and one on the extended due date, with UIDs that never change', () => {
		const events = dueDateEvents(
			[{ id: 'r1', title: 'Holds', agency: 'CDLE', statusLabel: 'Extended', dueOn: '2025-04-04', extendedDueOn: '2025-04-15' }],
			options
		);
		expect(events).toEqual([
			{ uid: 'r1-due@disclose.test', date: '2025-04-04', summary: 'Due: CDLE — Holds', description: 'Status: Extended\nhttps://disclose.test/app/requests/r1', url: 'https://disclose.test/app/requests/r1' },
			{ uid: 'r1-extended-due@disclose.test', date: '2025-04-15', summary: 'Extended due: CDLE — Holds', description: 'Status: Extended\nhttps://disclose.test/app/requests/r1', url: 'https://disclose.test/app/requests/r1' }
		]);
	});

	it('makes no event for a date the request does not have', () => {
		expect(dueDateEvents([{ id: 'r2', title: 't', agency: 'a', statusLabel: 's', dueOn: null, extendedDueOn: null }], options)).toEqual([]);
		expect(dueDateEvents([{ id: 'r3', title: 't', agency: 'a', statusLabel: 's', dueOn: '2025-01-02', extendedDueOn: null }], options)).toHaveLength(1);
	});
});
