-- Attachment records: members read, editors add, relabel and delete; the
-- file facts (path, hash, size, type) are fixed once recorded.
begin;
\ir _setup.psql
select plan(27);
select testing.create_fixture();

-- A second document on Alpha's request that no finding cites, so deleting it is only a question of permission.
insert into public.attachments (id, request_id, object_path, file_name, mime_type, size_bytes, sha256, uploaded_by)
select testing.remember('spare_attachment_a', gen_random_uuid()), testing.id('request_a'),
       testing.id('org_a') || '/' || testing.id('request_a') || '/cover-letter.pdf', 'cover-letter.pdf', 'application/pdf', 2048,
       repeat('cd', 32), testing.id('editor');

-- -----------------------------------------------------------------------------
-- select
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is((select count(*) from public.attachments where organisation_id = testing.id('org_a')), 2::bigint, 'owner sees their documents');
select testing.authenticate_as('editor');
select is((select count(*) from public.attachments where organisation_id = testing.id('org_a')), 2::bigint, 'editor sees their documents');
select testing.authenticate_as('viewer');
select results_eq($$ select organisation_id, count(*) from public.attachments group by 1 $$, $$ values (testing.id('org_a'), 2::bigint) $$,
  'viewer sees their organisation''s documents only');
select testing.authenticate_as('outsider');
select results_eq($$ select id from public.attachments $$, $$ values (testing.id('attachment_b')) $$,
  'another organisation''s member sees only their own documents');
select testing.authenticate_as_anon();
select throws_ok($$ select * from public.attachments $$, '42501', 'permission denied for table attachments',
  'anonymous visitors cannot read attachment records');

-- -----------------------------------------------------------------------------
-- insert
-- -----------------------------------------------------------------------------
create function pg_temp.new_attachment(org text, request text, file text) returns text
language sql as $$
  select format($sql$ insert into public.attachments (request_id, organisation_id, object_path, file_name, mime_type, size_bytes, sha256)
    values (%L, %L, %L, %L, 'application/pdf', 4096, repeat('ef', 32)) returning 1 $sql$,
    testing.id(request), testing.id(org), testing.id(org) || '/' || testing.id(request) || '/' || file, file);
$$;
grant execute on function pg_temp.new_attachment(text, text, text) to authenticated, anon;

select testing.authenticate_as('owner');
select is(testing.affected_rows(pg_temp.new_attachment('org_a', 'request_a', 'page-2.pdf')), 1::bigint, 'owner can record a document');
select testing.authenticate_as('editor');
select is(testing.affected_rows(pg_temp.new_attachment('org_a', 'request_a', 'page-2.pdf')), 1::bigint, 'editor can record a document');
select testing.authenticate_as('viewer');
select throws_ok(pg_temp.new_attachment('org_a', 'request_a', 'page-2.pdf'),
  '42501', 'new row violates row-level security policy for table "attachments"', 'viewer cannot record documents');
select testing.authenticate_as('outsider');
select throws_ok(pg_temp.new_attachment('org_a', 'request_a', 'page-2.pdf'),
  '42501', 'new row violates row-level security policy for table "attachments"', 'another organisation''s member cannot record documents in it');
select testing.authenticate_as_anon();
select throws_ok(pg_temp.new_attachment('org_a', 'request_a', 'page-2.pdf'),
  '42501', 'permission denied for table attachments', 'anonymous visitors cannot record documents');

-- -----------------------------------------------------------------------------
-- update
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ update public.attachments set file_name = 'Response (final).pdf' where id = testing.id('attachment_a') returning 1 $$),
  1::bigint, 'owner can relabel a document');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ update public.attachments set file_name = 'Response (final).pdf' where id = testing.id('attachment_a') returning 1 $$),
  1::bigint, 'editor can relabel a document');
select throws_ok($$ update public.attachments set sha256 = repeat('00', 32) where id = testing.id('attachment_a') $$,
  '23514', 'attachments.sha256 cannot be changed once set', 'a recorded hash cannot be changed');
select throws_ok($$ update public.attachments set object_path = 'elsewhere' where id = testing.id('attachment_a') $$,
  '23514', 'attachments.object_path cannot be changed once set', 'a recorded path cannot be changed');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ update public.attachments set file_name = 'x.pdf' returning 1 $$), 0::bigint, 'viewer cannot relabel documents');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ update public.attachments set file_name = 'x.pdf' where organisation_id = testing.id('org_a') returning 1 $$),
  0::bigint, 'another organisation''s member cannot relabel them');
select testing.authenticate_as_anon();
select throws_ok($$ update public.attachments set file_name = 'x.pdf' $$, '42501', 'permission denied for table attachments',
  'anonymous visitors cannot relabel documents');

-- -----------------------------------------------------------------------------
-- delete
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ delete from public.attachments where id = testing.id('spare_attachment_a') returning 1 $$),
  1::bigint, 'owner can delete a document record');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ delete from public.attachments where id = testing.id('spare_attachment_a') returning 1 $$),
  1::bigint, 'editor can delete a document record');
select throws_ok($$ delete from public.attachments where id = testing.id('attachment_a') $$, '23503',
  'update or delete on table "attachments" violates foreign key constraint "disclosure_findings_source_attachment_fkey" on table "disclosure_findings"',
  'a document a finding cites cannot be deleted on its own');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ delete from public.attachments returning 1 $$), 0::bigint, 'viewer cannot delete documents');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ delete from public.attachments where organisation_id = testing.id('org_a') returning 1 $$),
  0::bigint, 'another organisation''s member cannot delete them');
select testing.authenticate_as_anon();
select throws_ok($$ delete from public.attachments $$, '42501', 'permission denied for table attachments',
  'anonymous visitors cannot delete documents');

-- -----------------------------------------------------------------------------
-- Paths and events stay inside their request
-- -----------------------------------------------------------------------------
select testing.authenticate_as('editor');
select throws_ok(replace(pg_temp.new_attachment('org_a', 'request_a', 'x.pdf'), testing.id('request_a') || '/x.pdf', testing.id('request_b') || '/x.pdf'),
  '23514', 'new row for relation "attachments" violates check constraint "attachments_object_path_in_request_folder"',
  'the object path must be <organisation>/<request>/<file> of the row''s own request');
select throws_ok($$ insert into public.attachments (request_id, event_id, object_path, file_name, mime_type, size_bytes, sha256)
  values (testing.id('request_a'), testing.id('event_b'), testing.id('org_a') || '/' || testing.id('request_a') || '/y.pdf', 'y.pdf',
          'application/pdf', 10, repeat('ab', 32)) $$,
  '23503', 'insert or update on table "attachments" violates foreign key constraint "attachments_event_fkey"',
  'a document can only be linked to an event of its own request');
select results_eq($$ insert into public.attachments (request_id, object_path, file_name, mime_type, size_bytes, sha256)
  values (testing.id('request_a'), testing.id('org_a') || '/' || testing.id('request_a') || '/z.pdf', 'z.pdf', 'application/pdf', 10, repeat('ab', 32))
  returning organisation_id, uploaded_by $$,
  $$ values (testing.id('org_a'), testing.id('editor')) $$, 'organisation and uploader are filled in');

-- -----------------------------------------------------------------------------
-- Audit
-- -----------------------------------------------------------------------------
delete from public.attachments where id = testing.id('spare_attachment_a');
select testing.clear_authentication();
select results_eq($$ select action, actor_id from public.audit_log where target_table = 'attachments' $$,
  $$ values ('attachment.deleted', testing.id('editor')) $$, 'deleting a document is logged');

select * from finish();
rollback;
