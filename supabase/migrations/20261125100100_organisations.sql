-- =============================================================================
-- Organisations and memberships
--
-- An organisation is the tenant: every request, event, attachment and finding
-- belongs to one. Members hold one role each; owner ⊃ editor ⊃ viewer.
-- private.has_role_on_organisation() backs every policy in the schema.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Types
-- -----------------------------------------------------------------------------

create type public.member_role as enum ('owner', 'editor', 'viewer');
comment on type public.member_role is
  'What a member may do. Declared from most to least powerful, so "role <= minimum" means "at least minimum": '
  'owner (manage members, delete the organisation), editor (write), viewer (read).';

-- -----------------------------------------------------------------------------
-- Tables
-- -----------------------------------------------------------------------------

create table public.organisations (
  id uuid primary key default gen_random_uuid(),
  name text not null
    constraint organisations_name_length check (char_length(name) between 1 and 200 and btrim(name) <> ''),
  created_at timestamptz not null default now(),
  created_by uuid references auth.users (id) on delete set null
);
comment on table public.organisations is
  'An advocacy group using Disclose: the tenant that owns requests, events, attachments and findings.';
comment on column public.organisations.created_by is 'The user who created it (null once that account is deleted).';

create table public.memberships (
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.member_role not null default 'viewer',
  created_at timestamptz not null default now(),
  primary key (organisation_id, user_id)
);
comment on table public.memberships is
  'Who belongs to which organisation, with one role each. An organisation always keeps at least one owner.';

-- The primary key serves lookups by organisation; policies also look up by user.
create index memberships_user_id_idx on public.memberships (user_id);
create index organisations_created_by_idx on public.organisations (created_by);

alter table public.organisations enable row level security;
alter table public.memberships enable row level security;

-- -----------------------------------------------------------------------------
-- Helpers
-- -----------------------------------------------------------------------------

create or replace function private.has_role_on_organisation(
  organisation_id uuid,
  minimum_role public.member_role default 'viewer'
)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.memberships as m
    where m.organisation_id = has_role_on_organisation.organisation_id
      and m.user_id = (select auth.uid())
      and m.role <= has_role_on_organisation.minimum_role
  );
$$;
comment on function private.has_role_on_organisation(uuid, public.member_role) is
  'True when the calling user is a member of the organisation with at least the given role (owner ⊃ editor ⊃ viewer). '
  'Security definer so that policies on memberships itself do not recurse; it only ever answers about the caller.';

revoke all on function private.has_role_on_organisation(uuid, public.member_role) from public;
grant execute on function private.has_role_on_organisation(uuid, public.member_role) to authenticated, service_role;

-- -----------------------------------------------------------------------------
-- Triggers
-- -----------------------------------------------------------------------------

create or replace function private.ensure_organisation_keeps_an_owner()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if old.role = 'owner'
    and exists (select 1 from public.organisations as o where o.id = old.organisation_id)
    and not exists (
      select 1 from public.memberships as m
      where m.organisation_id = old.organisation_id and m.role = 'owner'
    )
  then
    raise exception 'An organisation must keep at least one owner'
      using errcode = '23514',
            hint = 'Make another member an owner first, or delete the organisation.';
  end if;
  return null;
end;
$$;
comment on function private.ensure_organisation_keeps_an_owner() is
  'AFTER UPDATE/DELETE trigger on memberships: refuses to leave a (still existing) organisation without an owner. '
  'Runs after the whole statement''s rows changed, so swapping owners in one statement works.';

create trigger memberships_keep_an_owner
  after update of role or delete on public.memberships
  for each row execute function private.ensure_organisation_keeps_an_owner();
comment on trigger memberships_keep_an_owner on public.memberships is
  'An organisation always keeps at least one owner.';

create trigger memberships_identity_unchanged
  before update on public.memberships
  for each row execute function private.keep_columns_unchanged('organisation_id', 'user_id');
comment on trigger memberships_identity_unchanged on public.memberships is
  'A membership changes role, never organisation or user.';

create trigger organisations_identity_unchanged
  before update on public.organisations
  for each row execute function private.keep_columns_unchanged('id', 'created_at', 'created_by');
comment on trigger organisations_identity_unchanged on public.organisations is
  'Only the name of an organisation can change.';

-- -----------------------------------------------------------------------------
-- Privileges and policies
-- -----------------------------------------------------------------------------

revoke all on table public.organisations, public.memberships from public, anon, authenticated;
grant select, update, delete on table public.organisations to authenticated;
grant select, insert, update, delete on table public.memberships to authenticated;
grant all on table public.organisations, public.memberships to service_role;

-- Organisations are created only through public.create_organisation(), which
-- also makes the caller the first owner: there is no insert policy.
create policy "Organisations are visible to their members"
  on public.organisations for select to authenticated
  using (private.has_role_on_organisation(id));

create policy "Organisations can be renamed by their owners"
  on public.organisations for update to authenticated
  using (private.has_role_on_organisation(id, 'owner'))
  with check (private.has_role_on_organisation(id, 'owner'));

create policy "Organisations can be deleted by their owners"
  on public.organisations for delete to authenticated
  using (private.has_role_on_organisation(id, 'owner'));

create policy "Memberships are visible to members of the same organisation"
  on public.memberships for select to authenticated
  using (private.has_role_on_organisation(organisation_id));

create policy "Members can be added by organisation owners"
  on public.memberships for insert to authenticated
  with check (private.has_role_on_organisation(organisation_id, 'owner'));

create policy "Member roles can be changed by organisation owners"
  on public.memberships for update to authenticated
  using (private.has_role_on_organisation(organisation_id, 'owner'))
  with check (private.has_role_on_organisation(organisation_id, 'owner'));

create policy "Members can be removed by organisation owners, and anyone can leave"
  on public.memberships for delete to authenticated
  using (
    private.has_role_on_organisation(organisation_id, 'owner')
    or user_id = (select auth.uid())
  );

-- -----------------------------------------------------------------------------
-- API functions
-- -----------------------------------------------------------------------------

create or replace function public.create_organisation(name text)
returns public.organisations
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  trimmed text := btrim(create_organisation.name);
  created public.organisations;
begin
  if caller is null then
    raise exception 'You must be signed in to create an organisation' using errcode = '42501';
  end if;
  if trimmed is null or trimmed = '' then
    raise exception 'Organisation name must not be empty' using errcode = '22023';
  end if;
  if char_length(trimmed) > 200 then
    raise exception 'Organisation name must be at most 200 characters' using errcode = '22023';
  end if;

  insert into public.organisations (name, created_by)
  values (trimmed, caller)
  returning * into created;

  insert into public.memberships (organisation_id, user_id, role)
  values (created.id, caller, 'owner');

  return created;
end;
$$;
comment on function public.create_organisation(text) is
  'Creates an organisation named (trimmed) `name` and makes the caller its owner, atomically. Signed-in users only.';

revoke all on function public.create_organisation(text) from public, anon;
grant execute on function public.create_organisation(text) to authenticated, service_role;

revoke execute on all functions in schema private from public;
