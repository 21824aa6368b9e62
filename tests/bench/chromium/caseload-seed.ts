/**
 * A large caseload seeded through the real stack: a new organisation created
 * by the signed-in user (`create_organisation` over /rest/v1, so RLS and the
 * request triggers run as in the app), then its requests posted in arrays.
 * The mix follows the server-side bench (`caseload-list.bench.spec.ts`):
 * due dates from 30 days ago to 30 days ahead, every status, some tags.
 */
import { expect, type Page } from '@playwright/test';
import { rest } from '../../e2e/support/rest';

const STATUSES = ['sent', 'acknowledged', 'extended', 'awaiting_payment', 'awaiting_clarification', 'partially_released', 'released', 'denied', 'closed'] as const;
const AGENCIES = ['CDOR', 'CDLE', 'CDPHE', 'CDHS', 'CDOC'] as const;
const CHUNK = 500;

/** Today's date in Colorado, shifted by `days` calendar days. */
function coloradoDate(days = 0): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Denver' }).format(new Date());
	const date = new Date(`${today}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** Creates an organisation owned by the page's user with `count` requests; returns its id. */
export async function seedCaseload(page: Page, name: string, count: number): Promise<string> {
	const organisation = await rest<{ id: string }>(page, '/rest/v1/rpc/create_organisation', { method: 'POST', body: { name } });
	const agencies = await rest<{ agency_id: string; abbreviation: string }[]>(
		page,
		`/rest/v1/organisation_agencies?select=agency_id,abbreviation&organisation_id=eq.${organisation.id}&abbreviation=in.(${AGENCIES.join(',')})`
	);
	expect(agencies.map((a) => a.abbreviation).sort()).toEqual([...AGENCIES].sort());
	const sentAt = `${coloradoDate(-60)}T17:00:00Z`;
	const rows = Array.from({ length: count }, (_, i) => ({
		organisation_id: organisation.id,
		agency_id: agencies[i % agencies.length]!.agency_id,
		title: `Request ${i} about data sharing with ICE`,
		status: STATUSES[i % STATUSES.length]!,
		regime: i % 17 === 0 ? 'CCJRA' : 'CORA',
		due_on: coloradoDate((i % 61) - 30),
		extended_due_on: null,
		sent_at: sentAt,
		agency_tracking_number: i % 3 === 0 ? `R-${i}` : null,
		topic_tags: i % 5 === 0 ? ['dmv'] : []
	}));
	for (let i = 0; i < rows.length; i += CHUNK) {
		await rest(page, '/rest/v1/records_requests?select=id', { method: 'POST', body: rows.slice(i, i + CHUNK) });
	}
	const stored = await rest<{ id: string }[]>(page, `/rest/v1/records_requests?select=id&organisation_id=eq.${organisation.id}`);
	expect(stored).toHaveLength(count);
	return organisation.id;
}
