-- =============================================================================
-- Calendar feeds and the organisation export
--
-- A calendar feed is a private .ics URL a member subscribes to in a phone's
-- calendar: /calendar/<token>.ics. The token is the only credential (calendar
-- apps send no session), so it is 32 random bytes, shown once, stored only as
-- its SHA-256, and revocable. public.calendar_feed(token) hands the anonymous
-- endpoint the due dates of the organisation's open requests and nothing
-- else: never letter bodies, never another organisation's rows.
--
-- The export gives an organisation's owners all of its requests, events,
-- findings and attachment records in one call, refused in the database to
-- everyone else, and logged.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Table
-- -----------------------------------------------------------------------------

create table public.calendar_feeds (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null,
  user_id uuid not null default auth.uid(),
  label text
    constraint calendar_feeds_label_length check (char_length(label) between 1 and 100 and btrim(label) <> ''),
  token_hash text not null
    constraint calendar_feeds_token_hash_key unique
    constraint calendar_feeds_token_hash_format check (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  last_used_at timestamptz,
  -- Leaving (or being removed from) the organisation deletes the member's feeds with the membership.
  constraint calendar_feeds_membership_fkey foreign key (organisation_id, user_id)
    references public.memberships (organisation_id, user_id) on delete cascade,
  constraint calendar_feeds_revoked_not_before_created check (revoked_at >= created_at)
);
comment on table public.calendar_feeds is
  'Private calendar feed links, one member of one organisation each. Stores the SHA-256 of the URL token, never the '
  'token. Created by public.create_calendar_feed(); a revoked feed answers nothing.';
comment on column public.calendar_feeds.label is 'Optional name the member gave it ("My phone"), to tell feeds apart.';
comment on column public.calendar_feeds.token_hash is 'Hex SHA-256 of the base64url token in the feed URL.';
comment on column public.calendar_feeds.revoked_at is 'Set when the member revoked it; from then on the URL answers 404. Cannot be undone.';
comment on column public.calendar_feeds.last_used_at is 'When a calendar app last fetched it (updated at most once a minute).';

-- The membership foreign key leads with organisation_id; policies look up by user.
create index calendar_feeds_organisation_id_user_id_idx on public.calendar_feeds (organisation_id, user_id);
create index calendar_feeds_user_id_idx on public.calendar_feeds (user_id);

alter table public.calendar_feeds enable row level security;

-- -----------------------------------------------------------------------------
-- Helpers and triggers
-- -----------------------------------------------------------------------------

create or replace function private.hash_calendar_feed_token(token text)
returns text
language sql
immutable
set search_path = ''
as $$
  select encode(extensions.digest(convert_to(token, 'UTF8'), 'sha256'), 'hex');
$$;
comment on function private.hash_calendar_feed_token(text) is 'Hex SHA-256 of a calendar feed token, as stored in calendar_feeds.token_hash.';

create or replace function private.keep_calendar_feed_revoked()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.revoked_at is not null and new.revoked_at is distinct from old.revoked_at then
    raise exception 'A revoked calendar feed stays revoked'
      using errcode = '23514',
            hint = 'Create a new feed link instead.';
  end if;
  return new;
end;
$$;
comment on function private.keep_calendar_feed_revoked() is
  'BEFORE UPDATE trigger on calendar_feeds: revoking is final (a leaked link must never come back to life).';

create trigger calendar_feeds_stay_revoked
  before update of revoked_at on public.calendar_feeds
  for each row execute function private.keep_calendar_feed_revoked();
comment on trigger calendar_feeds_stay_revoked on public.calendar_feeds is 'Revoking a feed cannot be undone.';

create trigger calendar_feeds_identity_unchanged
  before update on public.calendar_feeds
  for each row execute function private.keep_columns_unchanged('id', 'organisation_id', 'user_id', 'token_hash', 'created_at');
comment on trigger calendar_feeds_identity_unchanged on public.calendar_feeds is
  'A feed keeps its owner, organisation and token; only its label, revocation and last use change.';

create or replace function private.audit_calendar_feed_revoked()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.record_audit_event(new.organisation_id, 'calendar_feed.revoked', 'calendar_feeds', new.id::text,
    jsonb_build_object('user_id', new.user_id, 'label', new.label));
  return null;
end;
$$;
comment on function private.audit_calendar_feed_revoked() is 'AFTER UPDATE trigger on calendar_feeds: logs revocations.';

create trigger calendar_feeds_audit_revocation
  after update of revoked_at on public.calendar_feeds
  for each row
  when (old.revoked_at is null and new.revoked_at is not null)
  execute function private.audit_calendar_feed_revoked();
comment on trigger calendar_feeds_audit_revocation on public.calendar_feeds is 'Revoking a feed link is logged.';

-- -----------------------------------------------------------------------------
-- Privileges and policies
-- -----------------------------------------------------------------------------

revoke all on table public.calendar_feeds from public, anon, authenticated;
-- Members see their own feeds and may rename or revoke them; nothing else is theirs to write.
grant select on table public.calendar_feeds to authenticated;
grant update (label, revoked_at) on table public.calendar_feeds to authenticated;
grant all on table public.calendar_feeds to service_role;

-- Created by public.create_calendar_feed() only (the token is generated in the database): no insert policy.
create policy "Calendar feeds are visible to the member who created them"
  on public.calendar_feeds for select to authenticated
  using (user_id = (select auth.uid()) and private.has_role_on_organisation(organisation_id));

create policy "Calendar feeds can be renamed or revoked by the member who created them"
  on public.calendar_feeds for update to authenticated
  using (user_id = (select auth.uid()) and private.has_role_on_organisation(organisation_id))
  with check (user_id = (select auth.uid()) and private.has_role_on_organisation(organisation_id));

-- No delete policy: a revoked feed is kept (revoked_at) so the member sees it was revoked.

-- -----------------------------------------------------------------------------
-- API functions: calendar feeds
-- -----------------------------------------------------------------------------

create or replace function public.create_calendar_feed(organisation_id uuid, label text default null)
returns table (feed_id uuid, token text)
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  trimmed_label text := nullif(btrim(create_calendar_feed.label), '');
  -- 32 random bytes as unpadded base64url: 43 URL-safe characters.
  new_token text := rtrim(translate(encode(extensions.gen_random_bytes(32), 'base64'), '+/', '-_'), '=');
  created public.calendar_feeds;
begin
  if not private.has_role_on_organisation(create_calendar_feed.organisation_id) then
    raise exception 'Only members of this organisation can create a calendar feed for it' using errcode = '42501';
  end if;
  if char_length(trimmed_label) > 100 then
    raise exception 'A feed name must be at most 100 characters' using errcode = '22023';
  end if;

  insert into public.calendar_feeds (organisation_id, user_id, label, token_hash)
  values (create_calendar_feed.organisation_id, (select auth.uid()), trimmed_label,
          private.hash_calendar_feed_token(new_token))
  returning * into created;

  perform private.record_audit_event(created.organisation_id, 'calendar_feed.created', 'calendar_feeds', created.id::text,
    jsonb_build_object('user_id', created.user_id, 'label', created.label));

  return query select created.id, new_token;
end;
$$;
comment on function public.create_calendar_feed(uuid, text) is
  'Members only: creates a private calendar feed of the organisation for the caller and returns its token '
  '(32 random bytes, base64url; shown once, stored hashed).';

revoke all on function public.create_calendar_feed(uuid, text) from public, anon;
grant execute on function public.create_calendar_feed(uuid, text) to authenticated, service_role;

create or replace function public.calendar_feed(token text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  feed public.calendar_feeds;
begin
  -- The token is the credential: an unknown, malformed or revoked one, or one whose member has left, gets nothing.
  if token is null or token !~ '^[A-Za-z0-9_-]{43}$' then
    return null;
  end if;
  select f.* into feed
  from public.calendar_feeds as f
  join public.memberships as m on m.organisation_id = f.organisation_id and m.user_id = f.user_id
  where f.token_hash = private.hash_calendar_feed_token(calendar_feed.token)
    and f.revoked_at is null;
  if not found then
    return null;
  end if;

  update public.calendar_feeds as f
  set last_used_at = now()
  where f.id = feed.id and (f.last_used_at is null or f.last_used_at < now() - interval '1 minute');

  return jsonb_build_object(
    'organisation', (select o.name from public.organisations as o where o.id = feed.organisation_id),
    'requests', coalesce((
      select jsonb_agg(jsonb_build_object(
          'id', r.id,
          'title', r.title,
          'agency', a.name,
          'status', r.status,
          'due_on', r.due_on,
          'extended_due_on', r.extended_due_on
        ) order by coalesce(r.extended_due_on, r.due_on), r.id)
      from public.records_requests as r
      join public.agencies as a on a.id = r.agency_id
      where r.organisation_id = feed.organisation_id
        -- Open: the agency still owes a response (the clock runs or is paused), as src/lib/cora counts it.
        and r.status in ('sent', 'acknowledged', 'extended', 'partially_released', 'awaiting_payment', 'awaiting_clarification')
        and (r.due_on is not null or r.extended_due_on is not null)
    ), '[]'::jsonb)
  );
end;
$$;
comment on function public.calendar_feed(text) is
  'For the anonymous /calendar/<token>.ics endpoint: given a live feed token, the organisation''s name and, for each '
  'open request with a due date, {id, title, agency, status, due_on, extended_due_on}. Null for an unknown or revoked '
  'token. Never letter bodies. Notes when the feed was last used.';

revoke all on function public.calendar_feed(text) from public;
grant execute on function public.calendar_feed(text) to anon, authenticated, service_role;

-- -----------------------------------------------------------------------------
-- API functions: export
-- -----------------------------------------------------------------------------

create or replace function public.export_organisation(organisation_id uuid)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  org public.organisations;
begin
  if not private.has_role_on_organisation(export_organisation.organisation_id, 'owner') then
    raise exception 'Only owners of this organisation can export its data' using errcode = '42501';
  end if;
  select o.* into org from public.organisations as o where o.id = export_organisation.organisation_id;

  perform private.record_audit_event(org.id, 'organisation.exported', 'organisations', org.id::text, '{}'::jsonb);

  return jsonb_build_object(
    'organisation', jsonb_build_object('id', org.id, 'name', org.name, 'created_at', org.created_at),
    'exported_at', now(),
    'requests', coalesce((
      select jsonb_agg(to_jsonb(r) || jsonb_build_object('agency_name', a.name) order by r.created_at, r.id)
      from public.records_requests as r
      join public.agencies as a on a.id = r.agency_id
      where r.organisation_id = org.id
    ), '[]'::jsonb),
    'events', coalesce((
      select jsonb_agg(to_jsonb(e) order by e.request_id, e.occurred_at, e.created_at, e.id)
      from public.request_events as e
      where e.organisation_id = org.id
    ), '[]'::jsonb),
    'findings', coalesce((
      select jsonb_agg(to_jsonb(f) || jsonb_build_object('agency_name', a.name) order by f.created_at, f.id)
      from public.disclosure_findings as f
      join public.agencies as a on a.id = f.agency_id
      where f.organisation_id = org.id
    ), '[]'::jsonb),
    'attachments', coalesce((
      select jsonb_agg(to_jsonb(x) order by x.request_id, x.created_at, x.id)
      from public.attachments as x
      where x.organisation_id = org.id
    ), '[]'::jsonb)
  );
end;
$$;
comment on function public.export_organisation(uuid) is
  'Owners only: every request (with its agency''s name), event (corrections included, as recorded), finding and '
  'attachment record of the organisation, as one JSON object. Each call is logged as organisation.exported.';

revoke all on function public.export_organisation(uuid) from public, anon;
grant execute on function public.export_organisation(uuid) to authenticated, service_role;

revoke execute on all functions in schema private from public;
