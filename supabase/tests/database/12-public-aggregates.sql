-- Public aggregates: anyone may call them; they count findings of published
-- requests only (embargoes respected) and return nothing row-level.
begin;
\ir _setup.psql
select plan(24);
select testing.create_fixture();

-- -----------------------------------------------------------------------------
-- Nothing is published yet
-- -----------------------------------------------------------------------------
create function testing.stats(path text[]) returns text language sql as $f$
  select public.public_disclosure_stats() #>> path;
$f$;
grant execute on function testing.stats(text[]) to anon, authenticated, service_role;

select testing.authenticate_as_anon();
select is(testing.stats('{headline}')::jsonb - 'latest_response_on' - 'period_start' - 'period_end',
  '{"findings": 0, "people": 0, "records": 0, "agencies": 0, "published_requests": 0, "requests_with_findings": 0,
    "findings_with_unknown_people": 0, "findings_with_unknown_records": 0}'::jsonb,
  'with nothing published, anonymous visitors see zero totals');
select is(testing.stats('{by_agency}'), '[]', 'and no agency');
select is(testing.stats('{by_category}'), '[]', 'and no category');
select is(testing.stats('{by_legal_process}'), '[]', 'and no legal process');
select testing.authenticate_as('owner');
select is(testing.stats('{headline,findings}'), '0',
  'an organisation''s own private findings do not count, even for its members');

-- -----------------------------------------------------------------------------
-- Alpha publishes its request: 10 people (under K = 11) and 12 records
-- -----------------------------------------------------------------------------
update public.disclosure_findings set period_start = '2024-01-01', period_end = '2024-12-31' where id = testing.id('finding_a');
update public.records_requests set publish_state = 'published' where id = testing.id('request_a');

select testing.authenticate_as_anon();
select is(testing.stats('{headline}')::jsonb - 'latest_response_on',
  '{"findings": 1, "people": "<11", "records": 12, "agencies": 1, "published_requests": 1, "requests_with_findings": 1,
    "findings_with_unknown_people": 0, "findings_with_unknown_records": 0,
    "period_start": "2024-01-01", "period_end": "2024-12-31"}'::jsonb,
  'published totals count Alpha''s finding and nothing of Beta''s; 10 people show as fewer than 11');
select is(testing.stats('{by_agency,0,abbreviation}') || ' ' || testing.stats('{by_agency,0,people}') || ' ' ||
  testing.stats('{by_agency,0,records}'), 'TEST-DIR <11 12', 'counts per sharing agency, suppressed the same way');
select is(testing.stats('{by_category}')::jsonb @> '[{"key": "address", "findings": 1, "people": "<11"},
  {"key": "employer", "findings": 1, "records": 12}]', true,
  'counts per data category (a finding counts in each of its categories)');
select is(testing.stats('{warrant,not_court_authorised,findings}') || ' ' || testing.stats('{warrant,court_authorised,findings}'),
  '1 0', 'an administrative subpoena counts as sharing without a judicial warrant or court order');
select is(testing.stats('{by_recipient,0}')::jsonb - 'findings_with_unknown_people' - 'findings_with_unknown_records',
  '{"key": "ice", "findings": 1, "people": "<11", "records": 12}', 'counts per recipient');
select is(testing.stats('{by_quarter,0,key}'), '2024-Q1', 'a finding counts in the quarter its period starts');
select testing.authenticate_as('stranger');
select is(testing.stats('{headline,records}'), '12', 'signed-in users see the same published totals');
select testing.authenticate_as_anon();
select throws_ok($$ select * from public.disclosure_findings $$, '42501', 'permission denied for table disclosure_findings',
  'while the findings themselves stay unreadable');

-- -----------------------------------------------------------------------------
-- Embargoes and unknown counts
-- -----------------------------------------------------------------------------
select testing.authenticate_as('outsider');
update public.records_requests set publish_state = 'embargoed', embargoed_until = '2999-01-01' where id = testing.id('request_b');
select testing.authenticate_as_anon();
select is(testing.stats('{headline,findings}'), '1', 'an embargoed request does not count before its date');
-- The embargo date arrives (a new embargo must end in the future: 30-publish-state.sql; here time passes).
select testing.clear_authentication();
alter table public.records_requests disable trigger records_requests_embargo_in_future;
update public.records_requests set embargoed_until = (now() at time zone 'America/Denver')::date where id = testing.id('request_b');
alter table public.records_requests enable trigger records_requests_embargo_in_future;
select testing.authenticate_as('outsider');
update public.disclosure_findings set people_count = null where id = testing.id('finding_b');
select testing.authenticate_as_anon();
select is(testing.stats('{headline}')::jsonb - 'latest_response_on' - 'period_start' - 'period_end' - 'agencies',
  '{"findings": 2, "people": "<11", "records": 24, "published_requests": 2, "requests_with_findings": 2,
    "findings_with_unknown_people": 1, "findings_with_unknown_records": 0}'::jsonb,
  'from its embargo date it counts; an unknown number of people is reported as unknown, not as zero');
select is(testing.stats('{by_quarter}')::jsonb @> '[{"key": "2024-Q1", "records": "hidden"}, {"key": "unknown", "records": "hidden"}]',
  false, 'two quarters of 12 records each stay visible (nothing under K to protect)');
select testing.authenticate_as('owner');
update public.records_requests set publish_state = 'private' where id = testing.id('request_a');
select testing.authenticate_as_anon();
select is(testing.stats('{headline,findings}') || ' ' || testing.stats('{headline,records}'), '1 12',
  'unpublishing takes a request''s findings out again');

-- -----------------------------------------------------------------------------
-- Shape and guard
-- -----------------------------------------------------------------------------
select testing.clear_authentication();
select is(
  (select count(*)::int from pg_proc as p where p.pronamespace = 'public'::regnamespace and p.proname like 'published\_%'),
  0, 'the unsuppressed counts of the first release are gone');
select is((select prosecdef and 'search_path=""' = any (proconfig) from pg_proc
  where pronamespace = 'public'::regnamespace and proname = 'public_disclosure_stats'), true,
  'the statistics function is security definer with an empty search_path');
select throws_ok($$ select public.public_disclosure_stats() $$, '42501',
  'Published counts are served to API callers only (anon, authenticated or service_role)',
  'outside the API roles the permission check refuses first');
select testing.authenticate_as_service_role();
select is(testing.stats('{headline,findings}'), '1', 'the service role can read them too');
select testing.authenticate_as_anon();
select throws_ok($$ select * from private.stats_findings(null, null, null, null, null) $$, '42501',
  'permission denied for schema private', 'the row-level helper behind them is out of reach');
select is(public.public_disclosure_stats()::text ~ '(Confidential|@|summary|title|organisation)', false,
  'the document holds no title, summary, address or organisation');
select testing.authenticate_as('owner');
select throws_ok($$ select * from private.stats_findings(null, null, null, null, null) $$, '42501',
  'permission denied for function stats_findings', 'even for signed-in users');

select * from finish();
rollback;
