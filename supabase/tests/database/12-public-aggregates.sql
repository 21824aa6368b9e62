-- Public aggregates: anyone may call them; they count findings of published
-- requests only (embargoes respected) and return nothing row-level.
begin;
\ir _setup.psql
select plan(22);
select testing.create_fixture();

-- -----------------------------------------------------------------------------
-- Nothing is published yet
-- -----------------------------------------------------------------------------
select testing.authenticate_as_anon();
select results_eq($$ select published_requests, findings, people, records from public.published_disclosure_counts() $$,
  $$ values (0::bigint, 0::bigint, 0::bigint, 0::bigint) $$, 'with nothing published, anonymous visitors see zero totals');
select is_empty($$ select * from public.published_disclosure_counts_by_agency() $$, 'and no agency');
select is_empty($$ select * from public.published_disclosure_counts_by_category() $$, 'and no category');
select is_empty($$ select * from public.published_disclosure_counts_by_legal_process() $$, 'and no legal process');
select is_empty($$ select * from public.published_disclosure_counts_by_recipient() $$, 'and no recipient');
select testing.authenticate_as('owner');
select results_eq($$ select findings from public.published_disclosure_counts() $$, $$ values (0::bigint) $$,
  'an organisation''s own private findings do not count, even for its members');

-- -----------------------------------------------------------------------------
-- Alpha publishes its request
-- -----------------------------------------------------------------------------
update public.disclosure_findings set period_start = '2024-01-01', period_end = '2024-12-31' where id = testing.id('finding_a');
update public.records_requests set publish_state = 'published' where id = testing.id('request_a');

select testing.authenticate_as_anon();
select results_eq($$ select * from public.published_disclosure_counts() $$,
  $$ values (1::bigint, 1::bigint, 1::bigint, 1::bigint, 10::bigint, 12::bigint, 0::bigint, 0::bigint, '2024-01-01'::date, '2024-12-31'::date) $$,
  'published totals count Alpha''s finding and nothing of Beta''s');
select results_eq($$ select agency_id, agency_abbreviation, requests, findings, people, records from public.published_disclosure_counts_by_agency() $$,
  $$ values (testing.id('agency_directory'), 'TEST-DIR', 1::bigint, 1::bigint, 10::bigint, 12::bigint) $$,
  'counts per sharing agency');
select results_eq($$ select data_category, findings, people from public.published_disclosure_counts_by_category() $$,
  $$ values ('address'::public.data_category, 1::bigint, 10::bigint), ('employer'::public.data_category, 1::bigint, 10::bigint) $$,
  'counts per data category (a finding counts in each of its categories)');
select results_eq($$ select legal_process, findings, people from public.published_disclosure_counts_by_legal_process() $$,
  $$ values ('administrative_subpoena'::public.legal_process, 1::bigint, 10::bigint) $$, 'counts per legal process cited');
select results_eq($$ select recipient, findings, records from public.published_disclosure_counts_by_recipient() $$,
  $$ values ('ice'::public.enforcement_recipient, 1::bigint, 12::bigint) $$, 'counts per recipient');
select testing.authenticate_as('stranger');
select results_eq($$ select findings, people from public.published_disclosure_counts() $$, $$ values (1::bigint, 10::bigint) $$,
  'signed-in users see the same published totals');
select testing.authenticate_as_anon();
select throws_ok($$ select * from public.disclosure_findings $$, '42501', 'permission denied for table disclosure_findings',
  'while the findings themselves stay unreadable');

-- -----------------------------------------------------------------------------
-- Embargoes and unknown counts
-- -----------------------------------------------------------------------------
select testing.authenticate_as('outsider');
update public.records_requests set publish_state = 'embargoed', embargoed_until = '2999-01-01' where id = testing.id('request_b');
select testing.authenticate_as_anon();
select results_eq($$ select findings from public.published_disclosure_counts() $$, $$ values (1::bigint) $$,
  'an embargoed request does not count before its date');
-- The embargo date arrives (a new embargo must end in the future: 30-publish-state.sql; here time passes).
select testing.clear_authentication();
alter table public.records_requests disable trigger records_requests_embargo_in_future;
update public.records_requests set embargoed_until = (now() at time zone 'America/Denver')::date where id = testing.id('request_b');
alter table public.records_requests enable trigger records_requests_embargo_in_future;
select testing.authenticate_as('outsider');
update public.disclosure_findings set people_count = null where id = testing.id('finding_b');
select testing.authenticate_as_anon();
select results_eq($$ select published_requests, findings, agencies, people, records, findings_with_unknown_people from public.published_disclosure_counts() $$,
  $$ values (2::bigint, 2::bigint, 1::bigint, 10::bigint, 24::bigint, 1::bigint) $$,
  'from its embargo date it counts; an unknown number of people is reported as unknown, not as zero');
select testing.authenticate_as('owner');
update public.records_requests set publish_state = 'private' where id = testing.id('request_a');
select testing.authenticate_as_anon();
select results_eq($$ select findings, records from public.published_disclosure_counts() $$, $$ values (1::bigint, 12::bigint) $$,
  'unpublishing takes a request''s findings out again');

-- -----------------------------------------------------------------------------
-- Shape and guard
-- -----------------------------------------------------------------------------
select testing.clear_authentication();
select is_empty(
  $$ select p.proname from pg_proc as p
     where p.pronamespace = 'public'::regnamespace and p.proname like 'published\_%'
       and pg_get_function_result(p.oid) ~ '(letter_body|summary|title|object_path|sha256|email|token|notes|created_by|organisation_id|request_id|file_name)' $$,
  'no aggregate function returns letters, summaries, files, people or organisations'
);
select is((select count(*)::int from pg_proc where pronamespace = 'public'::regnamespace and proname like 'published\_%' and prosecdef
  and proretset and 'search_path=""' = any (proconfig)), 5, 'the five aggregate functions are security definer with an empty search_path');
select throws_ok($$ select * from public.published_disclosure_counts() $$, '42501',
  'Published counts are served to API callers only (anon, authenticated or service_role)',
  'outside the API roles the permission check refuses first');
select testing.authenticate_as_service_role();
select results_eq($$ select findings from public.published_disclosure_counts() $$, $$ values (1::bigint) $$,
  'the service role can read them too');
select testing.authenticate_as_anon();
select throws_ok($$ select * from private.published_findings() $$, '42501', 'permission denied for schema private',
  'the row-level helper behind them is out of reach');
select testing.authenticate_as('owner');
select throws_ok($$ select * from private.published_findings() $$, '42501', 'permission denied for function published_findings',
  'even for signed-in users');

select * from finish();
rollback;
