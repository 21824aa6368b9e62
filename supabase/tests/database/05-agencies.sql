-- Agencies: the shared directory is readable by everyone signed in and
-- written by nobody but the service role; organisations keep their own
-- agencies and private corrections, merged in organisation_agencies.
begin;
\ir _setup.psql
select plan(54);
select testing.create_fixture();

-- An own agency no request refers to, so deleting it is only a question of permission.
insert into public.agencies (id, organisation_id, name, level, regime)
values (testing.remember('unused_agency_a', gen_random_uuid()), testing.id('org_a'), 'Unused district', 'school_district', 'CORA');

-- -----------------------------------------------------------------------------
-- Seeded directory
-- -----------------------------------------------------------------------------
select results_eq(
  $$ select name, request_email, mailing_address, source_urls ->> 'request_email'
     from public.agencies where abbreviation = 'CDLE' and organisation_id is null $$,
  $$ values ('Colorado Department of Labor and Employment', 'cdle_pr@state.co.us', '707 17th St, Suite 2500, Denver, CO',
             'https://cdle.colorado.gov/colorado-open-records-act-cora') $$,
  'the directory is seeded with each fact''s source'
);
select results_eq(
  $$ select request_email, portal_url, phone_or_fax, mailing_address, receipt_cutoff, hourly_research_fee
     from public.agencies where abbreviation = 'CBI' and organisation_id is null $$,
  $$ values (null::text, null::text, null::text, null::text, null::time, null::numeric) $$,
  'facts the research did not find stay unknown'
);

-- -----------------------------------------------------------------------------
-- agencies: select
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select results_eq($$ select id from public.agencies where organisation_id is not null order by name $$,
  $$ values (testing.id('agency_a')), (testing.id('unused_agency_a')) $$, 'owner sees their own agencies and no one else''s');
select ok((select count(*) >= 19 from public.agencies where organisation_id is null), 'owner sees the directory');
select testing.authenticate_as('editor');
select is((select count(*) from public.agencies where organisation_id = testing.id('org_a')), 2::bigint, 'editor sees their own agencies');
select testing.authenticate_as('viewer');
select is((select count(*) from public.agencies where organisation_id = testing.id('org_a')), 2::bigint, 'viewer sees their own agencies');
select testing.authenticate_as('outsider');
select results_eq($$ select id from public.agencies where organisation_id is not null $$,
  $$ values (testing.id('agency_b')) $$, 'another organisation''s member sees only their own agencies');
select ok((select count(*) >= 19 from public.agencies where organisation_id is null), 'and the directory');
select testing.authenticate_as('stranger');
select ok((select count(*) >= 19 from public.agencies) and not exists (select 1 from public.agencies where organisation_id is not null),
  'a signed-in user without an organisation sees the directory only');
select testing.authenticate_as_anon();
select throws_ok($$ select * from public.agencies $$, '42501', 'permission denied for table agencies',
  'anonymous visitors cannot read agencies');

-- -----------------------------------------------------------------------------
-- agencies: insert
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ insert into public.agencies (organisation_id, name, level, regime)
  values (testing.id('org_a'), 'Denver Sheriff', 'county', 'CCJRA') returning 1 $$), 1::bigint, 'owner can add an own agency');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ insert into public.agencies (organisation_id, name, level, regime)
  values (testing.id('org_a'), 'Denver Sheriff', 'county', 'CCJRA') returning 1 $$), 1::bigint, 'editor can add an own agency');
select throws_ok($$ insert into public.agencies (organisation_id, name, level, regime) values (null, 'Fake state agency', 'state', 'CORA') $$,
  '42501', 'new row violates row-level security policy for table "agencies"', 'editor cannot add to the shared directory');
select testing.authenticate_as('viewer');
select throws_ok($$ insert into public.agencies (organisation_id, name, level, regime) values (testing.id('org_a'), 'X', 'city', 'CORA') $$,
  '42501', 'new row violates row-level security policy for table "agencies"', 'viewer cannot add agencies');
select testing.authenticate_as('outsider');
select throws_ok($$ insert into public.agencies (organisation_id, name, level, regime) values (testing.id('org_a'), 'X', 'city', 'CORA') $$,
  '42501', 'new row violates row-level security policy for table "agencies"', 'another organisation''s member cannot add agencies to it');
