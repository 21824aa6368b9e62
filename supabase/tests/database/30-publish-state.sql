-- Publishing a request: owners and editors of its organisation publish it,
-- embargo it until a future Colorado date, or make it private again (each
-- change audit-logged); viewers, other organisations' members and anonymous
-- visitors change nothing. An embargo ending today or earlier is refused.
begin;
\ir _setup.psql
select plan(9);
select testing.create_fixture();

select testing.authenticate_as('owner');
update public.records_requests set publish_state = 'published' where id = testing.id('request_a');
select is((select publish_state::text from public.records_requests where id = testing.id('request_a')), 'published',
  'an owner publishes a request');

select testing.authenticate_as('editor');
update public.records_requests set publish_state = 'embargoed',
  embargoed_until = (now() at time zone 'America/Denver')::date + 30 where id = testing.id('request_a');
select is((select publish_state::text from public.records_requests where id = testing.id('request_a')), 'embargoed',
  'an editor embargoes a request until a future date');

select throws_ok(
  $$ update public.records_requests set embargoed_until = (now() at time zone 'America/Denver')::date
     where id = testing.id('request_a') $$,
  '23514', null, 'an embargo ending today in Colorado is refused');

select throws_ok(
  $$ update public.records_requests set embargoed_until = '2020-01-01' where id = testing.id('request_a') $$,
  '23514', null, 'an embargo ending in the past is refused');

update public.records_requests set publish_state = 'private', embargoed_until = null where id = testing.id('request_a');
select is((select publish_state::text from public.records_requests where id = testing.id('request_a')), 'private',
  'an editor makes a request private again');

select testing.authenticate_as('viewer');
update public.records_requests set publish_state = 'published' where id = testing.id('request_a');
select testing.authenticate_as('outsider');
update public.records_requests set publish_state = 'published' where id = testing.id('request_a');
select testing.authenticate_as_anon();
select throws_ok(
  $$ update public.records_requests set publish_state = 'published' where id = testing.id('request_a') $$,
  '42501', null, 'anonymous visitors may not update requests at all');

select testing.clear_authentication();
select is((select publish_state::text from public.records_requests where id = testing.id('request_a')), 'private',
  'neither a viewer nor another organisation''s member published it');

select is(
  (select count(*)::int from public.audit_log
   where action = 'request.publish_state_changed' and target_id = testing.id('request_a')::text),
  3, 'each change by an owner or editor is audit-logged, refused ones are not');

select is(
  (select details ->> 'to' from public.audit_log
   where action = 'request.publish_state_changed' and target_id = testing.id('request_a')::text
   order by id desc limit 1),
  'private', 'the audit row says what the state became');

select * from finish();
rollback;
