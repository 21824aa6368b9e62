/**
 * Coalition-scale data for the benches: `organisations` groups, each with one
 * owner and `requestsPerOrganisation` requests to five directory agencies, ten
 * events per request (the send, then notes) and findings on one request in
 * `findingEvery`, about half of them on published requests. Everything is
 * inserted set-based through the schema itself, with every trigger and check
 * on (the superuser connection only skips RLS). The default is the issue's
 * scale: 50 × 2 000 = 100 000 requests, 1 000 000 events, 20 000 findings.
 */
import type { Sql } from 'postgres';

export interface ScaleOptions {
	organisations: number;
	requestsPerOrganisation: number;
	eventsPerRequest: number;
	/** One request in this many gets a finding. */
	findingEvery: number;
}

export const FULL_SCALE: ScaleOptions = { organisations: 50, requestsPerOrganisation: 2000, eventsPerRequest: 10, findingEvery: 5 };

/** BENCH_SCALE=0.1 seeds a tenth of every count (for a quick look); the figures print the scale used. */
export function scaleFromEnv(): ScaleOptions {
	const factor = Math.min(1, Math.max(0.001, Number(process.env.BENCH_SCALE ?? '1') || 1));
	return { ...FULL_SCALE, requestsPerOrganisation: Math.max(10, Math.round(FULL_SCALE.requestsPerOrganisation * factor)) };
}

export interface SeededScale {
	organisationIds: string[];
	/** The owner of the first organisation (password `bench-password`). */
	ownerEmail: string;
	counts: { requests: number; events: number; findings: number };
}

export async function seedScale(sql: Sql, options: ScaleOptions, today: string): Promise<SeededScale> {
	const { organisations, requestsPerOrganisation: perOrg, eventsPerRequest, findingEvery } = options;
	await sql`
		insert into auth.users (id, aud, role, created_at, email, encrypted_password, email_confirmed_at)
		select gen_random_uuid(), 'authenticated', 'authenticated', now(), 'scale-owner-' || n || '@example.org', extensions.crypt('bench-password', extensions.gen_salt('bf', 4)), now()
		from generate_series(1, ${organisations}) as n`;
	await sql`
		insert into public.organisations (name, created_by)
		select 'Coalition member ' || n, u.id
		from generate_series(1, ${organisations}) as n
		join auth.users as u on u.email = 'scale-owner-' || n || '@example.org'`;
	await sql`
		insert into public.memberships (organisation_id, user_id, role)
		select o.id, o.created_by, 'owner' from public.organisations as o where o.name like 'Coalition member %'`;
	// Statuses cycle through the clock's states; due dates spread from 30 days ago to 30 days ahead.
	// Findings go on the requests whose number (n, in the title) is a multiple of findingEvery; the even ones
	// among them are published, so half the findings count in the public statistics.
	await sql`
		insert into public.records_requests (organisation_id, agency_id, title, letter_body, regime, status, sent_at, due_on,
			delivery_channel, topic_tags, agency_tracking_number, created_by, publish_state)
		select o.id, a.ids[1 + n % 5], 'Request ' || n || ' about data shared with ICE', 'Letter ' || n,
			case when n % 17 = 0 then 'CCJRA' else 'CORA' end::public.legal_regime,
			(array['sent', 'acknowledged', 'extended', 'awaiting_payment', 'awaiting_clarification', 'partially_released',
				'released', 'denied', 'closed'])[1 + n % 9]::public.request_status,
			(${today}::date - 60)::timestamptz + interval '17 hours',
			${today}::date + (n % 61) - 30, 'email', case when n % 5 = 0 then array['dmv'] else '{}' end,
			case when n % 3 = 0 then 'R-' || n end, o.created_by,
			case when n % ${findingEvery} = 0 and n % 2 = 0 then 'published' else 'private' end::public.publish_state
		from public.organisations as o
		cross join generate_series(1, ${perOrg}) as n
		cross join (select array_agg(id order by name) as ids
			from (select id, name from public.agencies where organisation_id is null order by name limit 5) as d) as a
		where o.name like 'Coalition member %'`;
	await sql`
		insert into public.request_events (request_id, organisation_id, type, occurred_at, payload, author_id)
		select r.id, r.organisation_id, 'sent', r.sent_at, '{"channel": "email"}', r.created_by
		from public.records_requests as r where r.title like 'Request % about data shared with ICE'`;
	await sql`
		insert into public.request_events (request_id, organisation_id, type, occurred_at, note, author_id)
		select r.id, r.organisation_id, 'note', r.sent_at + make_interval(hours => k), 'Follow-up note ' || k, r.created_by
		from public.records_requests as r cross join generate_series(1, ${eventsPerRequest - 1}) as k
		where r.title like 'Request % about data shared with ICE'`;
	await sql`
		insert into public.disclosure_findings (organisation_id, request_id, agency_id, data_categories, people_count, records_count,
			period_start, period_end, legal_process, recipient, created_by)
		select r.organisation_id, r.id, r.agency_id,
			case n % 3 when 0 then '{address}' when 1 then '{driver_licence_or_photo,address}' else '{immigration_status,employer}' end::public.data_category[],
			case when n % 4 = 0 then null else 1 + n % 40 end, case when n % 6 = 0 then null else 1 + n % 200 end,
			'2025-01-01'::date + (n % 365), '2025-01-01'::date + (n % 365) + 30,
			(array['administrative_subpoena', 'judicial_warrant', 'court_order', 'none_cited', 'unknown'])[1 + n % 5]::public.legal_process,
			(array['ice', 'cbp', 'other_dhs', 'unknown'])[1 + n % 4]::public.enforcement_recipient, r.created_by
		from (select r.*, row_number() over (order by r.id)::int as n, split_part(r.title, ' ', 2)::int as seq
			from public.records_requests as r where r.title like 'Request % about data shared with ICE') as r
		where r.seq % ${findingEvery} = 0`;
	await sql`analyze`;
	const [counts] = await sql<{ requests: number; events: number; findings: number }[]>`
		select (select count(*)::int from public.records_requests) as requests,
			(select count(*)::int from public.request_events) as events,
			(select count(*)::int from public.disclosure_findings) as findings`;
	const orgs = await sql<{ id: string }[]>`select id from public.organisations where name like 'Coalition member %' order by name`;
	return { organisationIds: orgs.map((o) => o.id), ownerEmail: 'scale-owner-1@example.org', counts: counts! };
}
