-- Constraints: the database is the last line. Bad enum values, negative
-- counts, dates out of order, missing organisations and malformed payloads
-- are rejected with a message that says what is wrong.
begin;
\ir _setup.psql
select plan(44);
select testing.create_fixture();

create function pg_temp.request_with(columns text, vals text) returns text
language sql as $$
  select format('insert into public.records_requests (organisation_id, agency_id, title, regime, %s) values (%L, %L, %L, %L, %s)',
    columns, testing.id('org_a'), testing.id('agency_directory'), 'Constraint probe', 'CORA', vals);
$$;
create function pg_temp.event(type text, payload text, note text default null) returns text
language sql as $$
  select format('insert into public.request_events (request_id, type, payload, note) values (%L, %L, %L, %L)',
    testing.id('request_a'), type, payload, note);
$$;

-- -----------------------------------------------------------------------------
-- Enum values
-- -----------------------------------------------------------------------------
select throws_ok(pg_temp.request_with('status', '''pending'''), '22P02',
  'invalid input value for enum request_status: "pending"', 'an unknown request status is rejected');
select throws_ok($$ insert into public.records_requests (organisation_id, agency_id, title, regime)
  values (testing.id('org_a'), testing.id('agency_directory'), 'Federal', 'FOIA') $$, '22P02',
  'invalid input value for enum legal_regime: "FOIA"', 'an unknown legal regime is rejected');
select throws_ok(pg_temp.request_with('delivery_channel', '''carrier pigeon'''), '22P02',
  'invalid input value for enum delivery_channel: "carrier pigeon"', 'an unknown delivery channel is rejected');
select throws_ok(pg_temp.event('emailed', '{}'), '22P02',
  'invalid input value for enum request_event_type: "emailed"', 'an unknown event type is rejected');
select throws_ok($$ insert into public.memberships (organisation_id, user_id, role) values (testing.id('org_a'), testing.id('stranger'), 'admin') $$,
  '22P02', 'invalid input value for enum member_role: "admin"', 'an unknown member role is rejected');
select throws_ok($$ update public.disclosure_findings set data_categories = '{address,fingerprints}' where id = testing.id('finding_a') $$,
  '22P02', 'invalid input value for enum data_category: "fingerprints"', 'an unknown data category is rejected');
select throws_ok($$ update public.disclosure_findings set legal_process = 'email' where id = testing.id('finding_a') $$,
  '22P02', 'invalid input value for enum legal_process: "email"', 'an unknown legal process is rejected');

-- -----------------------------------------------------------------------------
-- Negative amounts and counts
-- -----------------------------------------------------------------------------
select throws_ok($$ update public.disclosure_findings set people_count = -1 where id = testing.id('finding_a') $$, '23514',
  'new row for relation "disclosure_findings" violates check constraint "disclosure_findings_people_count_not_negative"',
  'a negative number of people is rejected');
select throws_ok($$ update public.disclosure_findings set records_count = -3 where id = testing.id('finding_a') $$, '23514',
  'new row for relation "disclosure_findings" violates check constraint "disclosure_findings_records_count_not_negative"',
  'a negative number of records is rejected');
select throws_ok($$ update public.disclosure_findings set data_categories = '{}' where id = testing.id('finding_a') $$, '23514',
  'new row for relation "disclosure_findings" violates check constraint "disclosure_findings_data_categories_present"',
  'a finding names at least one data category');
select throws_ok(pg_temp.request_with('fee_ceiling', '-25'), '23514',
  'new row for relation "records_requests" violates check constraint "records_requests_fee_ceiling_not_negative"',
  'a negative fee ceiling is rejected');
select throws_ok($$ update public.agencies set hourly_research_fee = -1 where id = testing.id('agency_a') $$, '23514',
  'new row for relation "agencies" violates check constraint "agencies_hourly_research_fee_not_negative"',
  'a negative hourly fee is rejected');
select throws_ok(pg_temp.event('fee_estimate', '{"amount": -10}'), '23514',
  'A fee_estimate event''s payload: "amount" must be a number of at least 0', 'a negative fee estimate is rejected');
select throws_ok(pg_temp.event('records_released', '{"completeness": "full", "pages": 2.5}'), '23514',
  'A records_released event''s payload: "pages" must be a whole number of at least 0', 'a fractional page count is rejected');

