-- Audit log: owners read their organisation's entries; nobody writes,
-- changes or deletes an entry through the API (triggers write them).
begin;
\ir _setup.psql
select plan(21);
select testing.create_fixture();

-- One publish-state change per organisation, by its owner, on top of the fixture's membership entries.
select testing.authenticate_as('owner');
update public.records_requests set publish_state = 'published' where id = testing.id('request_a');
select testing.authenticate_as('outsider');
update public.records_requests set publish_state = 'published' where id = testing.id('request_b');

-- -----------------------------------------------------------------------------
-- select
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select results_eq($$ select action, count(*) from public.audit_log group by action order by action $$,
  $$ values ('membership.added', 3::bigint), ('request.publish_state_changed', 1::bigint) $$,
  'owner reads their organisation''s audit entries only');
select testing.authenticate_as('editor');
select is_empty($$ select id from public.audit_log $$, 'editor does not read the audit log');
select testing.authenticate_as('viewer');
select is_empty($$ select id from public.audit_log $$, 'viewer does not read the audit log');
select testing.authenticate_as('outsider');
select results_eq($$ select distinct organisation_id from public.audit_log $$, $$ values (testing.id('org_b')) $$,
  'another organisation''s owner reads only their own entries');
select testing.authenticate_as_anon();
select throws_ok($$ select * from public.audit_log $$, '42501', 'permission denied for table audit_log',
  'anonymous visitors cannot read the audit log');

-- -----------------------------------------------------------------------------
-- insert, update, delete: never through the API
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select throws_ok($$ insert into public.audit_log (organisation_id, action, target_table) values (testing.id('org_a'), 'fake.entry', 'x') $$,
  '42501', 'permission denied for table audit_log', 'owner cannot forge entries');
select testing.authenticate_as('editor');
select throws_ok($$ insert into public.audit_log (organisation_id, action, target_table) values (testing.id('org_a'), 'fake.entry', 'x') $$,
  '42501', 'permission denied for table audit_log', 'editor cannot forge entries');
select testing.authenticate_as('viewer');
select throws_ok($$ insert into public.audit_log (organisation_id, action, target_table) values (testing.id('org_a'), 'fake.entry', 'x') $$,
  '42501', 'permission denied for table audit_log', 'viewer cannot forge entries');
select testing.authenticate_as('outsider');
select throws_ok($$ insert into public.audit_log (organisation_id, action, target_table) values (testing.id('org_a'), 'fake.entry', 'x') $$,
  '42501', 'permission denied for table audit_log', 'another organisation''s member cannot forge entries');
select testing.authenticate_as_anon();
select throws_ok($$ insert into public.audit_log (organisation_id, action, target_table) values (testing.id('org_a'), 'fake.entry', 'x') $$,
  '42501', 'permission denied for table audit_log', 'anonymous visitors cannot forge entries');

select testing.authenticate_as('owner');
select throws_ok($$ update public.audit_log set details = '{}' $$, '42501', 'permission denied for table audit_log', 'owner cannot alter entries');
select testing.authenticate_as('editor');
select throws_ok($$ update public.audit_log set details = '{}' $$, '42501', 'permission denied for table audit_log', 'editor cannot alter entries');
select testing.authenticate_as('viewer');
select throws_ok($$ update public.audit_log set details = '{}' $$, '42501', 'permission denied for table audit_log', 'viewer cannot alter entries');
select testing.authenticate_as('outsider');
select throws_ok($$ update public.audit_log set details = '{}' $$, '42501', 'permission denied for table audit_log',
  'another organisation''s member cannot alter entries');
select testing.authenticate_as_anon();
select throws_ok($$ update public.audit_log set details = '{}' $$, '42501', 'permission denied for table audit_log',
  'anonymous visitors cannot alter entries');

select testing.authenticate_as('owner');
select throws_ok($$ delete from public.audit_log $$, '42501', 'permission denied for table audit_log', 'owner cannot erase entries');
select testing.authenticate_as('editor');
select throws_ok($$ delete from public.audit_log $$, '42501', 'permission denied for table audit_log', 'editor cannot erase entries');
select testing.authenticate_as('viewer');
select throws_ok($$ delete from public.audit_log $$, '42501', 'permission denied for table audit_log', 'viewer cannot erase entries');
select testing.authenticate_as('outsider');
select throws_ok($$ delete from public.audit_log $$, '42501', 'permission denied for table audit_log',
  'another organisation''s member cannot erase entries');
select testing.authenticate_as_anon();
select throws_ok($$ delete from public.audit_log $$, '42501', 'permission denied for table audit_log',
  'anonymous visitors cannot erase entries');

-- -----------------------------------------------------------------------------
-- What an entry records
-- -----------------------------------------------------------------------------
select testing.clear_authentication();
select results_eq(
  $$ select actor_id, target_id, details ->> 'from', details ->> 'to' from public.audit_log
     where organisation_id = testing.id('org_a') and action = 'request.publish_state_changed' $$,
  $$ values (testing.id('owner'), testing.id('request_a')::text, 'private', 'published') $$,
  'a publish-state change records who, which request, and from what to what'
);

select * from finish();
rollback;
