-- Schema-wide rules: RLS everywhere, deny by default, safe security definer
-- functions, indexed foreign keys, comments on every object.
begin;
\ir _setup.psql
select plan(25);

select has_table('public', 'organisations', 'organisations exists');
select has_table('public', 'memberships', 'memberships exists');
select has_table('public', 'invitations', 'invitations exists');
select has_table('public', 'agencies', 'agencies exists');
select has_table('public', 'agency_overrides', 'agency_overrides exists');
select has_table('public', 'records_requests', 'records_requests exists');
select has_table('public', 'request_events', 'request_events exists');
select has_table('public', 'attachments', 'attachments exists');
select has_table('public', 'disclosure_findings', 'disclosure_findings exists');
select has_table('public', 'audit_log', 'audit_log exists');

select is_empty(
  $$ select c.relname from pg_class as c
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relrowsecurity $$,
  'every table in public has row-level security enabled'
);

select is_empty(
  $$ select c.relname from pg_class as c
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
       and has_table_privilege('anon', c.oid, 'select, insert, update, delete, truncate, references, trigger') $$,
  'anon holds no privilege on any table or view in public'
);

select is_empty(
  $$ select c.relname from pg_class as c
     where c.relnamespace = 'public'::regnamespace and c.relkind = 'S'
       and (has_sequence_privilege('anon', c.oid, 'usage, select, update')
            or has_sequence_privilege('authenticated', c.oid, 'usage, select, update')) $$,
  'no API role may use a sequence in public (rows get their ids from defaults)'
);

select is_empty(
  $$ select policyname from pg_policies
     where schemaname = 'public' and roles <> '{authenticated}' $$,
  'every policy in public applies to authenticated only'
);

select results_eq(
  $$ select p.proname::text collate "default" from pg_proc as p
     where p.pronamespace = 'public'::regnamespace and has_function_privilege('anon', p.oid, 'execute')
     order by 1 $$,
  $$ values ('calendar_feed'), ('public_disclosure_stats') $$,
  'anon may execute the published aggregate functions and the calendar feed (its token is the credential), nothing else in public'
);

select is_empty(
  $$ select p.oid::regprocedure from pg_proc as p
     where p.pronamespace = 'private'::regnamespace
       and (p.proacl is null or exists (
         select 1 from aclexplode(p.proacl) as a where a.grantee = 0 and a.privilege_type = 'EXECUTE')) $$,
  'no private function is executable by PUBLIC'
);

select is_empty(
  $$ select p.oid::regprocedure from pg_proc as p
     where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace) and p.prosecdef
       and not ('search_path=""' = any (coalesce(p.proconfig, '{}'))) $$,
  'every security definer function sets search_path to empty'
);

select is_empty(
  $$ select c.conrelid::regclass::text || ' ' || c.conname from pg_constraint as c
     where c.contype = 'f' and c.connamespace = 'public'::regnamespace
       and not exists (
         select 1 from pg_index as i
         where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1]
       ) $$,
  'every foreign key leads an index'
);

select is_empty(
  $$ select c.relname from pg_class as c
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
       and obj_description(c.oid, 'pg_class') is null $$,
  'every table and view in public has a comment'
);

select is_empty(
  $$ select p.oid::regprocedure from pg_proc as p
     where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
       and obj_description(p.oid, 'pg_proc') is null $$,
  'every function in public and private has a comment'
);

select is_empty(
  $$ select t.typname from pg_type as t
     where t.typnamespace = 'public'::regnamespace and t.typtype = 'e'
       and obj_description(t.oid, 'pg_type') is null $$,
  'every enum in public has a comment'
);

select is_empty(
  $$ select tg.tgname from pg_trigger as tg
     join pg_class as c on c.oid = tg.tgrelid
     where c.relnamespace = 'public'::regnamespace and not tg.tgisinternal
       and obj_description(tg.oid, 'pg_trigger') is null $$,
  'every trigger on public tables has a comment'
);

select enum_has_labels('public', 'request_event_type', array[
  'sent', 'acknowledged', 'extension_claimed', 'fee_estimate', 'payment_made', 'clarification_requested',
  'clarification_given', 'records_released', 'no_responsive_records', 'denied', 'grounds_requested',
  'notice_of_intent_sent', 'litigation', 'withdrawn', 'closed', 'note', 'correction'
], 'request_event_type has the agreed labels in order');

select enum_has_labels('public', 'request_status', array[
  'draft', 'sent', 'acknowledged', 'extended', 'awaiting_payment', 'awaiting_clarification',
  'partially_released', 'released', 'no_records', 'denied', 'notice_of_intent_sent', 'in_litigation',
  'withdrawn', 'closed'
], 'request_status has the agreed labels in order');

select results_eq(
  $$ select public, file_size_limit, 'application/pdf' = any (allowed_mime_types)
     from storage.buckets where id = 'attachments' $$,
  $$ values (false, 26214400::bigint, true) $$,
  'the attachments bucket is private, limited to 25 MB and typed'
);

select * from finish();
rollback;
