-- set_publish_state: owners and editors publish, embargo or make private the
-- requests of their organisation, one or many at once, all or nothing. A
-- viewer, another organisation's member or a signed-in stranger is refused
-- loudly (42501, naming how many) and nothing changes; anonymous visitors
-- cannot call it; an embargo ending today or earlier is refused by the
-- embargo trigger (23514).
begin;
\ir _setup.psql
select plan(30);
select testing.create_fixture();

create function testing.state_of(request text) returns text
language sql
as $$
  select r.publish_state::text || coalesce(' ' || r.embargoed_until::text, '')
  from public.records_requests as r where r.id = testing.id(request);
$$;

create function testing.in_days(days integer) returns date
language sql
as $$ select (now() at time zone 'America/Denver')::date + days; $$;
grant execute on function testing.in_days(integer) to anon, authenticated;

-- The function itself: security invoker, callable by signed-in members only.
select is((select prosecdef from pg_proc where oid = 'public.set_publish_state(uuid[], public.publish_state, date)'::regprocedure),
  false, 'set_publish_state is security invoker: row-level security decides');
select ok(has_function_privilege('authenticated', 'public.set_publish_state(uuid[], public.publish_state, date)', 'execute')
  and not has_function_privilege('anon', 'public.set_publish_state(uuid[], public.publish_state, date)', 'execute')
  and not has_function_privilege('service_role', 'public.set_publish_state(uuid[], public.publish_state, date)', 'execute'),
  'only authenticated may execute set_publish_state');

-- Owner
select testing.authenticate_as('owner');
select is(public.set_publish_state(array[testing.id('request_a')], 'published'), 1, 'an owner publishes a request: one changed');
select testing.clear_authentication();
select is(testing.state_of('request_a'), 'published', 'the request is published');
select testing.authenticate_as('owner');
select is(public.set_publish_state(array[testing.id('request_a')], 'published'), 0, 'publishing it again changes nothing');
select is(public.set_publish_state('{}', 'published'), 0, 'an empty list changes nothing');

-- Editor
select testing.authenticate_as('editor');
select is(public.set_publish_state(array[testing.id('request_a')], 'embargoed', testing.in_days(30)), 1,
  'an editor embargoes a request until a future Colorado date');
select testing.clear_authentication();
select is(testing.state_of('request_a'), 'embargoed ' || testing.in_days(30), 'the request is embargoed until that date');

select testing.authenticate_as('editor');
select throws_ok($$ select public.set_publish_state(array[testing.id('request_a')], 'embargoed', testing.in_days(0)) $$,
  '23514', null, 'an embargo ending today in Colorado is refused');
select throws_ok($$ select public.set_publish_state(array[testing.id('request_a')], 'embargoed', '2020-01-01') $$,
  '23514', null, 'an embargo ending in the past is refused');
select throws_ok($$ select public.set_publish_state(array[testing.id('request_a')], 'embargoed') $$,
  '22023', 'An embargo needs the date it ends', 'an embargo without a date is refused');
select throws_ok($$ select public.set_publish_state(array[testing.id('request_a')], 'published', testing.in_days(30)) $$,
  '22023', 'Only an embargo takes an end date', 'a date with any other state is refused');
select throws_ok($$ select public.set_publish_state(array[testing.id('request_a'), null], 'published') $$,
  '22023', 'Request ids must not be null', 'a null id is refused');

-- All or nothing: one of the two belongs to another organisation.
select throws_ok($$ select public.set_publish_state(array[testing.id('request_a'), testing.id('request_b')], 'published') $$,
  '42501',
  'Nothing was changed: you may not change the publishing of 1 of the 2 requests given (not found, or you are not an owner or editor of their organisation)',
  'a list with another organisation''s request is refused, naming how many');
select throws_ok($$ select public.set_publish_state(array[testing.id('request_a'), gen_random_uuid(), gen_random_uuid()], 'private') $$,
  '42501',
  'Nothing was changed: you may not change the publishing of 2 of the 3 requests given (not found, or you are not an owner or editor of their organisation)',
  'ids that do not exist are refused too');
select testing.clear_authentication();
select is(testing.state_of('request_a'), 'embargoed ' || testing.in_days(30), 'a refused list changed none of its requests');
select is(testing.state_of('request_b'), 'private', 'nor the other organisation''s request');

-- Bulk: several of the organisation's own requests, a duplicate counted once.
select testing.authenticate_as('editor');
select is(public.set_publish_state(array[testing.id('request_a'), testing.id('draft_a'), testing.id('request_a')], 'published'), 2,
  'an editor publishes several requests at once (a repeated id counts once)');
select testing.clear_authentication();
select is(testing.state_of('draft_a'), 'published', 'each request of the list is published');

-- Viewer: sees the request, may not change it.
select testing.authenticate_as('viewer');
select is((select count(*)::int from public.records_requests where id = testing.id('request_a')), 1, 'a viewer sees the request');
select throws_ok($$ select public.set_publish_state(array[testing.id('request_a')], 'private') $$,
  '42501',
  'Nothing was changed: you may not change the publishing of 1 of the 1 requests given (not found, or you are not an owner or editor of their organisation)',
  'a viewer is refused loudly');
select is(testing.affected_rows($$ update public.records_requests set publish_state = 'private' where id = testing.id('request_a') returning id $$),
  0::bigint, 'a viewer''s direct update is refused silently (no row)');

-- Another organisation's owner: does not even see it.
select testing.authenticate_as('outsider');
select is_empty($$ select id from public.records_requests where id = testing.id('request_a') $$,
  'another organisation''s member does not see the request');
select throws_ok($$ select public.set_publish_state(array[testing.id('request_a')], 'private') $$,
  '42501', null, 'another organisation''s member is refused loudly');
select is(public.set_publish_state(array[testing.id('request_b')], 'published'), 1, 'while publishing their own organisation''s request');

-- A signed-in stranger and anonymous visitors.
select testing.authenticate_as('stranger');
select throws_ok($$ select public.set_publish_state(array[testing.id('request_a')], 'private') $$,
  '42501', null, 'a signed-in member of no organisation is refused');
select testing.authenticate_as_anon();
select throws_ok($$ select public.set_publish_state(array[testing.id('request_a')], 'private') $$,
  '42501', 'permission denied for function set_publish_state', 'anonymous visitors cannot call it');

select testing.clear_authentication();
select is(testing.state_of('request_a'), 'published', 'no refused caller changed the request');

select is(
  (select count(*)::int from public.audit_log
   where action = 'request.publish_state_changed' and target_id = testing.id('request_a')::text),
  3, 'each change is audit-logged; refused calls and calls that changed nothing are not');
select is(
  (select details ->> 'to' from public.audit_log
   where action = 'request.publish_state_changed' and target_id = testing.id('draft_a')::text),
  'published', 'a bulk change logs each request');

select * from finish();
rollback;
