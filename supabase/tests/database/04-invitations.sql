-- Invitations: owners invite by email through create_invitation(); the token
-- is single-use, expires and works only for the invited address.
begin;
\ir _setup.psql
select plan(37);
select testing.create_fixture();

-- -----------------------------------------------------------------------------
-- select
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select results_eq($$ select id from public.invitations $$, $$ values (testing.id('invitation_a')) $$, 'owner sees their organisation''s invitations');
select testing.authenticate_as('editor');
select is_empty($$ select id from public.invitations $$, 'editor does not see invitations');
select testing.authenticate_as('viewer');
select is_empty($$ select id from public.invitations $$, 'viewer does not see invitations');
select testing.authenticate_as('outsider');
select results_eq($$ select id from public.invitations $$, $$ values (testing.id('invitation_b')) $$,
  'another organisation''s owner sees only their own invitations');
select testing.authenticate_as_anon();
select throws_ok($$ select * from public.invitations $$, '42501', 'permission denied for table invitations',
  'anonymous visitors cannot read invitations');

-- -----------------------------------------------------------------------------
-- insert and update: only through the API functions
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select throws_ok($$ insert into public.invitations (organisation_id, email, token_hash)
  values (testing.id('org_a'), 'x@test.disclose', repeat('0', 64)) $$, '42501', 'permission denied for table invitations',
  'owner cannot insert invitations directly (no token would be issued)');
select testing.authenticate_as('editor');
select throws_ok($$ insert into public.invitations (organisation_id, email, token_hash)
  values (testing.id('org_a'), 'x@test.disclose', repeat('0', 64)) $$, '42501', 'permission denied for table invitations',
  'editor cannot insert invitations');
select testing.authenticate_as('viewer');
select throws_ok($$ insert into public.invitations (organisation_id, email, token_hash)
  values (testing.id('org_a'), 'x@test.disclose', repeat('0', 64)) $$, '42501', 'permission denied for table invitations',
  'viewer cannot insert invitations');
select testing.authenticate_as('outsider');
select throws_ok($$ insert into public.invitations (organisation_id, email, token_hash)
  values (testing.id('org_a'), 'x@test.disclose', repeat('0', 64)) $$, '42501', 'permission denied for table invitations',
  'another organisation''s member cannot insert invitations');
select testing.authenticate_as_anon();
select throws_ok($$ insert into public.invitations (organisation_id, email, token_hash)
  values (testing.id('org_a'), 'x@test.disclose', repeat('0', 64)) $$, '42501', 'permission denied for table invitations',
  'anonymous visitors cannot insert invitations');

select testing.authenticate_as('owner');
select throws_ok($$ update public.invitations set role = 'owner' $$, '42501', 'permission denied for table invitations',
  'owner cannot edit an invitation in place');
select testing.authenticate_as('editor');
select throws_ok($$ update public.invitations set role = 'owner' $$, '42501', 'permission denied for table invitations',
  'editor cannot edit invitations');
select testing.authenticate_as('viewer');
select throws_ok($$ update public.invitations set role = 'owner' $$, '42501', 'permission denied for table invitations',
  'viewer cannot edit invitations');
select testing.authenticate_as('outsider');
select throws_ok($$ update public.invitations set role = 'owner' $$, '42501', 'permission denied for table invitations',
  'another organisation''s member cannot edit invitations');
select testing.authenticate_as_anon();
select throws_ok($$ update public.invitations set role = 'owner' $$, '42501', 'permission denied for table invitations',
  'anonymous visitors cannot edit invitations');

-- -----------------------------------------------------------------------------
-- delete (revoke)
-- -----------------------------------------------------------------------------
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ delete from public.invitations returning 1 $$), 0::bigint, 'editor cannot revoke invitations');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ delete from public.invitations returning 1 $$), 0::bigint, 'viewer cannot revoke invitations');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ delete from public.invitations where organisation_id = testing.id('org_a') returning 1 $$),
  0::bigint, 'another organisation''s owner cannot revoke them');
select testing.authenticate_as_anon();
select throws_ok($$ delete from public.invitations $$, '42501', 'permission denied for table invitations',
  'anonymous visitors cannot revoke invitations');
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ delete from public.invitations where id = testing.id('invitation_a') returning 1 $$),
  1::bigint, 'owner can revoke an invitation');

-- -----------------------------------------------------------------------------
-- create_invitation()
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
create temporary table issued on commit drop as
  select * from public.create_invitation(testing.id('org_a'), '  Stranger@Test.Disclose ', 'editor');
