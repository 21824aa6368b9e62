-- =============================================================================
-- Demo data: embedded default only (src/lib/server/embedded/default.ts runs
-- this once, on a new database, after supabase/seed.sql). Never run on a real
-- Supabase project.
--
-- A demo account (demo@disclose.test / disclose-demo, confirmed) owning a demo
-- organisation with requests to directory agencies in different states, so a
-- newcomer sees a living app. Dates are relative to today (Colorado time) so
-- deadlines are always current. Everything here is illustrative: no response,
-- fee or finding below is a real agency's.
-- =============================================================================

-- Working days here skip weekends only (the app's calendar also knows holidays).
create function pg_temp.working_days_from(start_on date, days integer) returns date
language plpgsql immutable as $$
declare
  day date := start_on;
  step integer := sign(days)::integer;
  remaining integer := abs(days);
begin
  while remaining > 0 loop
    day := day + step;
    if extract(isodow from day) < 6 then
      remaining := remaining - 1;
    end if;
  end loop;
  return day;
end;
$$;

-- 09:30 in Denver, the given number of working days ago.
create function pg_temp.working_days_ago(days integer, at_time time default '09:30') returns timestamptz
language sql stable as $$
  select (pg_temp.working_days_from((now() at time zone 'America/Denver')::date, -days) + at_time) at time zone 'America/Denver';
$$;

create function pg_temp.agency(abbreviation text) returns uuid
language sql stable as $$
  select a.id from public.agencies as a where a.abbreviation = agency.abbreviation and a.organisation_id is null;
$$;

-- -----------------------------------------------------------------------------
-- Account and organisation
-- -----------------------------------------------------------------------------

insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data,
  created_at, updated_at)
values (
  'de000000-0000-4000-8000-000000000001', 'authenticated', 'authenticated', 'demo@disclose.test',
  extensions.crypt('disclose-demo', extensions.gen_salt('bf', 10)), now(),
  '{"provider": "email", "providers": ["email"]}', '{"name": "Demo organiser"}', now(), now()
)
on conflict (id) do nothing;

insert into public.organisations (id, name, created_by)
values ('de000000-0000-4000-8000-000000000010', 'Front Range Records Project (demo)', 'de000000-0000-4000-8000-000000000001')
on conflict (id) do nothing;

insert into public.memberships (organisation_id, user_id, role)
values ('de000000-0000-4000-8000-000000000010', 'de000000-0000-4000-8000-000000000001', 'owner')
on conflict do nothing;

-- -----------------------------------------------------------------------------
-- Requests: one per state a newcomer should see
-- -----------------------------------------------------------------------------

insert into public.records_requests (
  id, organisation_id, agency_id, title, letter_body, regime, status, topic_tags, drafted_at, sent_at, received_at,
  due_on, extended_due_on, closed_at, delivery_channel, agency_tracking_number, fee_waiver_requested, fee_ceiling,
  batch_id, publish_state, embargoed_until, created_by
)
select r.id::uuid, 'de000000-0000-4000-8000-000000000010', pg_temp.agency(r.agency), r.title,
  'To the custodian of records, ' || r.agency_name || E':\n\n'
  || E'Under the Colorado Open Records Act, C.R.S. 24-72-201 et seq., and with reference to C.R.S. 24-74-101 et seq., '
  || 'I request ' || r.asked_for || E'.\n\nPlease provide records electronically, structured data in a sortable format. '
  || 'I ask that fees be waived; if they are not, please send an estimate before incurring costs above the amount '
  || E'stated below.\n\nThank you,\nFront Range Records Project (demo)',
  r.regime::public.legal_regime, r.status::public.request_status, r.tags,
  coalesce(r.sent_at, now()) - interval '2 days', r.sent_at, r.sent_at,
  case when r.sent_at is not null and r.regime <> 'CCJRA'
    then pg_temp.working_days_from((r.sent_at at time zone 'America/Denver')::date, 3) end,
  case when r.extended then pg_temp.working_days_from((r.sent_at at time zone 'America/Denver')::date, 10) end,
  r.closed_at, r.channel::public.delivery_channel, r.tracking, true, 50.00,
  null, r.publish::public.publish_state,
  case when r.publish = 'embargoed' then (now() at time zone 'America/Denver')::date + 30 end,
  'de000000-0000-4000-8000-000000000001'
