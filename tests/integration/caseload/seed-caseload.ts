/**
 * Requests written straight into the test database (superuser connection):
 * the caseload specs and benches need many rows in known states quickly.
 */
import type { Sql } from 'postgres';
import { randomUUID } from 'node:crypto';
import type { Enums } from '../../../src/lib/database.types';

export interface SeedRequest {
	id?: string;
	title: string;
	agencyId: string;
	status?: Enums<'request_status'>;
	regime?: Enums<'legal_regime'>;
	dueOn?: string | null;
	extendedDueOn?: string | null;
	closedAt?: string | null;
	sentAt?: string | null;
	tags?: string[];
	trackingNumber?: string | null;
}

export async function seedRequests(sql: Sql, organisationId: string, requests: readonly SeedRequest[]): Promise<string[]> {
	const rows = requests.map((r) => ({
		id: r.id ?? randomUUID(),
		organisation_id: organisationId,
		agency_id: r.agencyId,
		title: r.title,
		regime: r.regime ?? 'CORA',
		status: r.status ?? 'sent',
		due_on: r.dueOn ?? null,
		extended_due_on: r.extendedDueOn ?? null,
		closed_at: r.closedAt ?? null,
		sent_at: r.status === 'draft' ? null : (r.sentAt ?? '2025-01-02T17:00:00Z'),
		topic_tags: r.tags ?? [],
		agency_tracking_number: r.trackingNumber ?? null
	}));
	for (let i = 0; i < rows.length; i += 500) {
		const chunk = rows.slice(i, i + 500);
		await sql`insert into public.records_requests ${sql(chunk, 'id', 'organisation_id', 'agency_id', 'title', 'regime', 'status', 'due_on', 'extended_due_on', 'closed_at', 'sent_at', 'topic_tags', 'agency_tracking_number')}`;
	}
	return rows.map((r) => r.id);
}

/** Directory agency ids by abbreviation. */
export async function agencyIds(sql: Sql, abbreviations: readonly string[]): Promise<Record<string, string>> {
	const rows = await sql<{ id: string; abbreviation: string }[]>`select id, abbreviation from public.agencies where abbreviation in ${sql([...abbreviations])}`;
	return Object.fromEntries(rows.map((r) => [r.abbreviation, r.id]));
}
