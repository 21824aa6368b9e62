-- =============================================================================
-- Findings come from a release; the request list's indexes
--
-- A disclosure finding records what released documents show, so it may name
-- the records-released event it was read from (nullable: findings recorded
-- before this migration have none). Editing a finding changes the row, so the
-- change is logged with what it counted before, as deleting one already is.
--
-- The request list filters each organisation's requests by due date and
-- searches titles by substring (src/lib/caseload/section-filters.ts,
-- src/lib/caseload/search-terms.ts); its indexes live here too.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Extensions
-- -----------------------------------------------------------------------------

-- In schema extensions, as Supabase installs extensions (and as the embedded stack installs pgcrypto).
create extension if not exists pg_trgm with schema extensions;

-- -----------------------------------------------------------------------------
-- Findings: the release they come from
-- -----------------------------------------------------------------------------

alter table public.disclosure_findings
  add column event_id uuid,
  -- The event of the same request. The request's own foreign key already ties the finding to the request's
  -- organisation, and an event's to the same one, so (event_id, request_id) is enough for "same request and
  -- organisation". No action (checked at the end of the statement): events go only with their request
  -- (request_events_append_only), and deleting the request removes the finding in the same statement.
  add constraint disclosure_findings_event_fkey foreign key (event_id, request_id)
    references public.request_events (id, request_id);

comment on column public.disclosure_findings.event_id is
  'The records-released event (partial or full) of the same request whose documents show this; null for findings '
  'recorded before findings were linked to releases.';

create index disclosure_findings_event_id_idx on public.disclosure_findings (event_id, request_id)
  where event_id is not null;
comment on index public.disclosure_findings_event_id_idx is
  'Leads the event foreign key (an event''s findings, the key check when a request''s events go).';

-- -----------------------------------------------------------------------------
-- Triggers
-- -----------------------------------------------------------------------------

create or replace function private.check_finding_event()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  source record;
begin
  if new.event_id is null or (tg_op = 'UPDATE' and new.event_id is not distinct from old.event_id) then
    return new;
  end if;
  -- As the caller (security invoker): an event the caller cannot see is left to the foreign key and the policies.
  select e.type, coalesce(t.retracted, false) as retracted into source
  from public.request_events as e
  left join public.request_timeline as t on t.id = e.id and t.request_id = e.request_id
  where e.id = new.event_id and e.request_id = new.request_id;
  if found and source.type <> 'records_released' then
    raise exception 'A finding can only come from a records-released event (partial or full), not a % event', source.type
      using errcode = '23514';
  end if;
  if found and source.retracted then
    raise exception 'A finding cannot come from a release that was retracted' using errcode = '23514';
  end if;
  return new;
end;
$$;
comment on function private.check_finding_event() is
  'BEFORE INSERT/UPDATE OF event_id trigger on disclosure_findings: the event a finding comes from must be a '
  'records-released one (partial or full, as its payload is checked) that has not been retracted. A check '
  'constraint cannot read another row, hence a trigger; the foreign key still checks it is the same request''s. '
  'Existing links are left alone when a release is retracted later (the finding was read from it).';

create trigger disclosure_findings_check_event
  before insert or update of event_id on public.disclosure_findings
  for each row execute function private.check_finding_event();
comment on trigger disclosure_findings_check_event on public.disclosure_findings is
  'A finding comes from a standing records-released event.';

create or replace function private.audit_disclosure_finding_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  counted constant text[] := array['data_categories', 'people_count', 'records_count', 'period_start', 'period_end',
                                   'legal_process', 'recipient', 'agency_id', 'event_id'];
  before_change jsonb := to_jsonb(old);
  after_change jsonb := to_jsonb(new);
  changed text[];
begin
  select array_agg(c order by c) into changed
  from unnest(counted) as c
  where before_change -> c is distinct from after_change -> c;
  if changed is not null then
    perform private.record_audit_event(new.organisation_id, 'finding.changed', 'disclosure_findings', new.id::text,
      jsonb_build_object('request_id', new.request_id, 'changed', to_jsonb(changed),
                         'from', (select jsonb_object_agg(c, before_change -> c) from unnest(changed) as c),
                         'to', (select jsonb_object_agg(c, after_change -> c) from unnest(changed) as c)));
  end if;
  return null;
end;
$$;
comment on function private.audit_disclosure_finding_changed() is
  'AFTER UPDATE trigger on disclosure_findings: logs what an edit changed among the facts that are counted or '
  'linked (categories, counts, period, legal process, recipient, agency, release), with the values before and after, '
  'so an edited finding never rewrites published numbers silently. Summary and source edits are not logged.';

create trigger disclosure_findings_audit_change
  after update on public.disclosure_findings
  for each row execute function private.audit_disclosure_finding_changed();
comment on trigger disclosure_findings_audit_change on public.disclosure_findings is 'Editing what a finding counts is logged.';

-- -----------------------------------------------------------------------------
-- Request list indexes
-- -----------------------------------------------------------------------------

create index records_requests_organisation_id_due_on_idx on public.records_requests (organisation_id, due_on);
comment on index public.records_requests_organisation_id_due_on_idx is
  'The request list: overdue and due-soon sections compare due_on per organisation, and the list is ordered by it.';

create index records_requests_organisation_id_extended_due_on_idx on public.records_requests (organisation_id, extended_due_on);
comment on index public.records_requests_organisation_id_extended_due_on_idx is
  'The request list: an extended due date governs when set, so the sections compare it per organisation too.';

create index records_requests_title_trgm_idx on public.records_requests using gin (title extensions.gin_trgm_ops);
comment on index public.records_requests_title_trgm_idx is
  'The request list''s search: title ilike ''%term%'' (a substring anywhere, which a b-tree cannot serve).';

revoke execute on all functions in schema private from public;