select ok((select token ~ '^[0-9a-f]{48}$' from issued), 'owner gets a random single-use token back');
select results_eq(
  $$ select email, role, token_hash = encode(extensions.digest((select token from issued), 'sha256'), 'hex')
     from public.invitations where id = (select invitation_id from issued) $$,
  $$ values ('stranger@test.disclose', 'editor'::public.member_role, true) $$,
  'the invitation stores the lower-cased address and only the token''s hash'
);
select throws_ok($$ select public.create_invitation(testing.id('org_a'), 'not-an-email') $$, '22023',
  'Invitation email must be a valid email address', 'a malformed address is rejected');
select throws_ok($$ select public.create_invitation(testing.id('org_a'), 'a@test.disclose', 'viewer', interval '90 days') $$,
  '22023', 'An invitation must be valid for between 1 hour and 30 days', 'an invitation cannot live for months');
select testing.authenticate_as('editor');
select throws_ok($$ select public.create_invitation(testing.id('org_a'), 'a@test.disclose') $$, '42501',
  'Only owners of this organisation can invite members', 'editor cannot invite');
select testing.authenticate_as('outsider');
select throws_ok($$ select public.create_invitation(testing.id('org_a'), 'a@test.disclose', 'owner') $$, '42501',
  'Only owners of this organisation can invite members', 'another organisation''s owner cannot invite into it');
select testing.authenticate_as_anon();
select throws_ok($$ select public.create_invitation(testing.id('org_a'), 'a@test.disclose') $$, '42501',
  'permission denied for function create_invitation', 'anonymous visitors cannot invite');

-- -----------------------------------------------------------------------------
-- accept_invitation()
-- -----------------------------------------------------------------------------
select testing.authenticate_as('outsider');
select throws_ok($$ select public.accept_invitation((select token from issued)) $$, '42501',
  'This invitation was sent to a different email address', 'someone else cannot use the link');
select throws_ok($$ select public.accept_invitation('no-such-token') $$, '22023',
  'This invitation link is not valid', 'a made-up token is rejected');
select testing.authenticate_as('stranger');
select results_eq($$ select organisation_id, user_id, role from public.accept_invitation((select token from issued)) $$,
  $$ values (testing.id('org_a'), testing.id('stranger'), 'editor'::public.member_role) $$,
  'the invited address joins with the invited role');
select throws_ok($$ select public.accept_invitation((select token from issued)) $$, '22023',
  'This invitation has already been used', 'the token works once');
select results_eq($$ select id from public.organisations $$, $$ values (testing.id('org_a')) $$,
  'the new member now sees the organisation');

select testing.clear_authentication();
update public.invitations set created_at = now() - interval '8 days', expires_at = now() - interval '1 day'
where id = testing.id('invitation_b');
insert into testing.ids (name, id, email) values ('invitee_b', gen_random_uuid(), 'invitee_b@test.disclose');
insert into auth.users (id, email) select id, email from testing.ids where name = 'invitee_b';
select testing.authenticate_as('invitee_b');
select throws_ok($$ select public.accept_invitation('fixture-token_b') $$, '22023',
  'This invitation has expired: ask the organisation for a new one', 'an expired token is rejected');
select testing.clear_authentication();
update public.invitations set email = 'viewer@test.disclose' where id = testing.id('invitation_a');
select testing.authenticate_as('viewer');
select throws_ok($$ select public.accept_invitation('fixture-token_a') $$, '23505',
  'You are already a member of this organisation', 'a member cannot accept again');
select testing.authenticate_as_anon();
select throws_ok($$ select public.accept_invitation('fixture-token_a') $$, '42501',
  'permission denied for function accept_invitation', 'anonymous visitors cannot accept invitations');

-- -----------------------------------------------------------------------------
-- Audit
-- -----------------------------------------------------------------------------
select testing.clear_authentication();
select results_eq(
  $$ select action, actor_id from public.audit_log
     where organisation_id = testing.id('org_a') and target_table = 'invitations' order by id $$,
  $$ values ('invitation.created', testing.id('owner')) $$,
  'issuing an invitation is logged'
);
select results_eq(
  $$ select action, actor_id from public.audit_log
     where organisation_id = testing.id('org_a') and details ->> 'user_id' = testing.id('stranger')::text $$,
  $$ values ('membership.added', testing.id('stranger')) $$,
  'accepting one is logged as the member joining'
);

select * from finish();
rollback;
