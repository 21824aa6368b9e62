-- Storage objects in the private attachments bucket: only members of the
-- organisation named by the first path segment read; only its editors write,
-- and only into a folder of one of its requests.
begin;
\ir _setup.psql
select plan(29);
select testing.create_fixture();

create function pg_temp.path_in(org text, request text, file text) returns text
language sql stable as $$ select testing.id(org) || '/' || testing.id(request) || '/' || file $$;
grant execute on function pg_temp.path_in(text, text, text) to authenticated, anon;

-- -----------------------------------------------------------------------------
-- select
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select results_eq($$ select name from storage.objects where bucket_id = 'attachments' $$,
  $$ values (pg_temp.path_in('org_a', 'request_a', 'response.pdf')) $$, 'owner reads their organisation''s files only');
select testing.authenticate_as('editor');
select results_eq($$ select name from storage.objects where bucket_id = 'attachments' $$,
  $$ values (pg_temp.path_in('org_a', 'request_a', 'response.pdf')) $$, 'editor reads their organisation''s files only');
select testing.authenticate_as('viewer');
select results_eq($$ select name from storage.objects where bucket_id = 'attachments' $$,
  $$ values (pg_temp.path_in('org_a', 'request_a', 'response.pdf')) $$, 'viewer reads their organisation''s files only');
select testing.authenticate_as('outsider');
select results_eq($$ select name from storage.objects where bucket_id = 'attachments' $$,
  $$ values (pg_temp.path_in('org_b', 'request_b', 'response.pdf')) $$, 'another organisation''s member reads only their own files');
select testing.authenticate_as('stranger');
select is_empty($$ select name from storage.objects where bucket_id = 'attachments' $$, 'a signed-in user without an organisation reads no file');
select testing.authenticate_as_anon();
select is_empty($$ select name from storage.objects where bucket_id = 'attachments' $$, 'anonymous visitors read no file');

-- -----------------------------------------------------------------------------
-- insert (upload)
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows(format($$ insert into storage.objects (bucket_id, name, owner) values ('attachments', %L, auth.uid()) returning 1 $$,
  pg_temp.path_in('org_a', 'request_a', 'new.pdf'))), 1::bigint, 'owner can upload into a request folder');
select testing.authenticate_as('editor');
select is(testing.affected_rows(format($$ insert into storage.objects (bucket_id, name, owner) values ('attachments', %L, auth.uid()) returning 1 $$,
  pg_temp.path_in('org_a', 'request_a', 'new.pdf'))), 1::bigint, 'editor can upload into a request folder');
select testing.authenticate_as('viewer');
select throws_ok(format($$ insert into storage.objects (bucket_id, name, owner) values ('attachments', %L, auth.uid()) $$,
  pg_temp.path_in('org_a', 'request_a', 'new.pdf')), '42501', 'new row violates row-level security policy for table "objects"',
  'viewer cannot upload');
select testing.authenticate_as('outsider');
select throws_ok(format($$ insert into storage.objects (bucket_id, name, owner) values ('attachments', %L, auth.uid()) $$,
  pg_temp.path_in('org_a', 'request_a', 'new.pdf')), '42501', 'new row violates row-level security policy for table "objects"',
  'another organisation''s member cannot upload into it');
select testing.authenticate_as_anon();
select throws_ok(format($$ insert into storage.objects (bucket_id, name) values ('attachments', %L) $$,
  pg_temp.path_in('org_a', 'request_a', 'new.pdf')), '42501', 'new row violates row-level security policy for table "objects"',
  'anonymous visitors cannot upload');

select testing.authenticate_as('editor');
select throws_ok(format($$ insert into storage.objects (bucket_id, name) values ('attachments', %L) $$,
  pg_temp.path_in('org_a', 'request_b', 'new.pdf')), '42501', 'new row violates row-level security policy for table "objects"',
  'an editor cannot upload under another organisation''s request, even inside their own organisation folder');