from (values
  ('de000000-0000-4000-8000-000000000101', 'CDLE', 'Colorado Department of Labor and Employment',
   'Immigration subpoenas for wage and employer records, 2025',
   'every subpoena, warrant or other request from a federal immigration agency for personal information received in 2025, every response, and the logs kept under C.R.S. 24-74-106',
   'CORA', 'released', array['subpoenas', 'wage records', 'SB21-131'], pg_temp.working_days_ago(24), true,
   pg_temp.working_days_ago(6, '14:00'), 'email', 'CORA-DEMO-0412', 'published'),
  ('de000000-0000-4000-8000-000000000102', 'CDOR', 'Colorado Department of Revenue',
   'DRIVES queries by federal immigration agencies',
   'the logs of queries of the DRIVES system made by or for federal immigration agencies since 2022-03-01',
   'CORA', 'extended', array['DMV', 'DRIVES'], pg_temp.working_days_ago(5), true,
   null, 'portal', 'R-DEMO-2291', 'private'),
  ('de000000-0000-4000-8000-000000000103', 'CDPHE', 'Colorado Department of Public Health and Environment',
   'Administrative subpoenas received in 2025',
   'every administrative or immigration subpoena received in 2025 and every record of the response',
   'CORA', 'awaiting_payment', array['subpoenas'], pg_temp.working_days_ago(4), false,
   null, 'portal', null, 'private'),
  ('de000000-0000-4000-8000-000000000104', 'GOV', 'Office of the Governor, Office of Legal Counsel',
   'Agency reports and attestations under SB21-131',
   'the reports and attestations agencies submitted to the Office of Legal Counsel under C.R.S. 24-74-101 et seq. since 2021',
   'CORA', 'sent', array['SB21-131', 'attestations'], pg_temp.working_days_ago(1), false,
   null, 'portal', null, 'private'),
  ('de000000-0000-4000-8000-000000000105', 'CDHS', 'Colorado Department of Human Services',
   'Data-sharing requests from ICE and CBP',
   'every request for personal information from ICE or CBP received since 2024-01-01 and every response',
   'CORA', 'denied', array['benefits', 'data sharing'], pg_temp.working_days_ago(15), false,
   null, 'mail', null, 'embargoed'),
  ('de000000-0000-4000-8000-000000000106', 'CDPS-DCJ', 'Colorado Department of Public Safety, Division of Criminal Justice',
   'Immigration detainer correspondence',
   'correspondence with ICE about detainers or notification requests since 2024-01-01',
   'CCJRA', 'no_records', array['detainers'], pg_temp.working_days_ago(12), false,
   pg_temp.working_days_ago(8, '11:00'), 'portal', null, 'published'),
  ('de000000-0000-4000-8000-000000000107', 'CDE', 'Colorado Department of Education',
   'Student data requested by immigration enforcement (draft)',
   'every request from a federal immigration agency for student or family information since 2024-01-01',
   'CORA', 'draft', array['schools'], null, false,
   null, null, null, 'private')
) as r (id, agency, agency_name, title, asked_for, regime, status, tags, sent_at, extended, closed_at, channel, tracking, publish)
on conflict (id) do nothing;

-- -----------------------------------------------------------------------------
-- Timelines
-- -----------------------------------------------------------------------------

insert into public.request_events (id, request_id, organisation_id, type, occurred_at, payload, note, author_id)
select e.id::uuid, e.request_id::uuid, 'de000000-0000-4000-8000-000000000010', e.type::public.request_event_type,
  e.occurred_at, e.payload::jsonb, e.note, 'de000000-0000-4000-8000-000000000001'
