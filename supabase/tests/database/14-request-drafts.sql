-- Request drafts: members read, editors write, authors and owners delete;
-- every save bumps the revision so two devices cannot overwrite each other
-- silently; filed drafts are frozen.
begin;
\ir _setup.psql
select plan(27);
select testing.create_fixture();

select testing.clear_authentication();
insert into public.request_drafts (id, organisation_id, template_id, title, created_by)
values (testing.remember('draft_by_editor', gen_random_uuid()), testing.id('org_a'), 'initial_request', 'Alpha draft', testing.id('editor')),
       (testing.remember('draft_in_b', gen_random_uuid()), testing.id('org_b'), 'initial_request', 'Beta draft', testing.id('outsider'));

-- -----------------------------------------------------------------------------
-- select
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select results_eq($$ select id from public.request_drafts $$, $$ values (testing.id('draft_by_editor')) $$, 'owner sees their organisation''s drafts');
select testing.authenticate_as('editor');
select results_eq($$ select id from public.request_drafts $$, $$ values (testing.id('draft_by_editor')) $$, 'editor sees their organisation''s drafts');
select testing.authenticate_as('viewer');
select results_eq($$ select id from public.request_drafts $$, $$ values (testing.id('draft_by_editor')) $$, 'viewer sees their organisation''s drafts');
select testing.authenticate_as('outsider');
select results_eq($$ select id from public.request_drafts $$, $$ values (testing.id('draft_in_b')) $$, 'another organisation''s member never sees Alpha''s drafts');
select testing.authenticate_as_anon();
select throws_ok($$ select * from public.request_drafts $$, '42501', 'permission denied for table request_drafts', 'anonymous visitors cannot read drafts');

-- -----------------------------------------------------------------------------
-- insert
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ insert into public.request_drafts (organisation_id, template_id) values (testing.id('org_a'), 'initial_request') returning 1 $$),
  1::bigint, 'owner can start a draft');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ insert into public.request_drafts (organisation_id, template_id) values (testing.id('org_a'), 'initial_request') returning 1 $$),
  1::bigint, 'editor can start a draft');
select throws_ok($$ insert into public.request_drafts (organisation_id, template_id, created_by) values (testing.id('org_a'), 'initial_request', testing.id('owner')) $$,
  '42501', 'new row violates row-level security policy for table "request_drafts"', 'editor cannot start a draft in someone else''s name');
select testing.authenticate_as('viewer');
select throws_ok($$ insert into public.request_drafts (organisation_id, template_id) values (testing.id('org_a'), 'initial_request') $$,
  '42501', 'new row violates row-level security policy for table "request_drafts"', 'viewer cannot start drafts');
select testing.authenticate_as('outsider');
select throws_ok($$ insert into public.request_drafts (organisation_id, template_id) values (testing.id('org_a'), 'initial_request') $$,
  '42501', 'new row violates row-level security policy for table "request_drafts"', 'another organisation''s member cannot start drafts in it');
select testing.authenticate_as_anon();
select throws_ok($$ insert into public.request_drafts (organisation_id, template_id) values (testing.id('org_a'), 'initial_request') $$,
  '42501', 'permission denied for table request_drafts', 'anonymous visitors cannot start drafts');

-- Offline replay: the same client id twice is one draft.
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ insert into public.request_drafts (id, organisation_id, template_id, title)
  values (testing.id('draft_by_editor'), testing.id('org_a'), 'initial_request', 'Replayed') on conflict (id) do nothing returning 1 $$),
  0::bigint, 'replaying a draft creation changes nothing');

-- -----------------------------------------------------------------------------
-- update and revisions
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ update public.request_drafts set title = 'By owner' where id = testing.id('draft_by_editor') returning 1 $$),
  1::bigint, 'owner can edit a draft');
select testing.authenticate_as('editor');
-- (affected_rows undoes what it counts, so the draft is still at revision 1 here.)
select is(testing.affected_rows($$ update public.request_drafts set title = 'Phone' where id = testing.id('draft_by_editor') and revision = 1 returning 1 $$),
  1::bigint, 'a save over the revision the device saw succeeds');
update public.request_drafts set title = 'Phone' where id = testing.id('draft_by_editor') and revision = 1;
select results_eq($$ select revision, title from public.request_drafts where id = testing.id('draft_by_editor') $$,
  $$ values (2, 'Phone') $$, 'and bumps the revision');
select is(testing.affected_rows($$ update public.request_drafts set title = 'Laptop' where id = testing.id('draft_by_editor') and revision = 1 returning 1 $$),
  0::bigint, 'a second device still holding revision 1 updates nothing, so it knows to keep its version as a copy');
select throws_ok($$ update public.request_drafts set organisation_id = testing.id('org_b') where id = testing.id('draft_by_editor') $$,
  '23514', 'request_drafts.organisation_id cannot be changed once set', 'a draft cannot move to another organisation');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ update public.request_drafts set title = 'x' returning 1 $$), 0::bigint, 'viewer cannot edit drafts');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ update public.request_drafts set title = 'x' where organisation_id = testing.id('org_a') returning 1 $$),
  0::bigint, 'another organisation''s member cannot edit them');
select testing.authenticate_as_anon();
select throws_ok($$ update public.request_drafts set title = 'x' $$, '42501', 'permission denied for table request_drafts', 'anonymous visitors cannot edit drafts');

select testing.authenticate_as('editor');
update public.request_drafts set filed_at = now() where id = testing.id('draft_by_editor');
select throws_ok($$ update public.request_drafts set title = 'After filing' where id = testing.id('draft_by_editor') $$,
  '55000', 'This draft was already filed and can no longer be changed', 'a filed draft is frozen');

-- -----------------------------------------------------------------------------
-- delete
-- -----------------------------------------------------------------------------
select testing.clear_authentication();
insert into public.request_drafts (id, organisation_id, template_id, created_by)
values (testing.remember('draft_by_owner', gen_random_uuid()), testing.id('org_a'), 'initial_request', testing.id('owner'));
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ delete from public.request_drafts where id = testing.id('draft_by_owner') returning 1 $$),
  0::bigint, 'editor cannot delete someone else''s draft');
select is(testing.affected_rows($$ delete from public.request_drafts where id = testing.id('draft_by_editor') returning 1 $$),
  1::bigint, 'editor can delete their own draft');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ delete from public.request_drafts returning 1 $$), 0::bigint, 'viewer cannot delete drafts');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ delete from public.request_drafts where organisation_id = testing.id('org_a') returning 1 $$),
  0::bigint, 'another organisation''s member cannot delete them');
select testing.authenticate_as_anon();
select throws_ok($$ delete from public.request_drafts $$, '42501', 'permission denied for table request_drafts', 'anonymous visitors cannot delete drafts');
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ delete from public.request_drafts where id = testing.id('draft_by_owner') returning 1 $$),
  1::bigint, 'owner can delete any draft of the organisation');

select * from finish();
rollback;
