-- Records requests: members read, editors write, owners (and editors, for
-- drafts) delete; client-generated ids make offline creation idempotent.
begin;
\ir _setup.psql
select plan(34);
select testing.create_fixture();

-- -----------------------------------------------------------------------------
-- select
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select results_eq($$ select id from public.records_requests order by title $$,
  $$ values (testing.id('draft_a')), (testing.id('request_a')) $$, 'owner sees their organisation''s requests only');
select testing.authenticate_as('editor');
select results_eq($$ select id from public.records_requests order by title $$,
  $$ values (testing.id('draft_a')), (testing.id('request_a')) $$, 'editor sees their organisation''s requests only');
select testing.authenticate_as('viewer');
select results_eq($$ select id from public.records_requests order by title $$,
  $$ values (testing.id('draft_a')), (testing.id('request_a')) $$, 'viewer sees their organisation''s requests only');
select testing.authenticate_as('outsider');
select results_eq($$ select id from public.records_requests $$, $$ values (testing.id('request_b')) $$,
  'another organisation''s member never sees Alpha''s requests or letters');
select testing.authenticate_as_anon();
select throws_ok($$ select * from public.records_requests $$, '42501', 'permission denied for table records_requests',
  'anonymous visitors cannot read requests');

-- -----------------------------------------------------------------------------
-- insert
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ insert into public.records_requests (organisation_id, agency_id, title, regime)
  values (testing.id('org_a'), testing.id('agency_directory'), 'New', 'CORA') returning 1 $$), 1::bigint, 'owner can create a request');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ insert into public.records_requests (organisation_id, agency_id, title, regime)
  values (testing.id('org_a'), testing.id('agency_directory'), 'New', 'CORA') returning 1 $$), 1::bigint, 'editor can create a request');
select throws_ok($$ insert into public.records_requests (organisation_id, agency_id, title, regime, created_by)
  values (testing.id('org_a'), testing.id('agency_directory'), 'New', 'CORA', testing.id('owner')) $$,
  '42501', 'new row violates row-level security policy for table "records_requests"', 'editor cannot file a request in someone else''s name');
select testing.authenticate_as('viewer');
select throws_ok($$ insert into public.records_requests (organisation_id, agency_id, title, regime)
  values (testing.id('org_a'), testing.id('agency_directory'), 'New', 'CORA') $$,
  '42501', 'new row violates row-level security policy for table "records_requests"', 'viewer cannot create requests');
select testing.authenticate_as('outsider');
select throws_ok($$ insert into public.records_requests (organisation_id, agency_id, title, regime)
  values (testing.id('org_a'), testing.id('agency_directory'), 'New', 'CORA') $$,
  '42501', 'new row violates row-level security policy for table "records_requests"', 'another organisation''s member cannot create requests in it');
select testing.authenticate_as_anon();
select throws_ok($$ insert into public.records_requests (organisation_id, agency_id, title, regime)
  values (testing.id('org_a'), testing.id('agency_directory'), 'New', 'CORA') $$,
  '42501', 'permission denied for table records_requests', 'anonymous visitors cannot create requests');

-- Offline replay: the same client-generated id twice creates one request.
select testing.clear_authentication();
insert into testing.ids (name, id) values ('offline_request', gen_random_uuid());
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ insert into public.records_requests (id, organisation_id, agency_id, title, regime)
  values (testing.id('offline_request'), testing.id('org_a'), testing.id('agency_directory'), 'Made offline', 'CORA')
  on conflict (id) do nothing returning 1 $$), 1::bigint, 'an offline-created request is inserted once');
insert into public.records_requests (id, organisation_id, agency_id, title, regime)
values (testing.id('offline_request'), testing.id('org_a'), testing.id('agency_directory'), 'Made offline', 'CORA')
on conflict (id) do nothing;
select is(testing.affected_rows($$ insert into public.records_requests (id, organisation_id, agency_id, title, regime)
  values (testing.id('offline_request'), testing.id('org_a'), testing.id('agency_directory'), 'Made offline (retry)', 'CORA')
  on conflict (id) do nothing returning 1 $$), 0::bigint, 'replaying it changes nothing');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ insert into public.records_requests (id, organisation_id, agency_id, title, regime)
  values (testing.id('request_a'), testing.id('org_b'), testing.id('agency_directory'), 'Hijack', 'CORA')
  on conflict (id) do nothing returning 1 $$), 0::bigint, 'reusing another organisation''s request id does nothing');
select testing.clear_authentication();
select results_eq($$ select organisation_id, title from public.records_requests where id = testing.id('request_a') $$,
  $$ values (testing.id('org_a'), 'Immigration data sharing a') $$, 'and leaves that request as it was');

-- -----------------------------------------------------------------------------
-- update
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ update public.records_requests set status = 'acknowledged' where id = testing.id('request_a') returning 1 $$),
  1::bigint, 'owner can update a request');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ update public.records_requests set status = 'acknowledged' where id = testing.id('request_a') returning 1 $$),
  1::bigint, 'editor can update a request');