select testing.authenticate_as_anon();
select throws_ok($$ insert into public.agencies (organisation_id, name, level, regime) values (null, 'X', 'city', 'CORA') $$,
  '42501', 'permission denied for table agencies', 'anonymous visitors cannot add agencies');

-- -----------------------------------------------------------------------------
-- agencies: update
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ update public.agencies set notes = 'Call first' where id = testing.id('agency_a') returning 1 $$),
  1::bigint, 'owner can edit an own agency');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ update public.agencies set notes = 'Call first' where id = testing.id('agency_a') returning 1 $$),
  1::bigint, 'editor can edit an own agency');
select is(testing.affected_rows($$ update public.agencies set request_email = 'me@evil.test' where id = testing.id('agency_directory') returning 1 $$),
  0::bigint, 'editor cannot change the shared directory');
select throws_ok($$ update public.agencies set organisation_id = null where id = testing.id('agency_a') $$,
  '23514', 'agencies.organisation_id cannot be changed once set', 'an own agency cannot be moved into the directory');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ update public.agencies set notes = 'x' where id = testing.id('agency_a') returning 1 $$),
  0::bigint, 'viewer cannot edit agencies');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ update public.agencies set notes = 'x' where id = testing.id('agency_a') returning 1 $$),
  0::bigint, 'another organisation''s member cannot edit them');
select testing.authenticate_as_anon();
select throws_ok($$ update public.agencies set notes = 'x' $$, '42501', 'permission denied for table agencies',
  'anonymous visitors cannot edit agencies');

-- -----------------------------------------------------------------------------
-- agencies: delete
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ delete from public.agencies where id = testing.id('unused_agency_a') returning 1 $$),
  1::bigint, 'owner can delete an own agency');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ delete from public.agencies where id = testing.id('unused_agency_a') returning 1 $$),
  1::bigint, 'editor can delete an own agency');
select is(testing.affected_rows($$ delete from public.agencies where organisation_id is null returning 1 $$),
  0::bigint, 'editor cannot delete directory agencies');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ delete from public.agencies where id = testing.id('unused_agency_a') returning 1 $$),
  0::bigint, 'viewer cannot delete agencies');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ delete from public.agencies where id = testing.id('unused_agency_a') returning 1 $$),
  0::bigint, 'another organisation''s member cannot delete them');
select testing.authenticate_as_anon();
select throws_ok($$ delete from public.agencies $$, '42501', 'permission denied for table agencies',
  'anonymous visitors cannot delete agencies');

-- -----------------------------------------------------------------------------
-- agency_overrides: private corrections to a directory agency
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select results_eq($$ select organisation_id from public.agency_overrides $$, $$ values (testing.id('org_a')) $$,
  'owner sees their organisation''s corrections only');
select testing.authenticate_as('editor');
select results_eq($$ select organisation_id from public.agency_overrides $$, $$ values (testing.id('org_a')) $$,
  'editor sees their organisation''s corrections only');
select testing.authenticate_as('viewer');
select results_eq($$ select organisation_id from public.agency_overrides $$, $$ values (testing.id('org_a')) $$,
  'viewer sees their organisation''s corrections only');
select testing.authenticate_as('outsider');
select results_eq($$ select organisation_id from public.agency_overrides $$, $$ values (testing.id('org_b')) $$,
  'another organisation''s member sees only their own corrections');
select testing.authenticate_as_anon();
select throws_ok($$ select * from public.agency_overrides $$, '42501', 'permission denied for table agency_overrides',
  'anonymous visitors cannot read corrections');

select testing.authenticate_as('owner');
select is(testing.affected_rows($$ insert into public.agency_overrides (organisation_id, agency_id, notes)
  select testing.id('org_a'), id, 'Ask for the DRIVES logs' from public.agencies where abbreviation = 'CDOR' and organisation_id is null
  returning 1 $$), 1::bigint, 'owner can add a correction');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ insert into public.agency_overrides (organisation_id, agency_id, notes)
  select testing.id('org_a'), id, 'Ask for the DRIVES logs' from public.agencies where abbreviation = 'CDOR' and organisation_id is null
  returning 1 $$), 1::bigint, 'editor can add a correction');
