-- Organisations: created through create_organisation(); members read, owners
-- rename and delete; nobody else sees or touches them.
begin;
\ir _setup.psql
select plan(32);
select testing.create_fixture();

-- -----------------------------------------------------------------------------
-- create_organisation()
-- -----------------------------------------------------------------------------
select testing.authenticate_as('stranger');
select results_eq(
  $$ select name from public.create_organisation('  Front Range Records  ') $$,
  $$ values ('Front Range Records') $$,
  'a signed-in user creates an organisation; the name is trimmed'
);
select results_eq(
  $$ select m.role from public.memberships as m
     join public.organisations as o on o.id = m.organisation_id
     where o.name = 'Front Range Records' and m.user_id = testing.id('stranger') $$,
  $$ values ('owner'::public.member_role) $$,
  'the creator becomes its owner in the same call'
);
select throws_ok($$ select public.create_organisation('   ') $$, '22023', 'Organisation name must not be empty',
  'an empty name is rejected with a clear message');
select throws_ok($$ select public.create_organisation(null) $$, '22023', 'Organisation name must not be empty',
  'a missing name is rejected');
select throws_ok($$ select public.create_organisation(repeat('x', 201)) $$, '22023',
  'Organisation name must be at most 200 characters', 'an over-long name is rejected');
select testing.authenticate_as_anon();
select throws_ok($$ select public.create_organisation('Anon Org') $$, '42501',
  'permission denied for function create_organisation', 'anonymous visitors cannot create organisations');

-- -----------------------------------------------------------------------------
-- select
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select results_eq($$ select id from public.organisations $$, $$ values (testing.id('org_a')) $$, 'owner sees only their organisation');
select testing.authenticate_as('editor');
select results_eq($$ select id from public.organisations $$, $$ values (testing.id('org_a')) $$, 'editor sees only their organisation');
select testing.authenticate_as('viewer');
select results_eq($$ select id from public.organisations $$, $$ values (testing.id('org_a')) $$, 'viewer sees only their organisation');
select testing.authenticate_as('outsider');
select results_eq($$ select id from public.organisations $$, $$ values (testing.id('org_b')) $$, 'another organisation''s member sees only their own');
select testing.authenticate_as_anon();
select throws_ok($$ select * from public.organisations $$, '42501', 'permission denied for table organisations',
  'anonymous visitors cannot read organisations');

-- -----------------------------------------------------------------------------
-- insert (only through create_organisation)
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select throws_ok($$ insert into public.organisations (name) values ('Direct') $$, '42501',
  'permission denied for table organisations', 'owner cannot insert organisations directly');
select testing.authenticate_as('editor');
select throws_ok($$ insert into public.organisations (name) values ('Direct') $$, '42501',
  'permission denied for table organisations', 'editor cannot insert organisations directly');
select testing.authenticate_as('viewer');
select throws_ok($$ insert into public.organisations (name) values ('Direct') $$, '42501',
  'permission denied for table organisations', 'viewer cannot insert organisations directly');
select testing.authenticate_as('outsider');
select throws_ok($$ insert into public.organisations (name) values ('Direct') $$, '42501',
  'permission denied for table organisations', 'another organisation''s member cannot insert organisations directly');
select testing.authenticate_as_anon();
select throws_ok($$ insert into public.organisations (name) values ('Direct') $$, '42501',
  'permission denied for table organisations', 'anonymous visitors cannot insert organisations');

-- -----------------------------------------------------------------------------
-- update
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ update public.organisations set name = 'Renamed' where id = testing.id('org_a') returning 1 $$),
  1::bigint, 'owner can rename the organisation');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ update public.organisations set name = 'Renamed' where id = testing.id('org_a') returning 1 $$),
  0::bigint, 'editor cannot rename the organisation');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ update public.organisations set name = 'Renamed' where id = testing.id('org_a') returning 1 $$),
  0::bigint, 'viewer cannot rename the organisation');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ update public.organisations set name = 'Renamed' where id = testing.id('org_a') returning 1 $$),
  0::bigint, 'another organisation''s member cannot rename it');
select testing.authenticate_as_anon();
select throws_ok($$ update public.organisations set name = 'Renamed' $$, '42501',
  'permission denied for table organisations', 'anonymous visitors cannot rename organisations');

select testing.authenticate_as('owner');
select throws_ok($$ update public.organisations set created_by = testing.id('editor') where id = testing.id('org_a') $$,
  '23514', 'organisations.created_by cannot be changed once set', 'only the name of an organisation can change');

-- -----------------------------------------------------------------------------
-- delete
-- -----------------------------------------------------------------------------
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ delete from public.organisations where id = testing.id('org_a') returning 1 $$),
  0::bigint, 'editor cannot delete the organisation');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ delete from public.organisations where id = testing.id('org_a') returning 1 $$),
  0::bigint, 'viewer cannot delete the organisation');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ delete from public.organisations where id = testing.id('org_a') returning 1 $$),
  0::bigint, 'another organisation''s member cannot delete it');
select testing.authenticate_as_anon();
select throws_ok($$ delete from public.organisations $$, '42501',
  'permission denied for table organisations', 'anonymous visitors cannot delete organisations');
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ delete from public.organisations where id = testing.id('org_a') returning 1 $$),
  1::bigint, 'owner can delete the organisation');

-- The real deletion: everything of the organisation goes, once, and is logged once.
select lives_ok($$ delete from public.organisations where id = testing.id('org_a') $$,
  'deleting an organisation removes its members, requests, events and findings without tripping the owner rule');
select testing.clear_authentication();
select is((select count(*) from public.records_requests where organisation_id = testing.id('org_a')), 0::bigint,
  'its requests are gone');
select is((select count(*) from public.request_events where organisation_id = testing.id('org_a')), 0::bigint,
  'its timeline is gone with them');
select results_eq(
  $$ select action, actor_id from public.audit_log where organisation_id = testing.id('org_a') and created_at = now()
     and action not like 'membership.added' order by id $$,
  $$ values ('organisation.deleted', testing.id('owner')) $$,
  'the deletion is logged once, by its owner, without one entry per removed row'
);
select is((select count(*) from public.records_requests where organisation_id = testing.id('org_b')), 1::bigint,
  'the other organisation is untouched');

select * from finish();
rollback;
