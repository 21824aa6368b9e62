-- =============================================================================
-- Agency directory
--
-- Directory agencies (organisation_id null) are shared, seeded from
-- supabase/seed.sql and readable by every signed-in user; only the service
-- role changes them. An organisation can add agencies of its own, and keep
-- private corrections and notes about a directory agency in agency_overrides
-- without changing it for anyone else. organisation_agencies shows each
-- member the merged view. Every fact can carry the URL it was found at.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Types
-- -----------------------------------------------------------------------------

create type public.agency_level as enum (
  'state', 'county', 'city', 'school_district', 'special_district', 'judicial'
);
comment on type public.agency_level is 'Which level of government an agency belongs to.';

create type public.legal_regime as enum ('CORA', 'CCJRA', 'PAIRR2');
comment on type public.legal_regime is
  'Which records law governs a request: CORA (C.R.S. 24-72-201 et seq.), the Criminal Justice Records Act '
  '(C.R.S. 24-72-301 et seq.) or the Judicial Branch''s P.A.I.R.R. 2 rule.';

-- -----------------------------------------------------------------------------
-- Validators
-- -----------------------------------------------------------------------------

create or replace function private.is_source_url_map(value jsonb)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select jsonb_typeof(value) = 'object'
    and not exists (
      select 1
      from jsonb_each(value) as fact (field, url)
      where fact.field not in (
          'name', 'abbreviation', 'level', 'regime', 'request_email', 'portal_url', 'phone_or_fax',
          'mailing_address', 'receipt_cutoff', 'hourly_research_fee', 'fee_policy_url', 'notes'
        )
        or jsonb_typeof(fact.url) <> 'string'
        or not private.is_http_url(fact.url #>> '{}')
    );
$$;
comment on function private.is_source_url_map(jsonb) is
  'True for {"<agency fact column>": "<http(s) URL>", …}: where each fact about an agency was found.';

grant execute on function private.is_source_url_map(jsonb) to authenticated, service_role;

-- -----------------------------------------------------------------------------
-- Tables
-- -----------------------------------------------------------------------------

create table public.agencies (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid references public.organisations (id) on delete cascade,
  name text not null
    constraint agencies_name_length check (char_length(name) between 1 and 300 and btrim(name) <> ''),
  abbreviation text
    constraint agencies_abbreviation_length check (char_length(abbreviation) between 1 and 30),
  level public.agency_level not null,
  regime public.legal_regime not null,
  request_email text
    constraint agencies_request_email_format check (private.is_email(request_email)),
  portal_url text
    constraint agencies_portal_url_format check (private.is_http_url(portal_url)),
  phone_or_fax text
    constraint agencies_phone_or_fax_length check (char_length(phone_or_fax) between 1 and 100),
  mailing_address text
    constraint agencies_mailing_address_length check (char_length(mailing_address) between 1 and 500),
  receipt_cutoff time,
  hourly_research_fee numeric(8, 2)
    constraint agencies_hourly_research_fee_not_negative check (hourly_research_fee >= 0),
  fee_policy_url text
    constraint agencies_fee_policy_url_format check (private.is_http_url(fee_policy_url)),
  notes text
    constraint agencies_notes_length check (char_length(notes) <= 10000),
  source_urls jsonb not null default '{}'::jsonb
    constraint agencies_source_urls_format check (private.is_source_url_map(source_urls)),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.agencies is
  'Public bodies that receive records requests. organisation_id null = the shared directory (service role writes); '
  'otherwise an agency one organisation added for itself. Blank facts stay null: never invent a channel or address.';
comment on column public.agencies.organisation_id is 'Null for the shared directory; the owning organisation for its own agencies.';
comment on column public.agencies.portal_url is 'Online portal or request page, when the agency has one.';
comment on column public.agencies.receipt_cutoff is
  'Local (America/Denver) time after which a request counts as received the next working day; null = no cut-off.';
comment on column public.agencies.hourly_research_fee is
  'Hourly research-and-retrieval fee this agency charges (USD); may be below the statutory cap. Null = unknown.';
comment on column public.agencies.source_urls is 'Where each fact was found: {"<column>": "<URL>"}.';

-- The directory is keyed by abbreviation, so the seed can be re-run safely.
create unique index agencies_directory_abbreviation_key
  on public.agencies (abbreviation) where organisation_id is null;
create index agencies_organisation_id_idx on public.agencies (organisation_id);

create table public.agency_overrides (
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  agency_id uuid not null references public.agencies (id) on delete cascade,
  request_email text
    constraint agency_overrides_request_email_format check (private.is_email(request_email)),
  portal_url text
    constraint agency_overrides_portal_url_format check (private.is_http_url(portal_url)),
  phone_or_fax text
    constraint agency_overrides_phone_or_fax_length check (char_length(phone_or_fax) between 1 and 100),
  mailing_address text
    constraint agency_overrides_mailing_address_length check (char_length(mailing_address) between 1 and 500),
  receipt_cutoff time,
  hourly_research_fee numeric(8, 2)
    constraint agency_overrides_hourly_research_fee_not_negative check (hourly_research_fee >= 0),
  fee_policy_url text
    constraint agency_overrides_fee_policy_url_format check (private.is_http_url(fee_policy_url)),
  notes text
    constraint agency_overrides_notes_length check (char_length(notes) <= 10000),
  source_urls jsonb not null default '{}'::jsonb
    constraint agency_overrides_source_urls_format check (private.is_source_url_map(source_urls)),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organisation_id, agency_id)
);
comment on table public.agency_overrides is
  'One organisation''s private corrections and notes about a directory agency. Each non-null column replaces the '
  'directory value for that organisation only; notes are its private notes.';
comment on column public.agency_overrides.source_urls is 'Where each corrected fact was found: {"<column>": "<URL>"}.';

create index agency_overrides_agency_id_idx on public.agency_overrides (agency_id);

alter table public.agencies enable row level security;
alter table public.agency_overrides enable row level security;

-- -----------------------------------------------------------------------------
-- Triggers
-- -----------------------------------------------------------------------------

create trigger agencies_touch_updated_at
  before update on public.agencies
  for each row execute function private.touch_updated_at();
comment on trigger agencies_touch_updated_at on public.agencies is 'Keeps updated_at current.';

create trigger agencies_owner_unchanged
  before update on public.agencies
  for each row execute function private.keep_columns_unchanged('id', 'organisation_id', 'created_at');
comment on trigger agencies_owner_unchanged on public.agencies is
  'An organisation''s agency cannot be moved to another organisation or into the directory.';

create trigger agency_overrides_touch_updated_at
  before update on public.agency_overrides
  for each row execute function private.touch_updated_at();
comment on trigger agency_overrides_touch_updated_at on public.agency_overrides is 'Keeps updated_at current.';

create trigger agency_overrides_key_unchanged
  before update on public.agency_overrides
  for each row execute function private.keep_columns_unchanged('organisation_id', 'agency_id', 'created_at');
comment on trigger agency_overrides_key_unchanged on public.agency_overrides is 'An override stays with its organisation and agency.';

create or replace function private.ensure_override_targets_directory()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
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
  'BEFORE INSERT trigger on agency_overrides: only directory agencies take overrides (and never another '
  'organisation''s private agency, whose id a foreign key alone would accept).';

create trigger agency_overrides_target_directory
  before insert on public.agency_overrides
  for each row execute function private.ensure_override_targets_directory();
comment on trigger agency_overrides_target_directory on public.agency_overrides is 'Overrides apply to directory agencies only.';

create or replace function private.agency_is_usable_by(agency_id uuid, organisation_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.agencies as a
    where a.id = agency_is_usable_by.agency_id
      and (a.organisation_id is null or a.organisation_id = agency_is_usable_by.organisation_id)
  );
$$;
comment on function private.agency_is_usable_by(uuid, uuid) is
  'Whether an organisation may refer to an agency: a directory agency or one of its own.';

create or replace function private.audit_agency_deleted()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if old.organisation_id is not null and private.organisation_exists(old.organisation_id) then
    perform private.record_audit_event(old.organisation_id, 'agency.deleted', 'agencies', old.id::text,
      jsonb_build_object('name', old.name));
  end if;
  return null;
end;
$$;
comment on function private.audit_agency_deleted() is 'AFTER DELETE trigger on agencies: logs an organisation deleting one of its agencies.';

create trigger agencies_audit_deletion
  after delete on public.agencies
  for each row execute function private.audit_agency_deleted();
comment on trigger agencies_audit_deletion on public.agencies is 'Deleting an organisation''s agency is logged.';

-- -----------------------------------------------------------------------------
-- Privileges and policies
-- -----------------------------------------------------------------------------

revoke all on table public.agencies, public.agency_overrides from public, anon, authenticated;
grant select, insert, update, delete on table public.agencies, public.agency_overrides to authenticated;
grant all on table public.agencies, public.agency_overrides to service_role;

create policy "Directory agencies are visible to everyone signed in, own agencies to members"
  on public.agencies for select to authenticated
  using (organisation_id is null or private.has_role_on_organisation(organisation_id));

create policy "Own agencies can be added by org editors"
  on public.agencies for insert to authenticated
  with check (organisation_id is not null and private.has_role_on_organisation(organisation_id, 'editor'));

create policy "Own agencies can be edited by org editors"
  on public.agencies for update to authenticated
  using (organisation_id is not null and private.has_role_on_organisation(organisation_id, 'editor'))
  with check (organisation_id is not null and private.has_role_on_organisation(organisation_id, 'editor'));

create policy "Own agencies can be deleted by org editors"
  on public.agencies for delete to authenticated
  using (organisation_id is not null and private.has_role_on_organisation(organisation_id, 'editor'));

create policy "Agency corrections are visible to org members"
  on public.agency_overrides for select to authenticated
  using (private.has_role_on_organisation(organisation_id));

create policy "Agency corrections can be added by org editors"
  on public.agency_overrides for insert to authenticated
  with check (private.has_role_on_organisation(organisation_id, 'editor'));

create policy "Agency corrections can be edited by org editors"
  on public.agency_overrides for update to authenticated
  using (private.has_role_on_organisation(organisation_id, 'editor'))
  with check (private.has_role_on_organisation(organisation_id, 'editor'));

create policy "Agency corrections can be deleted by org editors"
  on public.agency_overrides for delete to authenticated
  using (private.has_role_on_organisation(organisation_id, 'editor'));

-- -----------------------------------------------------------------------------
-- Merged view: what each member's organisation sees
-- -----------------------------------------------------------------------------

create view public.organisation_agencies
with (security_invoker = true)
as
select
  m.organisation_id,
  a.id as agency_id,
  a.organisation_id is null as in_directory,
  a.name,
  a.abbreviation,
  a.level,
  a.regime,
  coalesce(o.request_email, a.request_email) as request_email,
  coalesce(o.portal_url, a.portal_url) as portal_url,
  coalesce(o.phone_or_fax, a.phone_or_fax) as phone_or_fax,
  coalesce(o.mailing_address, a.mailing_address) as mailing_address,
  coalesce(o.receipt_cutoff, a.receipt_cutoff) as receipt_cutoff,
  coalesce(o.hourly_research_fee, a.hourly_research_fee) as hourly_research_fee,
  coalesce(o.fee_policy_url, a.fee_policy_url) as fee_policy_url,
  a.notes as directory_notes,
  o.notes as organisation_notes,
  -- A corrected fact takes its source from the correction, not from the directory.
  case
    when o.agency_id is null then a.source_urls
    else (a.source_urls - array(
      select jsonb_object_keys(jsonb_strip_nulls(jsonb_build_object(
        'request_email', o.request_email, 'portal_url', o.portal_url, 'phone_or_fax', o.phone_or_fax,
        'mailing_address', o.mailing_address, 'receipt_cutoff', o.receipt_cutoff,
        'hourly_research_fee', o.hourly_research_fee, 'fee_policy_url', o.fee_policy_url
      )))
    )) || o.source_urls
  end as source_urls,
  o.agency_id is not null as has_corrections,
  greatest(a.updated_at, o.updated_at) as updated_at
from public.memberships as m
join public.agencies as a
  on a.organisation_id is null or a.organisation_id = m.organisation_id
left join public.agency_overrides as o
  on o.organisation_id = m.organisation_id and o.agency_id = a.id
where m.user_id = (select auth.uid());
comment on view public.organisation_agencies is
  'For each organisation the caller belongs to: every directory agency and the organisation''s own, with its private '
  'corrections applied. Security invoker: the underlying policies decide what is visible.';

revoke all on table public.organisation_agencies from public, anon, authenticated;
grant select on table public.organisation_agencies to authenticated, service_role;

revoke execute on all functions in schema private from public;
