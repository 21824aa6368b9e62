-- =============================================================================
-- Disclosure findings
--
-- What a response shows an agency shared with immigration enforcement: which
-- kinds of personal data, about how many people or records (null = unknown),
-- over which period, under which legal process, to whom, and where in which
-- document that is shown. Findings of published requests feed the public
-- aggregates; the rows themselves stay private to the organisation.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Types
-- -----------------------------------------------------------------------------

create type public.data_category as enum (
  'address', 'employer', 'wage_records', 'driver_licence_or_photo', 'ssn', 'phone_or_email', 'benefits',
  'immigration_status', 'other'
);
comment on type public.data_category is 'Kinds of personal data a finding says were shared.';

create type public.legal_process as enum (
  'judicial_warrant', 'court_order', 'administrative_subpoena', 'none_cited', 'unknown'
);
comment on type public.legal_process is
  'The legal process cited for the sharing: a judicial warrant, a court-issued subpoena or order, an administrative '
  '(immigration) subpoena not signed by a judge, none cited, or unknown. SB21-131 allows the first two only.';

create type public.enforcement_recipient as enum ('ice', 'cbp', 'other_dhs', 'other_federal', 'unknown');
comment on type public.enforcement_recipient is 'Who received the data: ICE, CBP, another DHS component, another federal body, or unknown.';

-- -----------------------------------------------------------------------------
-- Table
-- -----------------------------------------------------------------------------

create table public.disclosure_findings (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null,
  request_id uuid not null,
  agency_id uuid not null references public.agencies (id) on delete restrict,
  data_categories public.data_category[] not null
    constraint disclosure_findings_data_categories_present
      check (cardinality(data_categories) >= 1 and array_position(data_categories, null) is null),
  people_count integer
    constraint disclosure_findings_people_count_not_negative check (people_count >= 0),
  records_count integer
    constraint disclosure_findings_records_count_not_negative check (records_count >= 0),
  period_start date,
  period_end date,
  legal_process public.legal_process not null default 'unknown',
  recipient public.enforcement_recipient not null default 'unknown',
  source_attachment_id uuid,
  source_page integer
    constraint disclosure_findings_source_page_positive check (source_page >= 1),
  summary text
    constraint disclosure_findings_summary_length check (char_length(summary) <= 5000),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint disclosure_findings_request_fkey foreign key (request_id, organisation_id)
    references public.records_requests (id, organisation_id) on delete cascade,
  -- No action (checked at the end of the statement): a document that backs a finding cannot be deleted on its
  -- own, but deleting the whole request removes both.
  constraint disclosure_findings_source_attachment_fkey foreign key (source_attachment_id, request_id)
    references public.attachments (id, request_id),
  constraint disclosure_findings_period_in_order check (period_end >= period_start),
  constraint disclosure_findings_page_needs_attachment check (source_page is null or source_attachment_id is not null)
);
comment on table public.disclosure_findings is
  'What a response shows was shared with immigration enforcement. Private rows; only aggregates of findings on '
  'published requests leave the organisation (public.published_disclosure_counts*).';
comment on column public.disclosure_findings.agency_id is 'The agency that shared the data; defaults to the request''s agency.';
comment on column public.disclosure_findings.people_count is 'How many people the data was about; null = unknown.';
comment on column public.disclosure_findings.records_count is 'How many records were shared; null = unknown.';
comment on column public.disclosure_findings.source_attachment_id is 'The document of the same request that shows this.';
comment on column public.disclosure_findings.source_page is 'Page of that document (1-based).';
comment on column public.disclosure_findings.summary is 'Short private description; never published.';

create index disclosure_findings_organisation_id_idx on public.disclosure_findings (organisation_id);
create index disclosure_findings_request_id_idx on public.disclosure_findings (request_id, organisation_id);
create index disclosure_findings_agency_id_idx on public.disclosure_findings (agency_id);
create index disclosure_findings_source_attachment_id_idx on public.disclosure_findings (source_attachment_id, request_id)
  where source_attachment_id is not null;
create index disclosure_findings_created_by_idx on public.disclosure_findings (created_by);

alter table public.disclosure_findings enable row level security;

-- -----------------------------------------------------------------------------
-- Triggers
-- -----------------------------------------------------------------------------

create or replace function private.prepare_disclosure_finding()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
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
  'BEFORE INSERT/UPDATE trigger on disclosure_findings: fills organisation and agency from the request when '
  'omitted, and refuses another organisation''s private agency.';

create trigger disclosure_findings_prepare
  before insert or update of agency_id on public.disclosure_findings
  for each row execute function private.prepare_disclosure_finding();
comment on trigger disclosure_findings_prepare on public.disclosure_findings is 'Fills defaults and checks the agency.';

create trigger disclosure_findings_touch_updated_at
  before update on public.disclosure_findings
  for each row execute function private.touch_updated_at();
comment on trigger disclosure_findings_touch_updated_at on public.disclosure_findings is 'Keeps updated_at current.';

create trigger disclosure_findings_owner_unchanged
  before update on public.disclosure_findings
  for each row execute function private.keep_columns_unchanged('id', 'organisation_id', 'request_id', 'created_by', 'created_at');
comment on trigger disclosure_findings_owner_unchanged on public.disclosure_findings is 'A finding stays with its request.';

create or replace function private.audit_disclosure_finding_deleted()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if private.organisation_exists(old.organisation_id)
     and exists (select 1 from public.records_requests as r where r.id = old.request_id) then
    perform private.record_audit_event(old.organisation_id, 'finding.deleted', 'disclosure_findings', old.id::text,
      jsonb_build_object('request_id', old.request_id, 'people_count', old.people_count,
                         'records_count', old.records_count, 'data_categories', old.data_categories));
  end if;
  return null;
end;
$$;
comment on function private.audit_disclosure_finding_deleted() is
  'AFTER DELETE trigger on disclosure_findings: logs a deleted finding (it may have counted in published numbers).';

create trigger disclosure_findings_audit_deletion
  after delete on public.disclosure_findings
  for each row execute function private.audit_disclosure_finding_deleted();
comment on trigger disclosure_findings_audit_deletion on public.disclosure_findings is 'Deleting a finding is logged.';

-- -----------------------------------------------------------------------------
-- Privileges and policies
-- -----------------------------------------------------------------------------

revoke all on table public.disclosure_findings from public, anon, authenticated;
grant select, insert, update, delete on table public.disclosure_findings to authenticated;
grant all on table public.disclosure_findings to service_role;

create policy "Findings are visible to org members"
  on public.disclosure_findings for select to authenticated
  using (private.has_role_on_organisation(organisation_id));

create policy "Findings can be recorded by org editors, as themselves"
  on public.disclosure_findings for insert to authenticated
  with check (
    private.has_role_on_organisation(organisation_id, 'editor')
    and created_by = (select auth.uid())
  );

create policy "Findings can be edited by org editors"
  on public.disclosure_findings for update to authenticated
  using (private.has_role_on_organisation(organisation_id, 'editor'))
  with check (private.has_role_on_organisation(organisation_id, 'editor'));

create policy "Findings can be deleted by org editors"
  on public.disclosure_findings for delete to authenticated
  using (private.has_role_on_organisation(organisation_id, 'editor'));

revoke execute on all functions in schema private from public;