from (values
  -- CDLE: the full path to a release
  ('de000000-0000-4000-8000-000000001011', 'de000000-0000-4000-8000-000000000101', 'sent', pg_temp.working_days_ago(24), '{"channel": "email", "to": "cdle_pr@state.co.us"}', null),
  ('de000000-0000-4000-8000-000000001012', 'de000000-0000-4000-8000-000000000101', 'acknowledged', pg_temp.working_days_ago(23, '16:10'), '{"tracking_number": "CORA-DEMO-0412"}', null),
  ('de000000-0000-4000-8000-000000001013', 'de000000-0000-4000-8000-000000000101', 'extension_claimed', pg_temp.working_days_ago(21, '15:00'),
    jsonb_build_object('new_due_on', pg_temp.working_days_from((pg_temp.working_days_ago(24) at time zone 'America/Denver')::date, 10), 'reason', 'Records held in several divisions')::text, null),
  ('de000000-0000-4000-8000-000000001014', 'de000000-0000-4000-8000-000000000101', 'fee_estimate', pg_temp.working_days_ago(19, '10:45'), '{"amount": 82.74, "hours": 3, "hourly_rate": 41.37}', 'Above our pre-approved ceiling, so the custodian asked first.'),
  ('de000000-0000-4000-8000-000000001015', 'de000000-0000-4000-8000-000000000101', 'payment_made', pg_temp.working_days_ago(18, '09:05'), '{"amount": 82.74, "method": "card"}', null),
  ('de000000-0000-4000-8000-000000001016', 'de000000-0000-4000-8000-000000000101', 'records_released', pg_temp.working_days_ago(6, '14:00'), '{"completeness": "full", "pages": 46, "files": 3}', 'Demo data: not a real response.'),
  -- CDOR: extended
  ('de000000-0000-4000-8000-000000001021', 'de000000-0000-4000-8000-000000000102', 'sent', pg_temp.working_days_ago(5), '{"channel": "portal"}', null),
  ('de000000-0000-4000-8000-000000001022', 'de000000-0000-4000-8000-000000000102', 'acknowledged', pg_temp.working_days_ago(4, '11:20'), '{"tracking_number": "R-DEMO-2291"}', null),
  ('de000000-0000-4000-8000-000000001023', 'de000000-0000-4000-8000-000000000102', 'extension_claimed', pg_temp.working_days_ago(3, '16:40'),
    jsonb_build_object('new_due_on', pg_temp.working_days_from((pg_temp.working_days_ago(5) at time zone 'America/Denver')::date, 10), 'reason', 'Broad request; data must be extracted')::text, null),
  -- CDPHE: waiting for us to pay
  ('de000000-0000-4000-8000-000000001031', 'de000000-0000-4000-8000-000000000103', 'sent', pg_temp.working_days_ago(4), '{"channel": "portal"}', null),
  ('de000000-0000-4000-8000-000000001032', 'de000000-0000-4000-8000-000000000103', 'fee_estimate', pg_temp.working_days_ago(2, '13:30'), '{"amount": 124.11, "hours": 4, "hourly_rate": 41.37}', 'Decide whether to pay or narrow the request.'),
  -- Governor's office: just sent
  ('de000000-0000-4000-8000-000000001041', 'de000000-0000-4000-8000-000000000104', 'sent', pg_temp.working_days_ago(1), '{"channel": "portal"}', null),
  -- CDHS: denied, grounds asked for
  ('de000000-0000-4000-8000-000000001051', 'de000000-0000-4000-8000-000000000105', 'sent', pg_temp.working_days_ago(15), '{"channel": "mail"}', null),
  ('de000000-0000-4000-8000-000000001052', 'de000000-0000-4000-8000-000000000105', 'denied', pg_temp.working_days_ago(12, '15:15'), '{"grounds": ["Disclosure would be contrary to the public interest"]}', 'Demo data: not a real response.'),
  ('de000000-0000-4000-8000-000000001053', 'de000000-0000-4000-8000-000000000105', 'grounds_requested', pg_temp.working_days_ago(11, '10:00'), '{}', 'Asked for a written statement of the grounds and the law relied on.'),
  -- DCJ: no responsive records
  ('de000000-0000-4000-8000-000000001061', 'de000000-0000-4000-8000-000000000106', 'sent', pg_temp.working_days_ago(12), '{"channel": "portal"}', null),
  ('de000000-0000-4000-8000-000000001062', 'de000000-0000-4000-8000-000000000106', 'no_responsive_records', pg_temp.working_days_ago(8, '11:00'), '{"reason": "The division holds no such correspondence"}', 'Demo data: not a real response.'),
  ('de000000-0000-4000-8000-000000001063', 'de000000-0000-4000-8000-000000000106', 'closed', pg_temp.working_days_ago(8, '11:30'), '{}', null)
) as e (id, request_id, type, occurred_at, payload, note)
on conflict (id) do nothing;

-- -----------------------------------------------------------------------------
-- Findings (illustrative) on the published CDLE request
-- -----------------------------------------------------------------------------

insert into public.disclosure_findings (
  id, organisation_id, request_id, agency_id, data_categories, people_count, records_count, period_start, period_end,
  legal_process, recipient, summary, created_by
)
values
  ('de000000-0000-4000-8000-000000010001', 'de000000-0000-4000-8000-000000000010', 'de000000-0000-4000-8000-000000000101',
   pg_temp.agency('CDLE'), '{employer,wage_records,address}', 12, 48, '2025-01-01', '2025-06-30',
   'administrative_subpoena', 'ice', 'Demo finding, illustrative only.', 'de000000-0000-4000-8000-000000000001'),
  ('de000000-0000-4000-8000-000000010002', 'de000000-0000-4000-8000-000000000010', 'de000000-0000-4000-8000-000000000101',
   pg_temp.agency('CDLE'), '{phone_or_email}', null, 7, '2025-01-01', '2025-06-30',
   'unknown', 'other_dhs', 'Demo finding, illustrative only: the number of people is not stated.', 'de000000-0000-4000-8000-000000000001'),
  ('de000000-0000-4000-8000-000000010003', 'de000000-0000-4000-8000-000000000010', 'de000000-0000-4000-8000-000000000101',
   pg_temp.agency('CDLE'), '{address,employer}', 31, 31, '2025-07-01', '2025-09-30',
   'court_order', 'ice', 'Demo finding, illustrative only: shared under a court order.', 'de000000-0000-4000-8000-000000000001')
on conflict (id) do nothing;

drop function pg_temp.agency(text);
drop function pg_temp.working_days_ago(integer, time);
drop function pg_temp.working_days_from(date, integer);
