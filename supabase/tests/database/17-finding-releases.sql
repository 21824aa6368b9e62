-- Findings come from a release: a finding may name the records-released event
-- of its own request it was read from, never another kind of event, another
-- request's or a retracted one. Linking, editing and deleting follow the
-- finding's own policies (editors and owners); what an edit changes in the
-- counts is logged. Also the request list's indexes.
begin;
\ir _setup.psql
select plan(33);
select testing.create_fixture();

-- Alpha's request was released in part; a second release was retracted; Beta's request has a release of its own;
-- Alpha's draft (another request of the same organisation) has one too.
insert into public.request_events (id, request_id, organisation_id, type, occurred_at, payload, author_id) values
  (testing.remember('release_a', gen_random_uuid()), testing.id('request_a'), testing.id('org_a'), 'records_released',
   '2025-03-20 09:00-06', '{"completeness": "partial", "pages": 40}', testing.id('owner')),
  (testing.remember('retracted_release_a', gen_random_uuid()), testing.id('request_a'), testing.id('org_a'), 'records_released',
   '2025-03-21 09:00-06', '{"completeness": "full"}', testing.id('owner')),
  (testing.remember('release_b', gen_random_uuid()), testing.id('request_b'), testing.id('org_b'), 'records_released',
   '2025-03-20 09:00-06', '{"completeness": "full"}', testing.id('outsider')),
  (testing.remember('release_draft_a', gen_random_uuid()), testing.id('draft_a'), testing.id('org_a'), 'records_released',
   '2025-03-20 09:00-06', '{"completeness": "full"}', testing.id('editor'));
insert into public.request_events (id, request_id, organisation_id, type, corrects_event_id, payload, author_id)
values (testing.remember('retraction_a', gen_random_uuid()), testing.id('request_a'), testing.id('org_a'), 'correction',
        testing.id('retracted_release_a'), '{"retracted": true, "reason": "Sent to the wrong requester"}', testing.id('owner'));

create function pg_temp.finding_from(event text) returns text
language sql as $$
  select format($sql$ insert into public.disclosure_findings (request_id, event_id, data_categories, people_count, records_count, recipient)
    values (%L, %L, '{address}', 4, 4, 'ice') returning 1 $sql$, testing.id('request_a'), testing.id(event));
$$;
create function pg_temp.link_finding_a(event text) returns text
language sql as $$
  select format($sql$ update public.disclosure_findings set event_id = %L where id = %L returning 1 $sql$, testing.id(event), testing.id('finding_a'));
$$;
grant execute on function pg_temp.finding_from(text), pg_temp.link_finding_a(text) to authenticated, anon;

-- -----------------------------------------------------------------------------
-- Which event a new finding may come from
-- -----------------------------------------------------------------------------
select testing.authenticate_as('editor');
select results_eq($$ insert into public.disclosure_findings (request_id, event_id, data_categories, recipient)
  values (testing.id('request_a'), testing.id('release_a'), '{wage_records}', 'ice') returning event_id, organisation_id $$,
  $$ values (testing.id('release_a'), testing.id('org_a')) $$, 'editor records a finding from a release of the request');
select testing.authenticate_as('owner');
select is(testing.affected_rows(pg_temp.finding_from('release_a')), 1::bigint, 'owner records a finding from a release');
select is(testing.affected_rows($$ insert into public.disclosure_findings (request_id, data_categories) values (testing.id('request_a'), '{ssn}') returning 1 $$),
  1::bigint, 'a finding may still name no event');
select throws_ok(pg_temp.finding_from('event_a'), '23514',
  'A finding can only come from a records-released event (partial or full), not a sent event',
  'a finding cannot come from an event that is not a release, with the reason in words');
select throws_ok(pg_temp.finding_from('retraction_a'), '23514',
  'A finding can only come from a records-released event (partial or full), not a correction event',
  'nor from a correction');
select throws_ok(pg_temp.finding_from('retracted_release_a'), '23514', 'A finding cannot come from a release that was retracted',
  'nor from a release that was retracted');
select throws_ok(pg_temp.finding_from('release_draft_a'), '23503',
  'insert or update on table "disclosure_findings" violates foreign key constraint "disclosure_findings_event_fkey"',
  'the release must belong to the same request, not another request of the organisation');
select throws_ok(pg_temp.finding_from('release_b'), '23503',
  'insert or update on table "disclosure_findings" violates foreign key constraint "disclosure_findings_event_fkey"',
  'nor to another organisation''s request');
select testing.authenticate_as('outsider');
select throws_ok($$ update public.disclosure_findings set event_id = testing.id('release_a') where id = testing.id('finding_b') $$, '23503',
  'insert or update on table "disclosure_findings" violates foreign key constraint "disclosure_findings_event_fkey"',
  'another organisation''s member cannot tie their finding to Alpha''s release');
select testing.authenticate_as('viewer');
select throws_ok(pg_temp.finding_from('release_a'), '42501',
  'new row violates row-level security policy for table "disclosure_findings"', 'viewer cannot record a finding from a release');
select testing.authenticate_as_anon();
select throws_ok(pg_temp.finding_from('release_a'), '42501', 'permission denied for table disclosure_findings',
  'anonymous visitors cannot record a finding from a release');

-- -----------------------------------------------------------------------------
-- Linking an existing finding (update of event_id), by role
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows(pg_temp.link_finding_a('release_a')), 1::bigint, 'owner can tie a finding to its release');
select testing.authenticate_as('editor');
select is(testing.affected_rows(pg_temp.link_finding_a('release_a')), 1::bigint, 'editor can tie a finding to its release');
select throws_ok(pg_temp.link_finding_a('event_a'), '23514',
  'A finding can only come from a records-released event (partial or full), not a sent event', 'but not to an event that is not a release');
