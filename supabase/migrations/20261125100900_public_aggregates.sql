-- =============================================================================
-- Public aggregates of published findings
--
-- The only data anonymous visitors can read. Security definer functions that
-- return counts over findings of published requests (publish_state published,
-- or embargoed and the embargo date reached in Colorado) — never a row, a
-- letter body, a summary, a file or who filed what.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Helpers
-- -----------------------------------------------------------------------------

create or replace function private.is_published(state public.publish_state, embargoed_until date)
returns boolean
language sql
stable
set search_path = ''
as $$
  select state = 'published'
    or (state = 'embargoed' and embargoed_until <= (now() at time zone 'America/Denver')::date);
$$;
comment on function private.is_published(public.publish_state, date) is
  'Whether a request''s findings count publicly now: published, or embargoed and the embargo date has come in Colorado.';

create or replace function private.require_api_role()
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if coalesce((select auth.role()), '') not in ('anon', 'authenticated', 'service_role') then
    raise exception 'Published counts are served to API callers only (anon, authenticated or service_role)'
      using errcode = '42501';
  end if;
end;
$$;
comment on function private.require_api_role() is
  'Permission check for the public aggregate functions: the caller must come through the API with an API role.';

create or replace function private.published_findings()
returns setof public.disclosure_findings
language sql
stable
set search_path = ''
as $$
  select f.*
  from public.disclosure_findings as f
  join public.records_requests as r on r.id = f.request_id
  where private.is_published(r.publish_state, r.embargoed_until);
$$;
comment on function private.published_findings() is
  'Findings of published requests. Private: only the aggregate functions below read it, and they return counts.';

-- -----------------------------------------------------------------------------
-- API functions
-- -----------------------------------------------------------------------------

create or replace function public.published_disclosure_counts()
returns table (
  published_requests bigint,
  requests_with_findings bigint,
  findings bigint,
  agencies bigint,
  people bigint,
  records bigint,
  findings_with_unknown_people bigint,
  findings_with_unknown_records bigint,
  earliest_period_start date,
  latest_period_end date
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform private.require_api_role();
  return query
  select
    (select count(*) from public.records_requests as r where private.is_published(r.publish_state, r.embargoed_until)),
    count(distinct f.request_id),
    count(*),
    count(distinct f.agency_id),
    coalesce(sum(f.people_count), 0)::bigint,
    coalesce(sum(f.records_count), 0)::bigint,
    count(*) filter (where f.people_count is null),
    count(*) filter (where f.records_count is null),
    min(f.period_start),
    max(f.period_end)
  from private.published_findings() as f;
end;
$$;
comment on function public.published_disclosure_counts() is
  'Totals over findings of published requests (one row). people/records sum the known counts; the '
  'findings_with_unknown_* columns say how many findings left them unknown. Open to everyone.';

create or replace function public.published_disclosure_counts_by_agency()
returns table (
  agency_id uuid,
  agency_name text,
  agency_abbreviation text,
  agency_level public.agency_level,
  requests bigint,
  findings bigint,
  people bigint,
  records bigint,
  findings_with_unknown_people bigint,
  findings_with_unknown_records bigint
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform private.require_api_role();
  return query
  select
    a.id, a.name, a.abbreviation, a.level,
    count(distinct f.request_id),
    count(*),
    coalesce(sum(f.people_count), 0)::bigint,
    coalesce(sum(f.records_count), 0)::bigint,
    count(*) filter (where f.people_count is null),
    count(*) filter (where f.records_count is null)
  from private.published_findings() as f
  join public.agencies as a on a.id = f.agency_id
  group by a.id, a.name, a.abbreviation, a.level
  order by count(*) desc, a.name;
end;
$$;
comment on function public.published_disclosure_counts_by_agency() is
  'Published findings per sharing agency (name, abbreviation, level and counts only). Open to everyone.';

create or replace function public.published_disclosure_counts_by_category()
returns table (
  data_category public.data_category,
  findings bigint,
  people bigint,
  records bigint,
  findings_with_unknown_people bigint,
  findings_with_unknown_records bigint
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform private.require_api_role();
  return query
  select
    c.category,
    count(*),
    coalesce(sum(f.people_count), 0)::bigint,
    coalesce(sum(f.records_count), 0)::bigint,
    count(*) filter (where f.people_count is null),
    count(*) filter (where f.records_count is null)
  from private.published_findings() as f
  cross join lateral unnest(f.data_categories) as c (category)
  group by c.category
  order by c.category;
end;
$$;
comment on function public.published_disclosure_counts_by_category() is
  'Published findings per data category. A finding naming several categories counts in each, so rows do not add '
  'up to the totals. Open to everyone.';

create or replace function public.published_disclosure_counts_by_legal_process()
returns table (
  legal_process public.legal_process,
  findings bigint,
  people bigint,
  records bigint,
  findings_with_unknown_people bigint,
  findings_with_unknown_records bigint
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform private.require_api_role();
  return query
  select
    f.legal_process,
    count(*),
    coalesce(sum(f.people_count), 0)::bigint,
    coalesce(sum(f.records_count), 0)::bigint,
    count(*) filter (where f.people_count is null),
    count(*) filter (where f.records_count is null)
  from private.published_findings() as f
  group by f.legal_process
  order by f.legal_process;
end;
$$;
comment on function public.published_disclosure_counts_by_legal_process() is
  'Published findings per legal process cited (judicial warrant, court order, administrative subpoena, none, '
  'unknown). Open to everyone.';

create or replace function public.published_disclosure_counts_by_recipient()
returns table (
  recipient public.enforcement_recipient,
  findings bigint,
  people bigint,
  records bigint,
  findings_with_unknown_people bigint,
  findings_with_unknown_records bigint
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform private.require_api_role();
  return query
  select
    f.recipient,
    count(*),
    coalesce(sum(f.people_count), 0)::bigint,
    coalesce(sum(f.records_count), 0)::bigint,
    count(*) filter (where f.people_count is null),
    count(*) filter (where f.records_count is null)
  from private.published_findings() as f
  group by f.recipient
  order by f.recipient;
end;
$$;
comment on function public.published_disclosure_counts_by_recipient() is
  'Published findings per recipient (ICE, CBP, other DHS, other federal, unknown). Open to everyone.';

-- -----------------------------------------------------------------------------
-- Privileges
-- -----------------------------------------------------------------------------

revoke all on function
  public.published_disclosure_counts(),
  public.published_disclosure_counts_by_agency(),
  public.published_disclosure_counts_by_category(),
  public.published_disclosure_counts_by_legal_process(),
  public.published_disclosure_counts_by_recipient()
from public;
grant execute on function
  public.published_disclosure_counts(),
  public.published_disclosure_counts_by_agency(),
  public.published_disclosure_counts_by_category(),
  public.published_disclosure_counts_by_legal_process(),
  public.published_disclosure_counts_by_recipient()
to anon, authenticated, service_role;

revoke execute on all functions in schema private from public;
