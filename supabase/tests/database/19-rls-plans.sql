-- Row-level security costs one membership lookup per statement, not one per
-- row (Supabase's RLS performance guidance): in the plans of the main queries
-- no per-row condition (Filter, Index Cond, Join Filter, ...) calls a
-- membership function; the lookup runs once, as a subplan the conditions
-- only probe. The role × command × table tests (02–18) check the meaning.
begin;
\ir _setup.psql
select plan(12);
select testing.create_fixture();

-- Every per-row condition in the plan of a statement, as the current role sees it.
create function testing.row_conditions(statement text) returns text[]
language plpgsql
as $$
declare
  plan jsonb;
begin
  execute 'explain (format json, verbose) ' || statement into plan;
  return array(
    select c #>> '{}'
    from jsonb_path_query(plan, 'strict $.**') as node,
         jsonb_each(case when jsonb_typeof(node) = 'object' then node else '{}' end) as kv(key, c)
    where kv.key in ('Filter', 'Index Cond', 'Recheck Cond', 'Join Filter', 'Hash Cond', 'Merge Cond', 'TID Cond')
  );
end;
$$;

-- The per-row conditions that call a membership function (empty when RLS is evaluated once).
create function testing.per_row_membership_calls(statement text) returns text[]
language sql
as $$
  select coalesce(array_agg(c), '{}') from unnest(testing.row_conditions(statement)) as c
  where c ~ '(my_organisation_ids|has_role_on_organisation)\(';
$$;

-- True when the membership lookup appears in the plan as a subplan or initplan (run once).
create function testing.membership_runs_once(statement text) returns boolean
language plpgsql
as $$
declare
  plan jsonb;
begin
  execute 'explain (format json, verbose) ' || statement into plan;
  return exists (
    select 1 from jsonb_path_query(plan, 'strict $.**') as node
    where jsonb_typeof(node) = 'object'
      and node ->> 'Parent Relationship' in ('SubPlan', 'InitPlan')
      and node::text ~ 'my_organisation_ids\('
  );
end;
$$;
grant execute on function testing.row_conditions(text), testing.per_row_membership_calls(text),
  testing.membership_runs_once(text) to authenticated;

select testing.authenticate_as('editor');

select is(testing.per_row_membership_calls($$ select * from public.records_requests where organisation_id = testing.id('org_a') $$),
  '{}'::text[], 'a page of one organisation''s requests checks membership once, not per row');
select ok(testing.membership_runs_once($$ select * from public.records_requests where organisation_id = testing.id('org_a') $$),
  'the membership lookup of a request page is a subplan run once');
select is(testing.per_row_membership_calls($$ select count(*) from public.records_requests $$),
  '{}'::text[], 'counting every visible request (no organisation filter) checks membership once');
select is(testing.per_row_membership_calls($$ select * from public.records_requests where status = 'sent' order by due_on limit 50 $$),
  '{}'::text[], 'the request list across organisations checks membership once');
select is(testing.per_row_membership_calls($$ select * from public.request_events where organisation_id = testing.id('org_a') $$),
  '{}'::text[], 'reading events checks membership once');
select is(testing.per_row_membership_calls($$ select * from public.disclosure_findings $$),
  '{}'::text[], 'reading findings checks membership once');
select is(testing.per_row_membership_calls($$ select * from public.attachments $$),
  '{}'::text[], 'reading attachments checks membership once');
select is(testing.per_row_membership_calls($$ select * from public.request_drafts $$),
  '{}'::text[], 'reading drafts checks membership once');
select is(testing.per_row_membership_calls($$ select * from public.organisations join public.memberships on memberships.organisation_id = organisations.id $$),
  '{}'::text[], 'reading organisations and their members checks membership once');
select is(testing.per_row_membership_calls($$ select * from public.agencies $$),
  '{}'::text[], 'reading the agency directory checks membership once');
select is(testing.per_row_membership_calls($$ update public.records_requests set title = title where organisation_id = testing.id('org_a') $$),
  '{}'::text[], 'editing requests checks membership once');
select is(testing.per_row_membership_calls($$ delete from public.request_drafts where organisation_id = testing.id('org_a') $$),
  '{}'::text[], 'deleting drafts checks membership once');

select * from finish();
rollback;
