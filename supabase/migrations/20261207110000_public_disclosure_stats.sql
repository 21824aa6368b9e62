-- =============================================================================
-- Public disclosure statistics, with small counts suppressed in the database
--
-- One security-definer function, public.public_disclosure_stats(filters),
-- returns the whole document the public /stats page, its downloads and its
-- widget show: headline, the SB21-131 warrant split, agencies (with their
-- CORA record), data categories, legal process, recipients and quarters.
-- Only aggregates of published findings (published, or embargoed and the
-- date reached in Colorado) leave here; never a row, a title, a summary, an
-- attachment or which organisation filed a request.
--
-- People and records counts from 1 to K-1 (K = suppression_threshold,
-- default 11) are returned as "<K"; zero stays zero. Complementary
-- suppression (private.suppress_counts) hides further cells, shown as
-- "hidden", until no hidden cell can be worked out from the visible cells
-- and the totals of the same view; a filtered view also hides its totals
-- when the view it narrows hid the cell it equals. Finding and request
-- counts are counts of documents, not of people, and are not suppressed.
-- The older unsuppressed published_disclosure_counts* functions are dropped.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Settings
-- -----------------------------------------------------------------------------

create table private.public_stats_settings (
  id boolean primary key default true
    constraint public_stats_settings_single_row check (id),
  suppression_threshold integer not null default 11
    constraint public_stats_settings_threshold_range check (suppression_threshold between 2 and 1000),
  min_requests_to_compare integer not null default 5
    constraint public_stats_settings_compare_positive check (min_requests_to_compare >= 1)
);
comment on table private.public_stats_settings is
  'One row: K (people/records counts below it are shown as "<K"; 11 follows the health-statistics practice of '
  'hiding cells of 10 or fewer) and how many published requests an agency needs before its CORA record is ranked. '
  'Change with: update private.public_stats_settings set suppression_threshold = 20;';
insert into private.public_stats_settings default values;
alter table private.public_stats_settings enable row level security;
revoke all on private.public_stats_settings from public;

-- -----------------------------------------------------------------------------
-- Helpers: suppression
-- -----------------------------------------------------------------------------

create or replace function private.suppress_counts(
  p_values bigint[], p_groups integer[], p_k integer, p_total_hidden boolean default false
)
returns text[]
language plpgsql
immutable
set search_path = ''
as $$
-- Cell 1 is the total; every other cell belongs to a group (p_groups[i]) and each group's cells add up to the
-- total. Returns per cell 'shown', 'fewer' (1..K-1) or 'hidden'. An outsider who knows this rule knows a 'fewer'
-- cell lies in [1, K-1] and a 'hidden' one in [K, ∞) (a secondary cell is never below K); a cell is protected when
-- those bounds and the sums leave it more than one value. Bounds propagated over one linear sum per group are the
-- exact feasible integer ranges, so the check below is exact. When no further cell can protect a determined one,
-- every non-zero cell is hidden (the measure is withheld).
declare
  n constant integer := coalesce(cardinality(p_values), 0);
  inf constant numeric := 1e18;
  st text[] := array[]::text[];
  lo numeric[] := array[]::numeric[];
  hi numeric[] := array[]::numeric[];
  grps integer[];
  g integer;
  i integer;
  t_lo numeric;
  t_hi numeric;
  g_lo numeric;
  g_hi numeric;
  c_lo numeric;
  c_hi numeric;
  widest numeric;
  narrow_group integer;
  leak_group integer;
  pick integer;
  rounds integer := 0;