-- -----------------------------------------------------------------------------
-- Dates in order
-- -----------------------------------------------------------------------------
select throws_ok(pg_temp.request_with('status, sent_at, due_on', '''sent'', ''2025-03-10 09:00-06'', ''2025-03-07'''), '23514',
  'new row for relation "records_requests" violates check constraint "records_requests_due_not_before_sent"',
  'a due date before the sent date is rejected');
select throws_ok(pg_temp.request_with('status, sent_at, due_on, extended_due_on',
  '''extended'', ''2025-03-03 09:00-07'', ''2025-03-06'', ''2025-03-05'''), '23514',
  'new row for relation "records_requests" violates check constraint "records_requests_extended_due_not_before_due"',
  'an extended due date before the first due date is rejected');
select throws_ok(pg_temp.request_with('status, sent_at, received_at', '''sent'', ''2025-03-03 09:00-07'', ''2025-03-02 09:00-07'''), '23514',
  'new row for relation "records_requests" violates check constraint "records_requests_received_not_before_sent"',
  'receipt before sending is rejected');
select throws_ok(pg_temp.request_with('status, sent_at, closed_at', '''closed'', ''2025-03-03 09:00-07'', ''2025-03-01 09:00-07'''), '23514',
  'new row for relation "records_requests" violates check constraint "records_requests_closed_not_before_sent"',
  'closing before sending is rejected');
select throws_ok(pg_temp.request_with('status', '''sent'''), '23514',
  'new row for relation "records_requests" violates check constraint "records_requests_sent_needs_sent_at"',
  'a request past draft needs its sent date');
select throws_ok(pg_temp.request_with('publish_state', '''embargoed'''), '23514',
  'new row for relation "records_requests" violates check constraint "records_requests_embargo_needs_date"',
  'an embargo needs its end date');
select throws_ok($$ update public.disclosure_findings set period_start = '2025-02-01', period_end = '2025-01-01' where id = testing.id('finding_a') $$,
  '23514', 'new row for relation "disclosure_findings" violates check constraint "disclosure_findings_period_in_order"',
  'a period that ends before it starts is rejected');
select throws_ok(pg_temp.event('extension_claimed', '{"new_due_on": "next Friday"}'), '23514',
  'A extension_claimed event''s payload: "new_due_on" must be a date written YYYY-MM-DD', 'an extension needs a real date');
select lives_ok(pg_temp.request_with('status, sent_at, due_on', '''sent'', ''2025-03-03 22:30-07'', ''2025-03-03'''),
  'the due date is compared with the sent date in Colorado, not in UTC');

-- -----------------------------------------------------------------------------
-- Missing or mismatched organisation
-- -----------------------------------------------------------------------------
select throws_ok($$ insert into public.records_requests (agency_id, title, regime) values (testing.id('agency_directory'), 'No owner', 'CORA') $$,
  '23502', 'null value in column "organisation_id" of relation "records_requests" violates not-null constraint',
  'a request without an organisation is rejected');
select throws_ok($$ insert into public.records_requests (organisation_id, agency_id, title, regime)
  values ('00000000-0000-4000-8000-000000000000', testing.id('agency_directory'), 'Ghost', 'CORA') $$,
  '23503', 'insert or update on table "records_requests" violates foreign key constraint "records_requests_organisation_id_fkey"',
  'a request for an organisation that does not exist is rejected');
select throws_ok($$ insert into public.request_events (request_id, type) values ('00000000-0000-4000-8000-000000000000', 'note') $$,
  '23502', 'null value in column "organisation_id" of relation "request_events" violates not-null constraint',
  'an event for a request that does not exist has no organisation and is rejected');
select throws_ok($$ insert into public.memberships (user_id, role) values (testing.id('stranger'), 'viewer') $$,
  '23502', 'null value in column "organisation_id" of relation "memberships" violates not-null constraint',
  'a membership without an organisation is rejected');
select throws_ok($$ insert into public.organisations (name) values ('   ') $$, '23514',
  'new row for relation "organisations" violates check constraint "organisations_name_length"', 'a blank organisation name is rejected');

-- -----------------------------------------------------------------------------
-- Event payloads
-- -----------------------------------------------------------------------------
select throws_ok(pg_temp.event('fee_estimate', '{"hours": 3}'), '23514',
  'A fee_estimate event''s payload needs "amount"', 'a fee estimate needs its amount');
