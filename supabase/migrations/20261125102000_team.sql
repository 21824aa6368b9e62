-- =============================================================================
-- Team screens
--
-- Two read-only API functions the team pages need and plain table access
-- cannot give: the members of an organisation with their email addresses
-- (which live in auth.users, out of the API's reach), and what an invitation
-- link is about before anyone accepts it (the invitee is not a member yet, so
-- RLS hides the invitation from them). Both answer narrowly: the first only to
-- members, the second only to a signed-in user holding the secret token
-- (anonymous visitors keep reaching nothing but the published aggregates).
-- =============================================================================

-- -----------------------------------------------------------------------------
-- API functions
-- -----------------------------------------------------------------------------

create or replace function public.organisation_team(organisation_id uuid)
returns table (user_id uuid, email text, role public.member_role, joined_at timestamptz)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not private.has_role_on_organisation(organisation_team.organisation_id) then
    raise exception 'Only members of this organisation can see its team' using errcode = '42501';
  end if;

  return query
    select m.user_id, lower(u.email)::text, m.role, m.created_at
    from public.memberships as m
    join auth.users as u on u.id = m.user_id
    where m.organisation_id = organisation_team.organisation_id
    order by m.role, lower(u.email);
end;
$$;
comment on function public.organisation_team(uuid) is
  'Members only: the organisation''s members with their email address and role (owners first). '
  'Security definer because email addresses live in auth.users; it never answers about another organisation.';

create or replace function public.invitation_preview(token text)
returns table (
  organisation_id uuid,
  organisation_name text,
  email text,
  role public.member_role,
  expires_at timestamptz,
  status text
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if invitation_preview.token is null or char_length(invitation_preview.token) > 200 then
    return;
  end if;

  return query
    select i.organisation_id, o.name, i.email, i.role, i.expires_at,
           case
             when i.accepted_at is not null then 'used'
             when i.expires_at <= now() then 'expired'
             else 'pending'
           end
    from public.invitations as i
    join public.organisations as o on o.id = i.organisation_id
    where i.token_hash = private.hash_invitation_token(invitation_preview.token);
end;
$$;
comment on function public.invitation_preview(text) is
  'A signed-in user holding an invitation token: which organisation, address and role it is for, and whether '
  'it is pending, used or expired. No row for an unknown, revoked or replaced token. Reveals nothing without the '
  'token, which is 192 random bits and stored only hashed.';

revoke all on function public.organisation_team(uuid) from public, anon;
revoke all on function public.invitation_preview(text) from public, anon;
grant execute on function public.organisation_team(uuid) to authenticated, service_role;
grant execute on function public.invitation_preview(text) to authenticated, service_role;