select throws_ok($$ update public.records_requests set organisation_id = testing.id('org_b') where id = testing.id('request_a') $$,
  '23514', 'records_requests.organisation_id cannot be changed once set', 'a request cannot move to another organisation');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ update public.records_requests set status = 'closed' returning 1 $$), 0::bigint, 'viewer cannot update requests');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ update public.records_requests set status = 'closed' where organisation_id = testing.id('org_a') returning 1 $$),
  0::bigint, 'another organisation''s member cannot update them');
select testing.authenticate_as_anon();
select throws_ok($$ update public.records_requests set status = 'closed' $$, '42501', 'permission denied for table records_requests',
  'anonymous visitors cannot update requests');

-- -----------------------------------------------------------------------------
-- delete
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ delete from public.records_requests where id = testing.id('request_a') returning 1 $$),
  1::bigint, 'owner can delete a sent request');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ delete from public.records_requests where id = testing.id('request_a') returning 1 $$),
  0::bigint, 'editor cannot delete a sent request');
select is(testing.affected_rows($$ delete from public.records_requests where id = testing.id('draft_a') returning 1 $$),
  1::bigint, 'editor can delete a draft');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ delete from public.records_requests returning 1 $$), 0::bigint, 'viewer cannot delete requests');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ delete from public.records_requests where organisation_id = testing.id('org_a') returning 1 $$),
  0::bigint, 'another organisation''s member cannot delete them');
select testing.authenticate_as_anon();
select throws_ok($$ delete from public.records_requests $$, '42501', 'permission denied for table records_requests',
  'anonymous visitors cannot delete requests');

-- -----------------------------------------------------------------------------
-- Agencies and defaults
-- -----------------------------------------------------------------------------
select testing.authenticate_as('editor');
select throws_ok($$ insert into public.records_requests (organisation_id, agency_id, title, regime)
  values (testing.id('org_a'), testing.id('agency_b'), 'To Beta''s private agency', 'CORA') $$,
  '23503', 'A request can only go to a directory agency or one of the organisation''s own agencies',
  'a request cannot go to another organisation''s private agency');
select results_eq($$ insert into public.records_requests (organisation_id, agency_id, title)
  select testing.id('org_a'), id, 'Judicial admin records' from public.agencies where abbreviation = 'JUD' and organisation_id is null
  returning regime, status, publish_state, created_by $$,
  $$ values ('PAIRR2'::public.legal_regime, 'draft'::public.request_status, 'private'::public.publish_state, testing.id('editor')) $$,
  'regime defaults to the agency''s; a new request is a private draft by its author');
select results_eq($$ insert into public.records_requests (organisation_id, agency_id, title, regime, batch_id)
  select testing.id('org_a'), a.id, 'One letter, many agencies', a.regime, '7d1c1b7e-1111-4b8e-9c3a-000000000001'
  from public.agencies as a where a.abbreviation in ('CDLE', 'CDOR', 'CDPHE') and a.organisation_id is null
  returning batch_id $$,
  $$ values ('7d1c1b7e-1111-4b8e-9c3a-000000000001'::uuid), ('7d1c1b7e-1111-4b8e-9c3a-000000000001'::uuid),
            ('7d1c1b7e-1111-4b8e-9c3a-000000000001'::uuid) $$,
  'one draft sent to many agencies shares a batch id');

-- -----------------------------------------------------------------------------
-- Audit: publishing and deleting
-- -----------------------------------------------------------------------------
select testing.authenticate_as('editor');
update public.records_requests set publish_state = 'embargoed', embargoed_until = '2030-01-01' where id = testing.id('request_a');
update public.records_requests set title = 'Retitled' where id = testing.id('request_a');
select testing.authenticate_as('owner');
delete from public.records_requests where id = testing.id('request_a');
select testing.clear_authentication();
select results_eq(
  $$ select action, actor_id, details ->> 'to' from public.audit_log
     where target_table = 'records_requests' and target_id = testing.id('request_a')::text order by id $$,
  $$ values ('request.publish_state_changed', testing.id('editor'), 'embargoed'),
            ('request.deleted', testing.id('owner'), null) $$,
  'publish-state changes and deletions are logged, ordinary edits are not'
);
select is((select count(*) from public.request_events where request_id = testing.id('request_a')), 0::bigint,
  'deleting a request takes its append-only timeline with it');
select is((select count(*) from public.audit_log where action like 'attachment.%' or action like 'finding.%'), 0::bigint,
  'its attachments and findings go without an entry each');
select testing.authenticate_as('owner');
select is_empty($$ select id from public.audit_log where organisation_id = testing.id('org_b') $$,
  'audit entries of another organisation stay invisible');

select * from finish();
rollback;