begin
  if n = 0 then
    return st;
  end if;
  for i in 1..n loop
    st[i] := case when p_values[i] between 1 and p_k - 1 then 'fewer' else 'shown' end;
  end loop;
  if p_total_hidden and st[1] = 'shown' and p_values[1] > 0 then
    st[1] := 'hidden';
  end if;
  select coalesce(array_agg(distinct x order by x), '{}') into grps from unnest(p_groups[2:n]) as x;

  loop
    rounds := rounds + 1;
    exit when rounds > 4 * n + 4;
    for i in 1..n loop
      lo[i] := case st[i] when 'shown' then p_values[i] when 'fewer' then 1 else p_k end;
      hi[i] := case st[i] when 'shown' then p_values[i] when 'fewer' then p_k - 1 else inf end;
    end loop;

    -- What the total can be, from its own cell and from every group's sum.
    t_lo := lo[1];
    t_hi := hi[1];
    narrow_group := null;
    widest := inf * n;
    foreach g in array grps loop
      select sum(lo[k]), sum(hi[k]) into g_lo, g_hi from generate_subscripts(p_values, 1) as k where k > 1 and p_groups[k] = g;
      t_lo := greatest(t_lo, g_lo);
      t_hi := least(t_hi, g_hi);
      if g_hi - g_lo < widest and exists (
        select 1 from generate_subscripts(p_values, 1) as k
        where k > 1 and p_groups[k] = g and st[k] = 'shown' and p_values[k] > 0
      ) then
        widest := g_hi - g_lo;
        narrow_group := g;
      end if;
    end loop;

    leak_group := null;
    if st[1] <> 'shown' and t_lo >= t_hi then
      leak_group := coalesce(narrow_group, -1);
    else
      <<groups>>
      foreach g in array grps loop
        select sum(lo[k]), sum(hi[k]) into g_lo, g_hi from generate_subscripts(p_values, 1) as k where k > 1 and p_groups[k] = g;
        for i in 2..n loop
          continue when p_groups[i] <> g or st[i] = 'shown';
          c_lo := greatest(lo[i], t_lo - (g_hi - hi[i]));
          c_hi := least(hi[i], t_hi - (g_lo - lo[i]));
          if c_lo >= c_hi then
            leak_group := g;
            exit groups;
          end if;
        end loop;
      end loop;
    end if;
    exit when leak_group is null;

    -- Hide the smallest visible non-zero cell of the leaking group; else the total; else one of another group.
    select k into pick from generate_subscripts(p_values, 1) as k
    where k > 1 and p_groups[k] = leak_group and st[k] = 'shown' and p_values[k] > 0
    order by p_values[k], k limit 1;
    if pick is null and st[1] = 'shown' and p_values[1] > 0 then
      pick := 1;
    end if;
    if pick is null then
      select k into pick from generate_subscripts(p_values, 1) as k
      where k > 1 and st[k] = 'shown' and p_values[k] > 0
      order by p_values[k], k limit 1;
    end if;
    if pick is null then
      -- Nothing left that could protect the determined cell: withhold the measure.
      for i in 1..n loop
        if p_values[i] > 0 then
          st[i] := 'hidden';
        end if;
      end loop;
      return st;
    end if;
    st[pick] := 'hidden';
  end loop;
  return st;
end;
$$;
comment on function private.suppress_counts(bigint[], integer[], integer, boolean) is
  'Primary ("fewer", 1..K-1) and complementary ("hidden") suppression of one measure of one view: cell 1 is the '
  'total, the others belong to groups that each add up to it. Property-tested in tests/integration/database.';

create or replace function private.stats_count(p_value bigint, p_state text, p_k integer)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select case p_state
    when 'shown' then to_jsonb(coalesce(p_value, 0))
    when 'fewer' then to_jsonb('<' || p_k)
    else to_jsonb('hidden'::text)
  end;
$$;
comment on function private.stats_count(bigint, text, integer) is
  'A people/records count as published: the number, "<K" or "hidden".';

-- -----------------------------------------------------------------------------
-- Helpers: the published findings of a view and its cells
-- -----------------------------------------------------------------------------

create or replace function private.stats_quarter(p_day date)
returns text
language sql
immutable
set search_path = ''
as $$
  select coalesce(to_char(p_day, 'YYYY-"Q"Q'), 'unknown');
$$;
comment on function private.stats_quarter(date) is 'The calendar quarter of a date, as 2025-Q3 (unknown when null).';

