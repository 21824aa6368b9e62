-- =============================================================================
-- Invitations by email
--
-- An owner invites an address with a role; the invitee gets a link carrying a
-- random token. Only the token's SHA-256 is stored, the token is shown once.
-- A token is single-use, expires, and only works for the account whose email
-- it was sent to. Created and accepted through API functions only.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Table
-- -----------------------------------------------------------------------------

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  email text not null
    constraint invitations_email_format check (private.is_email(email) and email = lower(email)),
  role public.member_role not null default 'viewer',
  token_hash text not null unique
    constraint invitations_token_hash_format check (token_hash ~ '^[0-9a-f]{64}$'),
  invited_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '7 days',
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  constraint invitations_expire_after_creation check (expires_at > created_at)
);
comment on table public.invitations is
  'Pending and used invitations to join an organisation. Stores the SHA-256 of the token, never the token.';
comment on column public.invitations.email is 'Lower-cased address the invitation was sent to; only that account can accept it.';
comment on column public.invitations.token_hash is 'Hex SHA-256 of the single-use token in the invitation link.';
comment on column public.invitations.accepted_at is 'Set when used; a used invitation cannot be used again.';

create index invitations_organisation_id_idx on public.invitations (organisation_id);
create index invitations_email_idx on public.invitations (email);
create index invitations_invited_by_idx on public.invitations (invited_by);
create index invitations_accepted_by_idx on public.invitations (accepted_by);

alter table public.invitations enable row level security;

revoke all on table public.invitations from public, anon, authenticated;
grant select, delete on table public.invitations to authenticated;
grant all on table public.invitations to service_role;

-- Inserted by create_invitation() and updated by accept_invitation() only:
-- no insert or update policy.
create policy "Invitations are visible to organisation owners"
  on public.invitations for select to authenticated
  using (private.has_role_on_organisation(organisation_id, 'owner'));

create policy "Invitations can be revoked by organisation owners"
  on public.invitations for delete to authenticated
  using (private.has_role_on_organisation(organisation_id, 'owner'));

-- -----------------------------------------------------------------------------
-- Helpers and triggers
-- -----------------------------------------------------------------------------

create or replace function private.hash_invitation_token(token text)
returns text
language sql
immutable
set search_path = ''
as $$
  select encode(extensions.digest(convert_to(token, 'UTF8'), 'sha256'), 'hex');
$$;
comment on function private.hash_invitation_token(text) is 'Hex SHA-256 of an invitation token, as stored in invitations.token_hash.';

create or replace function private.audit_invitation_revoked()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if old.accepted_at is null and private.organisation_exists(old.organisation_id) then
    perform private.record_audit_event(old.organisation_id, 'invitation.revoked', 'invitations', old.id::text,
      jsonb_build_object('email', old.email, 'role', old.role));
  end if;
  return null;
end;
$$;
comment on function private.audit_invitation_revoked() is 'AFTER DELETE trigger on invitations: logs revoked pending invitations.';

create trigger invitations_audit_revocation
  after delete on public.invitations
  for each row execute function private.audit_invitation_revoked();
comment on trigger invitations_audit_revocation on public.invitations is 'Revoking an invitation is logged.';

-- -----------------------------------------------------------------------------
-- API functions
-- -----------------------------------------------------------------------------

create or replace function public.create_invitation(
  organisation_id uuid,
  email text,
  role public.member_role default 'viewer',
  valid_for interval default interval '7 days'
)
returns table (invitation_id uuid, token text, expires_at timestamptz)
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  normalised_email text := lower(btrim(create_invitation.email));
  new_token text := encode(extensions.gen_random_bytes(24), 'hex');
  created public.invitations;
begin
  if not private.has_role_on_organisation(create_invitation.organisation_id, 'owner') then
    raise exception 'Only owners of this organisation can invite members' using errcode = '42501';
  end if;
  if normalised_email is null or not private.is_email(normalised_email) then
    raise exception 'Invitation email must be a valid email address' using errcode = '22023';
  end if;
  if create_invitation.role is null then
    raise exception 'Invitation role must be owner, editor or viewer' using errcode = '22023';
  end if;
  if valid_for is null or valid_for < interval '1 hour' or valid_for > interval '30 days' then
    raise exception 'An invitation must be valid for between 1 hour and 30 days' using errcode = '22023';
  end if;

  -- A new invitation replaces any pending one for the same address, so only the latest link works.
  delete from public.invitations as i
  where i.organisation_id = create_invitation.organisation_id
    and i.email = normalised_email
    and i.accepted_at is null;

  insert into public.invitations (organisation_id, email, role, token_hash, invited_by, expires_at)
  values (create_invitation.organisation_id, normalised_email, create_invitation.role,
          private.hash_invitation_token(new_token), (select auth.uid()), now() + valid_for)
  returning * into created;

  perform private.record_audit_event(created.organisation_id, 'invitation.created', 'invitations', created.id::text,
    jsonb_build_object('email', created.email, 'role', created.role, 'expires_at', created.expires_at));

  return query select created.id, new_token, created.expires_at;
end;
$$;
comment on function public.create_invitation(uuid, text, public.member_role, interval) is
  'Owners only: invites an email address with a role and returns the single-use token (shown once, stored hashed). '
  'Replaces any pending invitation for the same address.';

create or replace function public.accept_invitation(token text)
returns public.memberships
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  caller_email text;
  invitation public.invitations;
  membership public.memberships;
begin
  if caller is null then
    raise exception 'You must be signed in to accept an invitation' using errcode = '42501';
  end if;

  select * into invitation
  from public.invitations as i
  where i.token_hash = private.hash_invitation_token(accept_invitation.token)
  for update;

  if not found then
    raise exception 'This invitation link is not valid' using errcode = '22023';
  end if;
  if invitation.accepted_at is not null then
    raise exception 'This invitation has already been used' using errcode = '22023';
  end if;
  if invitation.expires_at <= now() then
    raise exception 'This invitation has expired: ask the organisation for a new one' using errcode = '22023';
  end if;

  select lower(u.email) into caller_email from auth.users as u where u.id = caller;
  if caller_email is distinct from invitation.email then
    raise exception 'This invitation was sent to a different email address' using errcode = '42501';
  end if;
  if exists (
    select 1 from public.memberships as m
    where m.organisation_id = invitation.organisation_id and m.user_id = caller
  ) then
    raise exception 'You are already a member of this organisation' using errcode = '23505';
  end if;

  update public.invitations
  set accepted_at = now(), accepted_by = caller
  where id = invitation.id;

  insert into public.memberships (organisation_id, user_id, role)
  values (invitation.organisation_id, caller, invitation.role)
  returning * into membership;

  return membership;
end;
$$;
comment on function public.accept_invitation(text) is
  'Signed-in invitee only: uses a valid, unexpired, unused token sent to the caller''s email and adds the membership.';

revoke all on function public.create_invitation(uuid, text, public.member_role, interval) from public, anon;
revoke all on function public.accept_invitation(text) from public, anon;
grant execute on function public.create_invitation(uuid, text, public.member_role, interval) to authenticated, service_role;
grant execute on function public.accept_invitation(text) to authenticated, service_role;

revoke execute on all functions in schema private from public;
