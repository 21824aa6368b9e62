-- Team screens: organisation_team() lists members with their addresses to
-- members only; invitation_preview() describes a link to whoever holds its token.
begin;
\ir _setup.psql
select plan(14);
select testing.create_fixture();

-- -----------------------------------------------------------------------------
-- organisation_team()
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select results_eq(
  $$ select email, role from public.organisation_team(testing.id('org_a')) $$,
  $$ values ('owner@test.disclose', 'owner'::public.member_role),
            ('editor@test.disclose', 'editor'::public.member_role),
            ('viewer@test.disclose', 'viewer'::public.member_role) $$,
  'owner sees every member with address and role, owners first'
);
select testing.authenticate_as('editor');
select is((select count(*) from public.organisation_team(testing.id('org_a'))), 3::bigint, 'editor sees the team');
select testing.authenticate_as('viewer');
select is((select count(*) from public.organisation_team(testing.id('org_a'))), 3::bigint, 'viewer sees the team');
select testing.authenticate_as('outsider');
select throws_ok($$ select * from public.organisation_team(testing.id('org_a')) $$, '42501',
  'Only members of this organisation can see its team', 'another organisation''s owner cannot list the team');
select testing.authenticate_as('stranger');
select throws_ok($$ select * from public.organisation_team(testing.id('org_a')) $$, '42501',
  'Only members of this organisation can see its team', 'a signed-in non-member cannot list the team');
select testing.authenticate_as_anon();
select throws_ok($$ select * from public.organisation_team(testing.id('org_a')) $$, '42501',
  'permission denied for function organisation_team', 'anonymous visitors cannot list the team');

-- -----------------------------------------------------------------------------
-- invitation_preview()
-- -----------------------------------------------------------------------------
select testing.authenticate_as('stranger');
select results_eq(
  $$ select organisation_id, organisation_name, email, role, status from public.invitation_preview('fixture-token_a') $$,
  $$ values (testing.id('org_a'), 'Alpha Advocacy', 'invitee_a@test.disclose', 'editor'::public.member_role, 'pending') $$,
  'a signed-in holder of the token sees what it is for, member or not'
);
select testing.authenticate_as_anon();
select throws_ok($$ select * from public.invitation_preview('fixture-token_a') $$, '42501',
  'permission denied for function invitation_preview', 'anonymous visitors learn nothing from a token');
select testing.authenticate_as('stranger');
select is_empty($$ select * from public.invitation_preview('no-such-token') $$, 'an unknown token describes nothing');
select is_empty($$ select * from public.invitation_preview(null) $$, 'a missing token describes nothing');
select is_empty($$ select * from public.invitation_preview(repeat('x', 500)) $$, 'an absurdly long token describes nothing');

select testing.clear_authentication();
update public.invitations set created_at = now() - interval '8 days', expires_at = now() - interval '1 day'
where id = testing.id('invitation_b');
update public.invitations set accepted_at = now() where id = testing.id('invitation_a');
select testing.authenticate_as('stranger');
select results_eq($$ select status from public.invitation_preview('fixture-token_a') $$, $$ values ('used') $$,
  'a used token says so');
select results_eq($$ select status from public.invitation_preview('fixture-token_b') $$, $$ values ('expired') $$,
  'an expired token says so');

select testing.clear_authentication();
delete from public.invitations where id = testing.id('invitation_b');
select testing.authenticate_as('stranger');
select is_empty($$ select * from public.invitation_preview('fixture-token_b') $$, 'a revoked token describes nothing');

select * from finish();
rollback;
