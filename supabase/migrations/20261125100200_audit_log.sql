-- =============================================================================
-- Audit log of security-relevant changes
--
-- Membership changes, publish-state changes and deletions are written here by
-- triggers (security definer): clients can read their organisation's entries
-- (owners only) but never write, change or delete one. Entries outlive the
-- organisation and the users they describe, so they carry no foreign keys.
-- Triggers on later tables (requests, attachments, …) call
-- private.record_audit_event() from their own migrations.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Table
-- -----------------------------------------------------------------------------

create table public.audit_log (
  id bigint generated always as identity primary key,
  organisation_id uuid,
  actor_id uuid,
  action text not null
    constraint audit_log_action_format check (action ~ '^[a-z_]+\.[a-z_]+$'),
  target_table text not null,
  target_id text,
  details jsonb not null default '{}'::jsonb
    constraint audit_log_details_is_object check (jsonb_typeof(details) = 'object'),
  created_at timestamptz not null default now()
);
comment on table public.audit_log is
  'Append-only record of security-relevant changes (membership, publish state, deletions), written by triggers. '
  'No foreign keys on purpose: an entry outlives the organisation and users it names.';
comment on column public.audit_log.actor_id is 'auth.uid() of the change; null when done by the service role or a migration.';
comment on column public.audit_log.action is 'What happened, as <subject>.<verb>, e.g. membership.removed, request.publish_state_changed.';
comment on column public.audit_log.details is 'Before/after values worth keeping; never letter bodies or file contents.';

create index audit_log_organisation_id_created_at_idx on public.audit_log (organisation_id, created_at desc);
create index audit_log_actor_id_idx on public.audit_log (actor_id);

alter table public.audit_log enable row level security;

revoke all on table public.audit_log from public, anon, authenticated;
revoke all on sequence public.audit_log_id_seq from public, anon, authenticated;
grant select on table public.audit_log to authenticated;
grant all on table public.audit_log to service_role;

create policy "Audit entries are visible to organisation owners"
  on public.audit_log for select to authenticated
  using (private.has_role_on_organisation(organisation_id, 'owner'));

-- -----------------------------------------------------------------------------
-- Writer
-- -----------------------------------------------------------------------------

create or replace function private.record_audit_event(
  organisation_id uuid,
  action text,
  target_table text,
  target_id text,
  details jsonb default '{}'::jsonb
)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.audit_log (organisation_id, actor_id, action, target_table, target_id, details)
  values (
    record_audit_event.organisation_id,
    (select auth.uid()),
    record_audit_event.action,
    record_audit_event.target_table,
    record_audit_event.target_id,
    coalesce(record_audit_event.details, '{}'::jsonb)
  );
$$;
comment on function private.record_audit_event(uuid, text, text, text, jsonb) is
  'Appends one audit entry for the current caller. Only triggers and API functions call it; no role is granted EXECUTE.';

create or replace function private.organisation_exists(organisation_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.organisations as o where o.id = organisation_exists.organisation_id);
$$;
comment on function private.organisation_exists(uuid) is
  'Whether the organisation still exists. Audit triggers use it to stay quiet while an organisation''s rows are '
  'removed by its own deletion (which is logged once, as organisation.deleted).';

-- -----------------------------------------------------------------------------
-- Triggers: organisations and memberships
-- -----------------------------------------------------------------------------

create or replace function private.audit_membership_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.record_audit_event(new.organisation_id, 'membership.added', 'memberships', new.user_id::text,
      jsonb_build_object('user_id', new.user_id, 'role', new.role));
  elsif tg_op = 'UPDATE' then
    if new.role is distinct from old.role then
      perform private.record_audit_event(new.organisation_id, 'membership.role_changed', 'memberships', new.user_id::text,
        jsonb_build_object('user_id', new.user_id, 'from', old.role, 'to', new.role));
    end if;
  elsif private.organisation_exists(old.organisation_id) then
    perform private.record_audit_event(old.organisation_id, 'membership.removed', 'memberships', old.user_id::text,
      jsonb_build_object('user_id', old.user_id, 'role', old.role));
  end if;
  return null;
end;
$$;
comment on function private.audit_membership_change() is
  'AFTER trigger on memberships: logs members added, role changes and removals.';

create trigger memberships_audit
  after insert or update of role or delete on public.memberships
  for each row execute function private.audit_membership_change();
comment on trigger memberships_audit on public.memberships is 'Membership changes are security-relevant: log them.';

create or replace function private.audit_organisation_deleted()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.record_audit_event(old.id, 'organisation.deleted', 'organisations', old.id::text,
    jsonb_build_object('name', old.name));
  return null;
end;
$$;
comment on function private.audit_organisation_deleted() is
  'AFTER DELETE trigger on organisations: logs the deletion (its rows go with it, unlogged one by one).';

create trigger organisations_audit_deletion
  after delete on public.organisations
  for each row execute function private.audit_organisation_deleted();
comment on trigger organisations_audit_deletion on public.organisations is 'Deleting an organisation is logged.';

revoke execute on all functions in schema private from public;