select throws_ok(pg_temp.event('records_released', '{"completeness": "most"}'), '23514',
  'A records_released event''s payload: "completeness" must be "partial" or "full"', 'a release is partial or full');
select throws_ok(pg_temp.event('acknowledged', '{"tracking_number": 114}'), '23514',
  'A acknowledged event''s payload: "tracking_number" must be text', 'a known key with the wrong kind of value is named and rejected');
select throws_ok(pg_temp.event('denied', '{"grounds": ["privacy", 7]}'), '23514',
  'A denied event''s payload: "grounds" must be the grounds cited, as text or a list of texts', 'grounds are text');
select throws_ok(pg_temp.event('notice_of_intent_sent', '{"expedited": "yes"}'), '23514',
  'A notice_of_intent_sent event''s payload: "expedited" must be true or false', 'expedited notice is a yes/no flag');
select throws_ok(pg_temp.event('note', '{}'), '23514',
  'new row for relation "request_events" violates check constraint "request_events_note_needs_text"', 'a note needs text');
select throws_ok(pg_temp.event('correction', '{"reason": "x"}'), '23514',
  'new row for relation "request_events" violates check constraint "request_events_correction_names_target"',
  'a correction names the event it corrects');
select lives_ok(pg_temp.event('denied', '{"grounds": ["C.R.S. 24-72-204(3)(a)(IV)"], "statute": "24-72-204"}'),
  'a well-formed denial is accepted');

-- -----------------------------------------------------------------------------
-- Attachments and agencies
-- -----------------------------------------------------------------------------
select throws_ok($$ insert into public.attachments (request_id, object_path, file_name, mime_type, size_bytes, sha256)
  values (testing.id('request_a'), testing.id('org_a') || '/' || testing.id('request_a') || '/tool.exe', 'tool.exe', 'application/x-msdownload', 10, repeat('ab', 32)) $$,
  '23514', 'new row for relation "attachments" violates check constraint "attachments_mime_type_allowed"',
  'a file type outside the allowed list is rejected');
select throws_ok($$ insert into public.attachments (request_id, object_path, file_name, mime_type, size_bytes, sha256)
  values (testing.id('request_a'), testing.id('org_a') || '/' || testing.id('request_a') || '/a.pdf', 'a.pdf', 'application/pdf', 10, 'ABC') $$,
  '23514', 'new row for relation "attachments" violates check constraint "attachments_sha256_format"',
  'a SHA-256 must be 64 lower-case hex digits');
select throws_ok($$ update public.agencies set portal_url = 'javascript:alert(1)' where id = testing.id('agency_a') $$, '23514',
  'new row for relation "agencies" violates check constraint "agencies_portal_url_format"', 'a portal link must be http(s)');
select throws_ok($$ update public.agencies set source_urls = '{"request_email": "somewhere"}' where id = testing.id('agency_a') $$, '23514',
  'new row for relation "agencies" violates check constraint "agencies_source_urls_format"', 'a source must be a URL');
select throws_ok($$ update public.records_requests set topic_tags = '{" padded"}' where id = testing.id('request_a') $$, '23514',
  'new row for relation "records_requests" violates check constraint "records_requests_topic_tags_format"', 'topic tags are trimmed and short');

-- -----------------------------------------------------------------------------
-- Deleting an account
-- -----------------------------------------------------------------------------
update public.memberships set role = 'owner' where organisation_id = testing.id('org_a') and user_id = testing.id('editor');
select lives_ok($$ delete from auth.users where id = testing.id('owner') $$,
  'an account that wrote requests, events, documents and findings can be deleted once someone else owns the organisation');
select results_eq(
  $$ select distinct r.created_by, e.author_id, a.uploaded_by, f.created_by
     from public.records_requests as r
     join public.request_events as e on e.request_id = r.id
     join public.attachments as a on a.request_id = r.id
     join public.disclosure_findings as f on f.request_id = r.id
     where r.id = testing.id('request_a') $$,
  $$ values (null::uuid, null::uuid, null::uuid, null::uuid) $$,
  'its work stays, without its name'
);
select throws_ok($$ delete from auth.users where id = testing.id('outsider') $$, '23514',
  'An organisation must keep at least one owner', 'the only owner of an organisation cannot simply vanish');

select * from finish();
rollback;