create or replace function private.stats_findings(
  p_agency uuid, p_from date, p_to date, p_category public.data_category, p_legal_process public.legal_process
)
returns table (
  request_id uuid, agency_id uuid, data_categories public.data_category[], people_count integer,
  records_count integer, period_start date, period_end date, legal_process public.legal_process,
  recipient public.enforcement_recipient, quarter text
)
language sql
stable
set search_path = ''
as $$
  -- A finding belongs to the quarter its period starts in; a period filter keeps only findings with a known start.
  select f.request_id, f.agency_id, f.data_categories, f.people_count, f.records_count, f.period_start,
    f.period_end, f.legal_process, f.recipient, private.stats_quarter(f.period_start)
  from public.disclosure_findings as f
  join public.records_requests as r on r.id = f.request_id
  where private.is_published(r.publish_state, r.embargoed_until)
    and (p_agency is null or f.agency_id = p_agency)
    and (p_category is null or p_category = any (f.data_categories))
    and (p_legal_process is null or f.legal_process = p_legal_process)
    and (p_from is null or f.period_start >= p_from)
    and (p_to is null or f.period_start <= p_to);
$$;
comment on function private.stats_findings(uuid, date, date, public.data_category, public.legal_process) is
  'Published findings inside a view''s filters. Private: only the public statistics read it.';

create or replace function private.stats_cells(
  p_agency uuid, p_from date, p_to date, p_category public.data_category, p_legal_process public.legal_process
)
returns table (dimension text, key text, grp integer, findings bigint, people bigint, records bigint,
  unknown_people bigint, unknown_records bigint)
language sql
stable
set search_path = ''
as $$
  -- grp: 0 the total, 1..4 the partitions of the total (agency, legal process, recipient, quarter); categories
  -- overlap (a finding counts in each of its categories) and are suppressed cell by cell only (grp null).
  with f as (
    select * from private.stats_findings(p_agency, p_from, p_to, p_category, p_legal_process)
  ), cells as (
    select 'total' as dimension, 'total' as key, 0 as grp, f.* from f
    union all select 'agency', f.agency_id::text, 1, f.* from f
    union all select 'legal_process', f.legal_process::text, 2, f.* from f
    union all select 'recipient', f.recipient::text, 3, f.* from f
    union all select 'quarter', f.quarter, 4, f.* from f
    union all select 'category', c.category::text, null, f.* from f cross join lateral unnest(f.data_categories) as c (category)
  )
  select c.dimension, c.key, c.grp, count(c.request_id), coalesce(sum(c.people_count), 0)::bigint,
    coalesce(sum(c.records_count), 0)::bigint, count(*) filter (where c.people_count is null),
    count(*) filter (where c.records_count is null)
  from cells as c
  group by c.dimension, c.key, c.grp
  union all
  -- An empty view still has its total.
  select 'total', 'total', 0, 0, 0, 0, 0, 0 where not exists (select 1 from f);
$$;
comment on function private.stats_cells(uuid, date, date, public.data_category, public.legal_process) is
  'Finding, people and records counts of a view: its total and each cell of each breakdown.';

create or replace function private.stats_states(
  p_agency uuid, p_from date, p_to date, p_category public.data_category, p_legal_process public.legal_process,
  p_k integer
)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
-- {"people": {"total": "shown", "agency:<id>": "fewer", ...}, "records": {...}}. A filtered view's total equals a
-- cell (or, for a period, a sum of quarter cells) of the view without that filter: when that view did not show
-- it, this view hides its total too, so comparing the two views gives nothing away.
declare
  measure text;
  parent jsonb;
  force_people boolean := false;
  force_records boolean := false;
  result jsonb := '{}';
  keys text[];
  vals bigint[];
  grps integer[];
  states text[];
  cat_states jsonb;