select throws_ok(format($$ insert into storage.objects (bucket_id, name) values ('attachments', %L) $$,
  pg_temp.path_in('org_b', 'request_b', 'new.pdf')), '42501', 'new row violates row-level security policy for table "objects"',
  'an editor cannot upload into another organisation''s folder');
select throws_ok(format($$ insert into storage.objects (bucket_id, name) values ('attachments', %L) $$,
  testing.id('org_a') || '/loose.pdf'), '42501', 'new row violates row-level security policy for table "objects"',
  'files must sit in a request folder');
select throws_ok(format($$ insert into storage.objects (bucket_id, name) values ('attachments', %L) $$,
  pg_temp.path_in('org_a', 'request_a', 'nested/deeper.pdf')), '42501', 'new row violates row-level security policy for table "objects"',
  'and directly in it');
select throws_ok($$ insert into storage.objects (bucket_id, name) values ('attachments', 'not-a-uuid/also-not/x.pdf') $$,
  '42501', 'new row violates row-level security policy for table "objects"', 'odd paths are refused, not errors');

-- -----------------------------------------------------------------------------
-- update
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ update storage.objects set metadata = '{"size": 1}' where bucket_id = 'attachments' returning 1 $$),
  1::bigint, 'owner can replace their organisation''s file');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ update storage.objects set metadata = '{"size": 1}' where bucket_id = 'attachments' returning 1 $$),
  1::bigint, 'editor can replace their organisation''s file');
select throws_ok(format($$ update storage.objects set name = %L where bucket_id = 'attachments' $$,
  pg_temp.path_in('org_b', 'request_b', 'moved.pdf')), '42501', 'new row violates row-level security policy for table "objects"',
  'editor cannot move a file into another organisation');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ update storage.objects set metadata = '{}' where bucket_id = 'attachments' returning 1 $$),
  0::bigint, 'viewer cannot replace files');
select testing.authenticate_as('outsider');
select is(testing.affected_rows(format($$ update storage.objects set metadata = '{}' where name = %L returning 1 $$,
  pg_temp.path_in('org_a', 'request_a', 'response.pdf'))), 0::bigint, 'another organisation''s member cannot replace them');
select testing.authenticate_as_anon();
select is(testing.affected_rows($$ update storage.objects set metadata = '{}' returning 1 $$), 0::bigint, 'anonymous visitors cannot replace files');

-- -----------------------------------------------------------------------------
-- delete
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ delete from storage.objects where bucket_id = 'attachments' returning 1 $$),
  1::bigint, 'owner can delete their organisation''s file');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ delete from storage.objects where bucket_id = 'attachments' returning 1 $$),
  1::bigint, 'editor can delete their organisation''s file');
select testing.authenticate_as('viewer');
select is(testing.affected_rows($$ delete from storage.objects where bucket_id = 'attachments' returning 1 $$),
  0::bigint, 'viewer cannot delete files');
select testing.authenticate_as('outsider');
select is(testing.affected_rows(format($$ delete from storage.objects where name = %L returning 1 $$,
  pg_temp.path_in('org_a', 'request_a', 'response.pdf'))), 0::bigint, 'another organisation''s member cannot delete them');
select testing.authenticate_as_anon();
select is(testing.affected_rows($$ delete from storage.objects returning 1 $$), 0::bigint, 'anonymous visitors cannot delete files');

-- Files of a deleted request can still be cleared by the organisation's editors.
select testing.authenticate_as('owner');
delete from public.records_requests where id = testing.id('request_a');
select testing.authenticate_as('editor');
select is(testing.affected_rows(format($$ delete from storage.objects where name = %L returning 1 $$,
  pg_temp.path_in('org_a', 'request_a', 'response.pdf'))), 1::bigint, 'editors can clear files left by a deleted request');
select testing.authenticate_as('viewer');
select is(testing.affected_rows(format($$ delete from storage.objects where name = %L returning 1 $$,
  pg_temp.path_in('org_a', 'request_a', 'response.pdf'))), 0::bigint, 'viewers still cannot');

select * from finish();
rollback;
