-- =============================================================================
-- Security-definer triggers check the caller's right to the row first
--
-- BEFORE triggers run before row-level security's WITH CHECK. A security
-- definer trigger that validated first told an outsider something about
-- another organisation's row (that an event exists and what type it is, that
-- an agency is that organisation's own) where a random id only gets the
-- row-level-security refusal. Each such trigger now refuses a signed-in caller
-- who is not an editor of the row's organisation (and, for rows under a
-- request, of the request's organisation) with exactly the error row-level
-- security gives (42501, PostgREST's 403), before it says anything else.
-- The service role and the database owner (no JWT role) are not end users and
-- are not checked here; row-level security does not apply to them either.
-- =============================================================================

create or replace function private.refuse_unless_editor(organisation_ids uuid[], table_name text)
returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  organisation_id uuid;
begin
  if coalesce((select auth.role()), '') not in ('anon', 'authenticated') then
    return;
  end if;
  foreach organisation_id in array organisation_ids loop
    if organisation_id is null or not private.has_role_on_organisation(organisation_id, 'editor') then
      raise exception 'new row violates row-level security policy for table "%"', table_name
        using errcode = '42501';
    end if;
  end loop;
end;
$$;
comment on function private.refuse_unless_editor(uuid[], text) is
  'For security-definer triggers, before they validate anything: a signed-in caller (anon or authenticated) who '
  'is not an editor of every given organisation (a null one counts as not) gets row-level security''s own error '
  '(42501), so another organisation''s real id answers like a random one. Other roles pass.';

revoke all on function private.refuse_unless_editor(uuid[], text) from public;

-- request_events: runs before request_events_fill_organisation (triggers go by name), so the
-- request's organisation is looked up here.
create or replace function private.check_request_event()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  problem text;
  named uuid := private.safe_uuid(new.payload ->> 'corrects');
  target public.request_events;
  request_organisation_id uuid;
begin
  select r.organisation_id into request_organisation_id from public.records_requests as r where r.id = new.request_id;
  perform private.refuse_unless_editor(
    array[request_organisation_id, coalesce(new.organisation_id, request_organisation_id)], 'request_events');

  problem := private.event_payload_problem(new.type, new.payload);
  if problem is null and new.type = 'correction' then
    -- The corrected event may be named by the column, by payload.corrects, or both (then alike).
    if new.corrects_event_id is null then
      new.corrects_event_id := named;
    elsif named is not null and named <> new.corrects_event_id then
      problem := 'A correction''s payload "corrects" and corrects_event_id name different events';
    end if;
    if new.corrects_event_id is not null then
      new.payload := jsonb_set(new.payload, '{corrects}', to_jsonb(new.corrects_event_id::text));
    end if;
    select * into target
    from public.request_events as e
    where e.id = new.corrects_event_id and e.request_id = new.request_id;
    if problem is null and found and target.type = 'correction'
       and coalesce(new.payload -> 'retracted', 'false'::jsonb) <> 'true'::jsonb then
      problem := 'A correction can only retract another correction, not change it';
    elsif problem is null and found and target.type <> 'correction' and new.payload ? 'payload' then
      problem := private.event_payload_problem(target.type, new.payload -> 'payload');
    end if;
  end if;
  if problem is not null then
    raise exception '%', problem using errcode = '23514';
  end if;
  return new;
end;
$$;
comment on function private.check_request_event() is
  'BEFORE INSERT trigger on request_events: first refuses a caller who is not an editor of the request''s '
  'organisation (row-level security''s 42501), then rejects a payload that does not fit its type, with a readable '
  'message. For a correction: links corrects_event_id and payload.corrects, checks a replacement payload against the '
  'corrected event''s type, and lets a correction of a correction only retract it.';

create or replace function private.prepare_records_request()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.refuse_unless_editor(array[new.organisation_id], 'records_requests');
  if not private.agency_is_usable_by(new.agency_id, new.organisation_id) then
    raise exception 'A request can only go to a directory agency or one of the organisation''s own agencies'
      using errcode = '23503';
  end if;
  if new.regime is null then
    select a.regime into new.regime from public.agencies as a where a.id = new.agency_id;
  end if;
  return new;
end;
$$;
comment on function private.prepare_records_request() is
  'BEFORE INSERT/UPDATE trigger on records_requests: first refuses a caller who is not an editor of the '
  'organisation (row-level security''s 42501); the agency must be usable by the organisation; the regime '
  'defaults to the agency''s.';

create or replace function private.prepare_disclosure_finding()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  request_organisation_id uuid;
begin
  select r.organisation_id into request_organisation_id from public.records_requests as r where r.id = new.request_id;
  perform private.refuse_unless_editor(
    array[request_organisation_id, coalesce(new.organisation_id, request_organisation_id)], 'disclosure_findings');
  if new.organisation_id is null or new.agency_id is null then
    select coalesce(new.organisation_id, r.organisation_id), coalesce(new.agency_id, r.agency_id)
    into new.organisation_id, new.agency_id
    from public.records_requests as r
    where r.id = new.request_id;
  end if;
  if new.agency_id is not null and not private.agency_is_usable_by(new.agency_id, new.organisation_id) then
    raise exception 'A finding can only name a directory agency or one of the organisation''s own agencies'
      using errcode = '23503';
  end if;
  return new;
end;
$$;
comment on function private.prepare_disclosure_finding() is
  'BEFORE INSERT/UPDATE trigger on disclosure_findings: first refuses a caller who is not an editor of the '
  'request''s organisation (row-level security''s 42501); fills organisation and agency from the request when '
  'omitted, and refuses another organisation''s private agency.';

create or replace function private.ensure_override_targets_directory()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.refuse_unless_editor(array[new.organisation_id], 'agency_overrides');
  if not exists (
    select 1 from public.agencies as a where a.id = new.agency_id and a.organisation_id is null
  ) then
    raise exception 'Corrections can only be added to directory agencies; edit your organisation''s own agencies directly'
      using errcode = '23514';
  end if;
  return new;
end;
$$;
comment on function private.ensure_override_targets_directory() is
  'BEFORE INSERT trigger on agency_overrides: first refuses a caller who is not an editor of the organisation '
  '(row-level security''s 42501); only directory agencies take overrides (and never another organisation''s '
  'private agency, whose id a foreign key alone would accept).';
