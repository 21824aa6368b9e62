-- Disclosure findings: private rows of the organisation (members read,
-- editors write); only their published aggregates leave it.
begin;
\ir _setup.psql
select plan(25);
select testing.create_fixture();

create function pg_temp.new_finding(org text, request text) returns text
language sql as $$
  select format($sql$ insert into public.disclosure_findings (organisation_id, request_id, agency_id, data_categories, people_count, recipient)
    values (%L, %L, %L, '{wage_records}', 35, 'ice') returning 1 $sql$, testing.id(org), testing.id(request), testing.id('agency_directory'));
$$;
grant execute on function pg_temp.new_finding(text, text) to authenticated, anon;

-- -----------------------------------------------------------------------------
-- select
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select results_eq($$ select id from public.disclosure_findings $$, $$ values (testing.id('finding_a')) $$, 'owner sees their organisation''s findings only');
select testing.authenticate_as('editor');
select results_eq($$ select id from public.disclosure_findings $$, $$ values (testing.id('finding_a')) $$, 'editor sees their organisation''s findings only');
select testing.authenticate_as('viewer');
select results_eq($$ select id from public.disclosure_findings $$, $$ values (testing.id('finding_a')) $$, 'viewer sees their organisation''s findings only');
select testing.authenticate_as('outsider');
select results_eq($$ select id from public.disclosure_findings $$, $$ values (testing.id('finding_b')) $$,
  'another organisation''s member sees only their own findings');
select testing.authenticate_as_anon();
select throws_ok($$ select * from public.disclosure_findings $$, '42501', 'permission denied for table disclosure_findings',
  'anonymous visitors cannot read findings');

-- -----------------------------------------------------------------------------
-- insert
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows(pg_temp.new_finding('org_a', 'request_a')), 1::bigint, 'owner can record a finding');
select testing.authenticate_as('editor');
select is(testing.affected_rows(pg_temp.new_finding('org_a', 'request_a')), 1::bigint, 'editor can record a finding');
select testing.authenticate_as('viewer');
select throws_ok(pg_temp.new_finding('org_a', 'request_a'), '42501',
  'new row violates row-level security policy for table "disclosure_findings"', 'viewer cannot record findings');
select testing.authenticate_as('outsider');
select throws_ok(pg_temp.new_finding('org_a', 'request_a'), '42501',
  'new row violates row-level security policy for table "disclosure_findings"', 'another organisation''s member cannot record findings in it');
select testing.authenticate_as_anon();
select throws_ok(pg_temp.new_finding('org_a', 'request_a'), '42501',
  'permission denied for table disclosure_findings', 'anonymous visitors cannot record findings');

-- -----------------------------------------------------------------------------
-- update
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ update public.disclosure_findings set people_count = null where id = testing.id('finding_a') returning 1 $$),
  1::bigint, 'owner can edit a finding (e.g. mark the number of people unknown)');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ update public.disclosure_findings set legal_process = 'none_cited' where id = testing.id('finding_a') returning 1 $$),
  1::bigint, 'editor can edit a finding');
select throws_ok($$ update public.disclosure_findings set request_id = testing.id('draft_a') where id = testing.id('finding_a') $$,
  '23514', 'disclosure_findings.request_id cannot be changed once set', 'a finding stays with its request');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ update public.disclosure_findings set people_count = 1 returning 1 $$), 0::bigint, 'viewer cannot edit findings');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ update public.disclosure_findings set people_count = 1 where organisation_id = testing.id('org_a') returning 1 $$),
  0::bigint, 'another organisation''s member cannot edit them');
select testing.authenticate_as_anon();
select throws_ok($$ update public.disclosure_findings set people_count = 1 $$, '42501', 'permission denied for table disclosure_findings',
  'anonymous visitors cannot edit findings');

-- -----------------------------------------------------------------------------
-- delete
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ delete from public.disclosure_findings where id = testing.id('finding_a') returning 1 $$),
  1::bigint, 'owner can delete a finding');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ delete from public.disclosure_findings where id = testing.id('finding_a') returning 1 $$),
  1::bigint, 'editor can delete a finding');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ delete from public.disclosure_findings returning 1 $$), 0::bigint, 'viewer cannot delete findings');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ delete from public.disclosure_findings where organisation_id = testing.id('org_a') returning 1 $$),
  0::bigint, 'another organisation''s member cannot delete them');
select testing.authenticate_as_anon();
select throws_ok($$ delete from public.disclosure_findings $$, '42501', 'permission denied for table disclosure_findings',
  'anonymous visitors cannot delete findings');

-- -----------------------------------------------------------------------------
-- Defaults, agency and source
-- -----------------------------------------------------------------------------
select testing.authenticate_as('editor');
select results_eq($$ insert into public.disclosure_findings (request_id, agency_id, data_categories, legal_process)
  values (testing.id('request_a'), null, '{address,phone_or_email}', 'judicial_warrant')
  returning organisation_id, agency_id, people_count, records_count, recipient, created_by $$,
  $$ values (testing.id('org_a'), testing.id('agency_directory'), null::integer, null::integer,
             'unknown'::public.enforcement_recipient, testing.id('editor')) $$,
  'organisation and agency come from the request; counts and recipient may be unknown');
select throws_ok($$ insert into public.disclosure_findings (request_id, agency_id, data_categories, recipient)
  values (testing.id('request_a'), testing.id('agency_b'), '{ssn}', 'ice') $$,
  '23503', 'A finding can only name a directory agency or one of the organisation''s own agencies',
  'a finding cannot name another organisation''s private agency');
select throws_ok($$ insert into public.disclosure_findings (request_id, agency_id, data_categories, recipient, source_attachment_id, source_page)
  values (testing.id('request_a'), testing.id('agency_directory'), '{ssn}', 'ice', testing.id('attachment_b'), 1) $$,
  '23503', 'insert or update on table "disclosure_findings" violates foreign key constraint "disclosure_findings_source_attachment_fkey"',
  'the source document must belong to the same request');

-- -----------------------------------------------------------------------------
-- Audit
-- -----------------------------------------------------------------------------
delete from public.disclosure_findings where id = testing.id('finding_a');
select testing.clear_authentication();
select results_eq($$ select action, actor_id, (details ->> 'people_count')::int from public.audit_log where target_table = 'disclosure_findings' $$,
  $$ values ('finding.deleted', testing.id('editor'), 10) $$, 'deleting a finding is logged with what it counted');

select * from finish();
rollback;
