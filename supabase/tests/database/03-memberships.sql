-- Memberships: members see who else belongs; only owners add, change and
-- remove members; anyone may leave; an organisation always keeps an owner.
begin;
\ir _setup.psql
select plan(30);
select testing.create_fixture();

-- -----------------------------------------------------------------------------
-- select
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select results_eq($$ select user_id from public.memberships order by role $$,
  $$ values (testing.id('owner')), (testing.id('editor')), (testing.id('viewer')) $$, 'owner sees the three members of their organisation');
select testing.authenticate_as('editor');
select is((select count(*) from public.memberships where organisation_id = testing.id('org_a')), 3::bigint, 'editor sees their organisation''s members');
select testing.authenticate_as('viewer');
select is((select count(*) from public.memberships where organisation_id = testing.id('org_a')), 3::bigint, 'viewer sees their organisation''s members');
select testing.authenticate_as('outsider');
select results_eq($$ select organisation_id from public.memberships $$, $$ values (testing.id('org_b')) $$,
  'another organisation''s member sees only their own membership list');
select testing.authenticate_as_anon();
select throws_ok($$ select * from public.memberships $$, '42501', 'permission denied for table memberships',
  'anonymous visitors cannot read memberships');

-- -----------------------------------------------------------------------------
-- insert
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ insert into public.memberships (organisation_id, user_id, role)
  values (testing.id('org_a'), testing.id('stranger'), 'viewer') returning 1 $$), 1::bigint, 'owner can add a member');
select testing.authenticate_as('editor');
select throws_ok($$ insert into public.memberships (organisation_id, user_id, role) values (testing.id('org_a'), testing.id('stranger'), 'viewer') $$,
  '42501', 'new row violates row-level security policy for table "memberships"', 'editor cannot add members');
select testing.authenticate_as('viewer');
select throws_ok($$ insert into public.memberships (organisation_id, user_id, role) values (testing.id('org_a'), testing.id('stranger'), 'viewer') $$,
  '42501', 'new row violates row-level security policy for table "memberships"', 'viewer cannot add members');
select testing.authenticate_as('outsider');
select throws_ok($$ insert into public.memberships (organisation_id, user_id, role) values (testing.id('org_a'), testing.id('outsider'), 'owner') $$,
  '42501', 'new row violates row-level security policy for table "memberships"', 'another organisation''s member cannot join by inserting');
select testing.authenticate_as_anon();
select throws_ok($$ insert into public.memberships (organisation_id, user_id, role) values (testing.id('org_a'), testing.id('stranger'), 'viewer') $$,
  '42501', 'permission denied for table memberships', 'anonymous visitors cannot add members');

-- -----------------------------------------------------------------------------
-- update
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ update public.memberships set role = 'viewer'
  where organisation_id = testing.id('org_a') and user_id = testing.id('editor') returning 1 $$), 1::bigint, 'owner can change a member''s role');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ update public.memberships set role = 'owner'
  where organisation_id = testing.id('org_a') and user_id = testing.id('editor') returning 1 $$), 0::bigint, 'editor cannot promote themselves');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ update public.memberships set role = 'editor'
  where organisation_id = testing.id('org_a') returning 1 $$), 0::bigint, 'viewer cannot change roles');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ update public.memberships set role = 'viewer'
  where organisation_id = testing.id('org_a') returning 1 $$), 0::bigint, 'another organisation''s member cannot change roles');
select testing.authenticate_as_anon();
select throws_ok($$ update public.memberships set role = 'viewer' $$, '42501', 'permission denied for table memberships',
  'anonymous visitors cannot change roles');

-- -----------------------------------------------------------------------------
-- delete
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ delete from public.memberships
  where organisation_id = testing.id('org_a') and user_id = testing.id('viewer') returning 1 $$), 1::bigint, 'owner can remove a member');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ delete from public.memberships
  where organisation_id = testing.id('org_a') and user_id = testing.id('viewer') returning 1 $$), 0::bigint, 'editor cannot remove others');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ delete from public.memberships
  where organisation_id = testing.id('org_a') and user_id = testing.id('editor') returning 1 $$), 0::bigint, 'viewer cannot remove others');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ delete from public.memberships
  where organisation_id = testing.id('org_a') returning 1 $$), 0::bigint, 'another organisation''s member cannot remove members');
select testing.authenticate_as_anon();
select throws_ok($$ delete from public.memberships $$, '42501', 'permission denied for table memberships',
  'anonymous visitors cannot remove members');

select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ delete from public.memberships
  where organisation_id = testing.id('org_a') and user_id = testing.id('viewer') returning 1 $$), 1::bigint, 'any member can leave');

-- -----------------------------------------------------------------------------
-- At least one owner, always
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select throws_ok($$ update public.memberships set role = 'editor'
  where organisation_id = testing.id('org_a') and user_id = testing.id('owner') $$,
  '23514', 'An organisation must keep at least one owner', 'the only owner cannot step down');
select throws_ok($$ delete from public.memberships
  where organisation_id = testing.id('org_a') and user_id = testing.id('owner') $$,
  '23514', 'An organisation must keep at least one owner', 'the only owner cannot leave');
select throws_ok($$ update public.memberships set user_id = testing.id('stranger')
  where organisation_id = testing.id('org_a') and user_id = testing.id('viewer') $$,
  '23514', 'memberships.user_id cannot be changed once set', 'a membership cannot be handed to another user');
select is(testing.affected_rows($$ update public.memberships
  set role = case when user_id = testing.id('owner') then 'editor'::public.member_role else 'owner' end
  where organisation_id = testing.id('org_a') and user_id in (testing.id('owner'), testing.id('editor')) returning 1 $$),
  2::bigint, 'ownership can be handed over in one statement');
select lives_ok($$ update public.memberships set role = 'owner'
  where organisation_id = testing.id('org_a') and user_id = testing.id('editor') $$, 'owner makes the editor an owner');
select lives_ok($$ delete from public.memberships
  where organisation_id = testing.id('org_a') and user_id = testing.id('owner') $$, 'then the first owner can leave');
select testing.authenticate_as_service_role();
select throws_ok($$ delete from public.memberships where organisation_id = testing.id('org_b') $$,
  '23514', 'An organisation must keep at least one owner', 'not even the service role can leave an organisation ownerless');

-- -----------------------------------------------------------------------------
-- Audit
-- -----------------------------------------------------------------------------
select testing.clear_authentication();
select results_eq(
  $$ select action, actor_id, details ->> 'user_id' from public.audit_log
     where organisation_id = testing.id('org_a') and action <> 'membership.added' order by id $$,
  $$ values ('membership.role_changed', testing.id('owner'), testing.id('editor')::text),
            ('membership.removed', testing.id('owner'), testing.id('owner')::text) $$,
  'role changes and removals are logged with who did them'
);
select is((select count(*) from public.audit_log where organisation_id = testing.id('org_a') and action = 'membership.added'),
  3::bigint, 'added members are logged');

select * from finish();
rollback;