select throws_ok($$ insert into public.agency_overrides (organisation_id, agency_id, notes) values (testing.id('org_a'), testing.id('agency_a'), 'x') $$,
  '23514', 'Corrections can only be added to directory agencies; edit your organisation''s own agencies directly',
  'corrections apply to directory agencies only');
select testing.authenticate_as('viewer');
select throws_ok($$ insert into public.agency_overrides (organisation_id, agency_id, notes)
  select testing.id('org_a'), id, 'x' from public.agencies where abbreviation = 'CDOR' and organisation_id is null $$,
  '42501', 'new row violates row-level security policy for table "agency_overrides"', 'viewer cannot add corrections');
select testing.authenticate_as('outsider');
select throws_ok($$ insert into public.agency_overrides (organisation_id, agency_id, notes)
  select testing.id('org_a'), id, 'x' from public.agencies where abbreviation = 'CDOR' and organisation_id is null $$,
  '42501', 'new row violates row-level security policy for table "agency_overrides"', 'another organisation''s member cannot add corrections to it');
select testing.authenticate_as_anon();
select throws_ok($$ insert into public.agency_overrides (organisation_id, agency_id) values (testing.id('org_a'), testing.id('agency_directory')) $$,
  '42501', 'permission denied for table agency_overrides', 'anonymous visitors cannot add corrections');

select testing.authenticate_as('owner');
select is(testing.affected_rows($$ update public.agency_overrides set notes = 'x' where organisation_id = testing.id('org_a') returning 1 $$),
  1::bigint, 'owner can edit a correction');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ update public.agency_overrides set notes = 'x' where organisation_id = testing.id('org_a') returning 1 $$),
  1::bigint, 'editor can edit a correction');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ update public.agency_overrides set notes = 'x' returning 1 $$), 0::bigint, 'viewer cannot edit corrections');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ update public.agency_overrides set notes = 'x' where organisation_id = testing.id('org_a') returning 1 $$),
  0::bigint, 'another organisation''s member cannot edit them');
select testing.authenticate_as_anon();
select throws_ok($$ update public.agency_overrides set notes = 'x' $$, '42501', 'permission denied for table agency_overrides',
  'anonymous visitors cannot edit corrections');

select testing.authenticate_as('owner');
select is(testing.affected_rows($$ delete from public.agency_overrides where organisation_id = testing.id('org_a') returning 1 $$),
  1::bigint, 'owner can delete a correction');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ delete from public.agency_overrides where organisation_id = testing.id('org_a') returning 1 $$),
  1::bigint, 'editor can delete a correction');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ delete from public.agency_overrides returning 1 $$), 0::bigint, 'viewer cannot delete corrections');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ delete from public.agency_overrides where organisation_id = testing.id('org_a') returning 1 $$),
  0::bigint, 'another organisation''s member cannot delete them');
select testing.authenticate_as_anon();
select throws_ok($$ delete from public.agency_overrides $$, '42501', 'permission denied for table agency_overrides',
  'anonymous visitors cannot delete corrections');

-- -----------------------------------------------------------------------------
-- organisation_agencies: each organisation's merged view
-- -----------------------------------------------------------------------------
select testing.authenticate_as('viewer');
select results_eq(
  $$ select request_email, source_urls ->> 'request_email', organisation_notes, has_corrections
     from public.organisation_agencies where agency_id = testing.id('agency_directory') $$,
  $$ values ('custodian_a@agency.test', 'https://example.org/found-it', 'Private note a', true) $$,
  'members see the directory agency with their own correction and its source'
);
select testing.authenticate_as('outsider');
select results_eq(
  $$ select organisation_id, request_email from public.organisation_agencies where agency_id = testing.id('agency_directory') $$,
  $$ values (testing.id('org_b'), 'custodian_b@agency.test') $$,
  'another organisation sees its own correction, not Alpha''s'
);
select results_eq(
  $$ select request_email from public.agencies where id = testing.id('agency_directory') $$,
  $$ values ('records@agency.test') $$,
  'the directory entry itself is unchanged for everyone'
);
select testing.authenticate_as_anon();
select throws_ok($$ select * from public.organisation_agencies $$, '42501', 'permission denied for view organisation_agencies',
  'anonymous visitors cannot read the merged view');

select * from finish();
rollback;