begin
  if p_agency is not null then
    parent := private.stats_states(null, p_from, p_to, p_category, p_legal_process, p_k);
    force_people := force_people or coalesce(parent #>> array['people', 'agency:' || p_agency], 'shown') <> 'shown';
    force_records := force_records or coalesce(parent #>> array['records', 'agency:' || p_agency], 'shown') <> 'shown';
  end if;
  if p_legal_process is not null then
    parent := private.stats_states(p_agency, p_from, p_to, p_category, null, p_k);
    force_people := force_people or coalesce(parent #>> array['people', 'legal_process:' || p_legal_process], 'shown') <> 'shown';
    force_records := force_records or coalesce(parent #>> array['records', 'legal_process:' || p_legal_process], 'shown') <> 'shown';
  end if;
  if p_category is not null then
    parent := private.stats_states(p_agency, p_from, p_to, null, p_legal_process, p_k);
    force_people := force_people or coalesce(parent #>> array['people', 'category:' || p_category], 'shown') <> 'shown';
    force_records := force_records or coalesce(parent #>> array['records', 'category:' || p_category], 'shown') <> 'shown';
  end if;
  if p_from is not null or p_to is not null then
    parent := private.stats_states(p_agency, null, null, p_category, p_legal_process, p_k);
    select force_people or coalesce(bool_or(e.value <> 'shown'), false) into force_people
    from jsonb_each_text(parent -> 'people') as e
    where e.key like 'quarter:%' and e.key <> 'quarter:unknown'
      and (p_from is null or substr(e.key, 9) >= private.stats_quarter(p_from))
      and (p_to is null or substr(e.key, 9) <= private.stats_quarter(p_to));
    select force_records or coalesce(bool_or(e.value <> 'shown'), false) into force_records
    from jsonb_each_text(parent -> 'records') as e
    where e.key like 'quarter:%' and e.key <> 'quarter:unknown'
      and (p_from is null or substr(e.key, 9) >= private.stats_quarter(p_from))
      and (p_to is null or substr(e.key, 9) <= private.stats_quarter(p_to));
  end if;

  foreach measure in array array['people', 'records'] loop
    select array_agg(c.dimension || ':' || c.key order by c.grp, c.key),
      array_agg(case measure when 'people' then c.people else c.records end order by c.grp, c.key),
      array_agg(c.grp order by c.grp, c.key)
    into keys, vals, grps
    from private.stats_cells(p_agency, p_from, p_to, p_category, p_legal_process) as c
    where c.grp is not null;
    keys[1] := 'total';
    states := private.suppress_counts(vals, grps, p_k,
      case measure when 'people' then force_people else force_records end);
    select jsonb_object_agg(c.dimension || ':' || c.key,
      case when (case measure when 'people' then c.people else c.records end) between 1 and p_k - 1 then 'fewer' else 'shown' end)
    into cat_states
    from private.stats_cells(p_agency, p_from, p_to, p_category, p_legal_process) as c
    where c.grp is null;
    result := result || jsonb_build_object(measure,
      coalesce(cat_states, '{}') || (select jsonb_object_agg(k.key, states[k.n]) from unnest(keys) with ordinality as k (key, n)));
  end loop;
  return result;
end;
$$;
comment on function private.stats_states(uuid, date, date, public.data_category, public.legal_process, integer) is
  'Suppression state of every people/records cell of a view, inheriting from the views one filter wider.';

-- -----------------------------------------------------------------------------
-- Helpers: agencies' CORA record
-- -----------------------------------------------------------------------------

create or replace function private.wilson_interval(p_successes bigint, p_trials bigint)
returns numeric[]
language sql
immutable
set search_path = ''
as $$
  -- The Wilson score interval at 95 % (z = 1.96): honest on small numbers, never outside [0, 1].
  select case when p_trials > 0 then array[
    round(greatest(0, (p + z * z / (2 * n) - z * sqrt(p * (1 - p) / n + z * z / (4 * n * n))) / (1 + z * z / n)), 4),
    round(least(1, (p + z * z / (2 * n) + z * sqrt(p * (1 - p) / n + z * z / (4 * n * n))) / (1 + z * z / n)), 4)
  ] end
  from (select p_successes::numeric / nullif(p_trials, 0) as p, p_trials::numeric as n, 1.96::numeric as z) as v;
$$;
comment on function private.wilson_interval(bigint, bigint) is 'Wilson 95 % score interval of a proportion, as {low, high}.';

create or replace function private.stats_agency_record(p_agency uuid, p_from date, p_to date, p_min_requests integer)
returns table (agency_id uuid, record jsonb)
language sql
stable
set search_path = ''
as $$
  -- Published CORA requests to each agency (sent inside the period when one is given). The first response is the
  -- first release, "no records" or denial not retracted by a correction. It is on time when it came on or before
  -- the deadline the CORA engine stored (3 working days, or the extended date after a claimed extension:
  -- C.R.S. 24-72-203(3)(b)); a request still waiting past that date is overdue. Days are calendar days from the
  -- Colorado date it was sent.
  with today as (select (now() at time zone 'America/Denver')::date as d),
  r as (
    select r.id, r.agency_id, r.status, (r.sent_at at time zone 'America/Denver')::date as sent_on,
      coalesce(r.extended_due_on, r.due_on) as deadline,
      (select min((e.occurred_at at time zone 'America/Denver')::date)
       from public.request_events as e
       where e.request_id = r.id and e.type in ('records_released', 'no_responsive_records', 'denied')
         and not exists (
           select 1 from public.request_events as c
           where c.request_id = r.id and c.type = 'correction' and c.payload ->> 'corrects' = e.id::text
             and c.payload ->> 'retracted' = 'true')) as first_response_on
    from public.records_requests as r
    where private.is_published(r.publish_state, r.embargoed_until)
      and r.regime = 'CORA' and r.sent_at is not null and r.status not in ('draft', 'withdrawn')
      and (p_agency is null or r.agency_id = p_agency)
      and (p_from is null or (r.sent_at at time zone 'America/Denver')::date >= p_from)
      and (p_to is null or (r.sent_at at time zone 'America/Denver')::date <= p_to)
  ),
  counted as (
    select r.agency_id,
      count(*) as requests,
      count(*) filter (where r.first_response_on is not null) as answered,
      count(*) filter (where r.first_response_on <= r.deadline) as answered_in_time,
      count(*) filter (where r.first_response_on is not null or r.deadline < (select d from today)) as due,
      percentile_cont(0.5) within group (order by r.first_response_on - r.sent_on)
        filter (where r.first_response_on is not null) as median_days,
      count(*) filter (where r.status = 'released') as released,
      count(*) filter (where r.status = 'partially_released') as partial,
      count(*) filter (where r.status = 'no_records') as no_records,
      count(*) filter (where r.status = 'denied') as denied,
      count(*) filter (where r.status not in ('released', 'partially_released', 'no_records', 'denied', 'closed')
        and r.first_response_on is null and r.deadline < (select d from today)) as overdue,
      count(*) filter (where r.status not in ('released', 'partially_released', 'no_records', 'denied', 'closed')
        and r.first_response_on is null and not coalesce(r.deadline < (select d from today), false)) as pending,
      count(*) filter (where r.status = 'closed') as closed
    from r
    group by r.agency_id
  )
  select c.agency_id, jsonb_build_object(
    'requests', c.requests,
    'answered', c.answered,
    'due', c.due,
    'answered_in_time', c.answered_in_time,
    'comparable', c.requests >= p_min_requests,
    'on_time_share', case when c.requests >= p_min_requests and c.due > 0
      then round(c.answered_in_time::numeric / c.due, 4) end,
    'on_time_interval', case when c.requests >= p_min_requests then to_jsonb(private.wilson_interval(c.answered_in_time, c.due)) end,
    'median_days_to_first_response', c.median_days,
    'outcomes', jsonb_build_object('released', c.released, 'partial', c.partial, 'no_records', c.no_records,
      'denied', c.denied, 'pending', c.pending, 'overdue', c.overdue, 'closed', c.closed)
  )
  from counted as c;
$$;
comment on function private.stats_agency_record(uuid, date, date, integer) is
  'Each agency''s CORA record over published requests: answered, on time (with a Wilson interval once there are '
  'enough requests to compare), median days to the first response, outcomes.';

create or replace function private.stats_breakdown(
  p_dimension text, p_states jsonb, p_k integer, p_agency uuid, p_from date, p_to date,
  p_category public.data_category, p_legal_process public.legal_process
)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
      'key', c.key,
      'findings', c.findings,
      'people', private.stats_count(c.people, coalesce(p_states #>> array['people', c.dimension || ':' || c.key], 'shown'), p_k),
      'records', private.stats_count(c.records, coalesce(p_states #>> array['records', c.dimension || ':' || c.key], 'shown'), p_k),
      'findings_with_unknown_people', c.unknown_people,
      'findings_with_unknown_records', c.unknown_records
    ) order by c.key), '[]')
  from private.stats_cells(p_agency, p_from, p_to, p_category, p_legal_process) as c
  where c.dimension = p_dimension;
$$;
comment on function private.stats_breakdown(text, jsonb, integer, uuid, date, date, public.data_category, public.legal_process) is
  'One breakdown of a view (category, legal_process, recipient or quarter) with its suppression applied.';

-- -----------------------------------------------------------------------------
-- API function
-- -----------------------------------------------------------------------------

create or replace function public.public_disclosure_stats(
  p_agency uuid default null,
  p_from date default null,
  p_to date default null,
  p_category public.data_category default null,
  p_legal_process public.legal_process default null
)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  k integer;
  min_requests integer;
  q_from date := date_trunc('quarter', p_from)::date;
  q_to date := (date_trunc('quarter', p_to) + interval '3 months - 1 day')::date;
  states jsonb;
  headline jsonb;
begin
  perform private.require_api_role();
  select s.suppression_threshold, s.min_requests_to_compare into k, min_requests from private.public_stats_settings as s;
  -- Periods are whole quarters, the finest grain published (a narrower range would difference quarter cells).
  states := private.stats_states(p_agency, q_from, q_to, p_category, p_legal_process, k);

  select jsonb_build_object(
    'findings', c.findings,
    'people', private.stats_count(c.people, states #>> '{people,total}', k),
    'records', private.stats_count(c.records, states #>> '{records,total}', k),
    'findings_with_unknown_people', c.unknown_people,
    'findings_with_unknown_records', c.unknown_records,
    'agencies', (select count(distinct f.agency_id) from private.stats_findings(p_agency, q_from, q_to, p_category, p_legal_process) as f),
    'requests_with_findings', (select count(distinct f.request_id) from private.stats_findings(p_agency, q_from, q_to, p_category, p_legal_process) as f),
    'published_requests', (select count(*) from public.records_requests as r
      where private.is_published(r.publish_state, r.embargoed_until) and (p_agency is null or r.agency_id = p_agency)),
    'period_start', (select min(f.period_start) from private.stats_findings(p_agency, q_from, q_to, p_category, p_legal_process) as f),
    'period_end', (select max(f.period_end) from private.stats_findings(p_agency, q_from, q_to, p_category, p_legal_process) as f),
    'latest_response_on', (select max((e.occurred_at at time zone 'America/Denver')::date)
      from public.request_events as e join public.records_requests as r on r.id = e.request_id
      where private.is_published(r.publish_state, r.embargoed_until) and (p_agency is null or r.agency_id = p_agency)
        and e.type in ('records_released', 'no_responsive_records', 'denied'))
  ) into headline
  from private.stats_cells(p_agency, q_from, q_to, p_category, p_legal_process) as c
  where c.dimension = 'total';

  return jsonb_build_object(
    'suppression_threshold', k,
    'min_requests_to_compare', min_requests,
    'filters', jsonb_build_object('agency', p_agency, 'from', q_from, 'to', q_to, 'category', p_category,
      'legal_process', p_legal_process),
    'headline', headline,
    'warrant', (
      -- SB21-131 allows sharing on a judicial warrant or a court order: what the records show cited one or not.
      select jsonb_object_agg(w.grp, jsonb_build_object(
        'findings', w.findings,
        'people', case when w.all_people then to_jsonb(w.people) else to_jsonb('hidden'::text) end,
        'records', case when w.all_records then to_jsonb(w.records) else to_jsonb('hidden'::text) end))
      from (
        select g.grp, coalesce(sum(c.findings), 0) as findings, coalesce(sum(c.people), 0) as people,
          coalesce(sum(c.records), 0) as records,
          coalesce(bool_and(c.people = 0 or states #>> array['people', 'legal_process:' || c.key] = 'shown'), true) as all_people,
          coalesce(bool_and(c.records = 0 or states #>> array['records', 'legal_process:' || c.key] = 'shown'), true) as all_records
        from (values ('court_authorised'), ('not_court_authorised')) as g (grp)
        left join private.stats_cells(p_agency, q_from, q_to, p_category, p_legal_process) as c
          on c.dimension = 'legal_process'
          and (c.key in ('judicial_warrant', 'court_order')) = (g.grp = 'court_authorised')
        group by g.grp
      ) as w
    ),
    'by_agency', coalesce((
      select jsonb_agg(jsonb_build_object(
          'agency_id', a.id, 'name', a.name, 'abbreviation', a.abbreviation,
          'findings', coalesce(c.findings, 0),
          'people', private.stats_count(c.people, coalesce(states #>> array['people', 'agency:' || a.id], 'shown'), k),
          'records', private.stats_count(c.records, coalesce(states #>> array['records', 'agency:' || a.id], 'shown'), k),
          'legal_process', coalesce((
            select jsonb_object_agg(f.legal_process, f.n) from (
              select f.legal_process, count(*) as n
              from private.stats_findings(a.id, q_from, q_to, p_category, p_legal_process) as f
              group by f.legal_process) as f), '{}'),
          'cora', coalesce(rec.record, jsonb_build_object('requests', 0, 'comparable', false))
        ) order by coalesce(c.findings, 0) desc, a.name)
      from public.agencies as a
      left join private.stats_cells(p_agency, q_from, q_to, p_category, p_legal_process) as c
        on c.dimension = 'agency' and c.key = a.id::text
      left join private.stats_agency_record(p_agency, q_from, q_to, min_requests) as rec on rec.agency_id = a.id
      where c.key is not null or rec.agency_id is not null
    ), '[]'),
    'by_category', private.stats_breakdown('category', states, k, p_agency, q_from, q_to, p_category, p_legal_process),
    'by_legal_process', private.stats_breakdown('legal_process', states, k, p_agency, q_from, q_to, p_category, p_legal_process),
    'by_recipient', private.stats_breakdown('recipient', states, k, p_agency, q_from, q_to, p_category, p_legal_process),
    'by_quarter', private.stats_breakdown('quarter', states, k, p_agency, q_from, q_to, p_category, p_legal_process)
  );
end;
$$;
comment on function public.public_disclosure_stats(uuid, date, date, public.data_category, public.legal_process) is
  'The public statistics of published findings (the /stats page, its downloads and widget), filtered by agency, '
  'period (whole quarters), data category and legal process, with small people/records counts suppressed. Open to '
  'everyone; returns aggregates only.';

-- -----------------------------------------------------------------------------
-- The unsuppressed counts of the first release give way to it
-- -----------------------------------------------------------------------------

drop function public.published_disclosure_counts();
drop function public.published_disclosure_counts_by_agency();
drop function public.published_disclosure_counts_by_category();
drop function public.published_disclosure_counts_by_legal_process();
drop function public.published_disclosure_counts_by_recipient();

-- -----------------------------------------------------------------------------
-- Privileges
-- -----------------------------------------------------------------------------

revoke all on function public.public_disclosure_stats(uuid, date, date, public.data_category, public.legal_process) from public;
grant execute on function public.public_disclosure_stats(uuid, date, date, public.data_category, public.legal_process)
  to anon, authenticated, service_role;
revoke execute on all functions in schema private from public;