select testing.authenticate_as('viewer');
select is(testing.affected_rows(pg_temp.link_finding_a('release_a')), 0::bigint, 'viewer cannot tie findings to releases');
select testing.authenticate_as('outsider');
select is(testing.affected_rows(pg_temp.link_finding_a('release_a')), 0::bigint, 'another organisation''s member cannot either');
select testing.authenticate_as_anon();
select throws_ok(pg_temp.link_finding_a('release_a'), '42501', 'permission denied for table disclosure_findings',
  'anonymous visitors cannot either');

-- -----------------------------------------------------------------------------
-- A linked finding: edit and delete, by role
-- -----------------------------------------------------------------------------
select testing.clear_authentication();
update public.disclosure_findings set event_id = testing.id('release_a') where id = testing.id('finding_a');
-- Retracting the release later leaves the finding read from it as it is.
insert into public.request_events (request_id, type, corrects_event_id, payload, author_id)
values (testing.id('request_a'), 'correction', testing.id('release_a'), '{"retracted": true}', testing.id('owner'));

select testing.authenticate_as('editor');
select is(testing.affected_rows($$ update public.disclosure_findings set people_count = 11, period_start = '2024-01-01'
  where id = testing.id('finding_a') returning 1 $$), 1::bigint,
  'editor edits a finding whose release was retracted later (the link is not checked again)');
select throws_ok($$ update public.disclosure_findings set people_count = -1 where id = testing.id('finding_a') $$, '23514',
  'new row for relation "disclosure_findings" violates check constraint "disclosure_findings_people_count_not_negative"',
  'an edit cannot make a count negative');
select throws_ok($$ update public.disclosure_findings set period_start = '2025-02-01', period_end = '2025-01-01' where id = testing.id('finding_a') $$, '23514',
  'new row for relation "disclosure_findings" violates check constraint "disclosure_findings_period_in_order"',
  'nor end the period before it starts');
select is(testing.affected_rows($$ delete from public.disclosure_findings where id = testing.id('finding_a') returning 1 $$), 1::bigint,
  'editor can delete a finding from a release');
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ delete from public.disclosure_findings where id = testing.id('finding_a') returning 1 $$), 1::bigint,
  'owner can delete a finding from a release');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ update public.disclosure_findings set people_count = 1 where id = testing.id('finding_a') returning 1 $$), 0::bigint,
  'viewer cannot edit it');
select is(testing.affected_rows($$ delete from public.disclosure_findings where id = testing.id('finding_a') returning 1 $$), 0::bigint,
  'viewer cannot delete it');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ delete from public.disclosure_findings where id = testing.id('finding_a') returning 1 $$), 0::bigint,
  'another organisation''s member cannot delete it');

-- -----------------------------------------------------------------------------
-- Audit of edits
-- -----------------------------------------------------------------------------
select testing.authenticate_as('editor');
update public.disclosure_findings set people_count = 25, summary = 'Reworded' where id = testing.id('finding_a');
update public.disclosure_findings set summary = 'Only the words changed' where id = testing.id('finding_a');
select testing.clear_authentication();
select results_eq($$ select action, actor_id, details -> 'changed', details -> 'from' ->> 'people_count', details -> 'to' ->> 'people_count'
  from public.audit_log where target_table = 'disclosure_findings' and target_id = testing.id('finding_a')::text
  order by details ->> 'changed' $$,
  $$ values ('finding.changed', null::uuid, '["event_id"]'::jsonb, null, null),
            ('finding.changed', testing.id('editor'), '["people_count"]'::jsonb, '10', '25') $$,
  'editing what a finding counts (or the release it comes from) is logged with the values before and after; rewording the summary is not');

select lives_ok($$ delete from public.records_requests where id = testing.id('request_a') $$,
  'deleting the request removes its releases and the findings read from them together');

-- -----------------------------------------------------------------------------
-- Schema: the link and the request list's indexes
-- -----------------------------------------------------------------------------
select col_is_null('public', 'disclosure_findings', 'event_id', 'event_id may be empty (findings from before releases were linked)');
select is((select extnamespace::regnamespace::text from pg_extension where extname = 'pg_trgm'), 'extensions',
  'pg_trgm is installed in schema extensions');
select is_indexed('public', 'records_requests', array['organisation_id', 'due_on'], 'the request list''s due dates are indexed per organisation');
select is_indexed('public', 'records_requests', array['organisation_id', 'extended_due_on'], 'and so are extended due dates');
select is(
  (select am.amname::text || ' ' || opc.opcname::text from pg_index as i
     join pg_class as c on c.oid = i.indexrelid join pg_am as am on am.oid = c.relam
     join pg_opclass as opc on opc.oid = i.indclass[0]
   where c.relname = 'records_requests_title_trgm_idx'),
  'gin gin_trgm_ops', 'titles have a trigram index for the list''s substring search');
select is_empty(
  $$ select c.relname from pg_class as c
     where c.relname in ('disclosure_findings_event_id_idx', 'records_requests_organisation_id_due_on_idx',
                         'records_requests_organisation_id_extended_due_on_idx', 'records_requests_title_trgm_idx')
       and obj_description(c.oid, 'pg_class') is null $$,
  'each of these indexes says why it exists');

select * from finish();
rollback;
