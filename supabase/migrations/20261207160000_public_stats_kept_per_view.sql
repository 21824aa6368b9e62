-- The public statistics stay fast at coalition scale: each view's document is kept in the database
-- (private.stats_documents) and served from there until published data changes or the Colorado date turns
-- (embargoes end and requests fall overdue by date). A change to anything a public count reads — a published or
-- embargoed request, its findings or events, an agency's name, the suppression settings — moves
-- private.stats_generation on, and the next call computes the view afresh. Measured by
-- tests/bench/public-stats.bench.spec.ts (hits and misses at 100 000 requests).
--
-- Also: private.is_published loses its `set search_path` so PostgreSQL can inline it (it names only pg_catalog
-- functions and a type it qualifies; it is not security definer), and the agencies' CORA record computes each
-- request's first response once (a materialized CTE) instead of once per aggregate that reads it.

create or replace function private.is_published(state public.publish_state, embargoed_until date)
returns boolean
language sql
stable
as $$
  select state = 'published'::public.publish_state
    or (state = 'embargoed'::public.publish_state and embargoed_until <= (pg_catalog.now() at time zone 'America/Denver')::date);
$$;
comment on function private.is_published(public.publish_state, date) is
  'Whether a request''s findings count publicly now: published, or embargoed and the embargo date has come in Colorado. '
  'No search_path setting, so it inlines into the aggregate queries (every name in it is qualified).';

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
  -- Colorado date it was sent; working days are those after the day it was sent up to the day of the response,
  -- Saturdays, Sundays and legal holidays excluded (C.R.S. 24-72-203(3)(b); 2-4-108), on the state-offices calendar
  -- (private.state_office_closures).
  with today as (select (now() at time zone 'America/Denver')::date as d),
  r as materialized (
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
      percentile_cont(0.5) within group (order by private.working_days_between(r.sent_on, r.first_response_on))
        filter (where r.first_response_on is not null) as median_working_days,
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
    'median_working_days_to_first_response', c.median_working_days,
    'outcomes', jsonb_build_object('released', c.released, 'partial', c.partial, 'no_records', c.no_records,
      'denied', c.denied, 'pending', c.pending, 'overdue', c.overdue, 'closed', c.closed)
  )
  from counted as c;
$$;
comment on function private.stats_agency_record(uuid, date, date, integer) is
  'Each agency''s CORA record over published requests: answered, on time (with a Wilson interval once there are '
  'enough requests to compare), median calendar and working days to the first response, outcomes.';

-- -----------------------------------------------------------------------------
-- What has changed: one counter, moved on by statement-level triggers only when a change touches public data
-- -----------------------------------------------------------------------------

create table private.stats_generation (
  singleton boolean primary key default true constraint stats_generation_singleton check (singleton),
  generation bigint not null default 0,
  changed_at timestamptz not null default now()
);
insert into private.stats_generation default values;
revoke all on table private.stats_generation from public;
comment on table private.stats_generation is 'Moves on whenever data a public count reads changes; cached documents of older generations are stale.';

create table private.stats_documents (
  view_key text primary key,
  generation bigint not null,
  colorado_day date not null,
  document jsonb not null,
  computed_at timestamptz not null default now()
);
revoke all on table private.stats_documents from public;
comment on table private.stats_documents is
  'The public statistics document of each view, as of a generation and a Colorado date. Aggregates only (the same '
  'suppressed document public.public_disclosure_stats returns).';

create or replace function private.note_stats_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  touches boolean := false;
begin
  -- Only rows of published or embargoed requests (before or after the change) can change a public count. The
  -- transition tables are `changed` (new rows; old rows for a delete) and `previous` (old rows of an update).
  if tg_table_name = 'records_requests' then
    touches := exists (select 1 from changed where publish_state <> 'private');
    if not touches and tg_op = 'UPDATE' then
      touches := exists (select 1 from previous where publish_state <> 'private');
    end if;
  elsif tg_table_name in ('disclosure_findings', 'request_events') then
    touches := exists (select 1 from changed as c join public.records_requests as r on r.id = c.request_id
                       where r.publish_state <> 'private');
    if not touches and tg_op = 'UPDATE' then
      touches := exists (select 1 from previous as p join public.records_requests as r on r.id = p.request_id
                         where r.publish_state <> 'private');
    end if;
    -- A delete cascading from its request: the request's own trigger sees it.
  else
    touches := true;
  end if;
  if touches then
    update private.stats_generation set generation = generation + 1, changed_at = now();
  end if;
  return null;
end;
$$;
revoke execute on function private.note_stats_change() from public;
comment on function private.note_stats_change() is
  'Statement trigger: moves private.stats_generation on when the statement changed data a public count reads.';

create trigger stats_change_insert after insert on public.records_requests
  referencing new table as changed for each statement execute function private.note_stats_change();
create trigger stats_change_update after update on public.records_requests
  referencing old table as previous new table as changed for each statement execute function private.note_stats_change();
create trigger stats_change_delete after delete on public.records_requests
  referencing old table as changed for each statement execute function private.note_stats_change();

create trigger stats_change_insert after insert on public.disclosure_findings
  referencing new table as changed for each statement execute function private.note_stats_change();
create trigger stats_change_update after update on public.disclosure_findings
  referencing old table as previous new table as changed for each statement execute function private.note_stats_change();
create trigger stats_change_delete after delete on public.disclosure_findings
  referencing old table as changed for each statement execute function private.note_stats_change();

create trigger stats_change_insert after insert on public.request_events
  referencing new table as changed for each statement execute function private.note_stats_change();
create trigger stats_change_update after update on public.request_events
  referencing old table as previous new table as changed for each statement execute function private.note_stats_change();
create trigger stats_change_delete after delete on public.request_events
  referencing old table as changed for each statement execute function private.note_stats_change();

-- Agency names and abbreviations appear in the document; the settings decide suppression.
create trigger stats_change after update or delete on public.agencies
  for each statement execute function private.note_stats_change();
create trigger stats_change after insert or update or delete on private.public_stats_settings
  for each statement execute function private.note_stats_change();

do $$
declare
  t text;
begin
  foreach t in array array['records_requests', 'disclosure_findings', 'request_events'] loop
    execute format('comment on trigger stats_change_insert on public.%I is %L', t, 'Public statistics: kept documents are stale once published data changes.');
    execute format('comment on trigger stats_change_update on public.%I is %L', t, 'Public statistics: kept documents are stale once published data changes.');
    execute format('comment on trigger stats_change_delete on public.%I is %L', t, 'Public statistics: kept documents are stale once published data changes.');
  end loop;
end;
$$;
comment on trigger stats_change on public.agencies is 'Public statistics: agency names appear in the kept documents.';
comment on trigger stats_change on private.public_stats_settings is 'Public statistics: the thresholds decide every kept document.';

-- -----------------------------------------------------------------------------
-- The document of one view, computed (the former body of public.public_disclosure_stats)
-- -----------------------------------------------------------------------------

create or replace function private.compute_disclosure_stats(
  p_agency uuid,
  p_from date,
  p_to date,
  p_category public.data_category,
  p_legal_process public.legal_process
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
  cells jsonb;
  states jsonb;
  scan jsonb;
  headline jsonb;
begin
  select s.suppression_threshold, s.min_requests_to_compare into k, min_requests from private.public_stats_settings as s;
  -- Periods are whole quarters, the finest grain published (a narrower range would difference quarter cells).
  cells := private.stats_cells_once(p_agency, q_from, q_to, p_category, p_legal_process);
  states := private.stats_states(p_agency, q_from, q_to, p_category, p_legal_process, k);

  -- The distinct counts, the period and each agency's findings by legal process: one more pass over the findings.
  select jsonb_build_object(
    'agencies', count(distinct f.agency_id),
    'requests_with_findings', count(distinct f.request_id),
    'period_start', min(f.period_start),
    'period_end', max(f.period_end),
    'legal_process', coalesce((
      select jsonb_object_agg(a.agency_id, a.processes) from (
        select p.agency_id, jsonb_object_agg(p.legal_process, p.n) as processes
        from (select g.agency_id, g.legal_process, count(*) as n
              from private.stats_findings(p_agency, q_from, q_to, p_category, p_legal_process) as g
              group by g.agency_id, g.legal_process) as p
        group by p.agency_id) as a), '{}'))
  into scan
  from private.stats_findings(p_agency, q_from, q_to, p_category, p_legal_process) as f;

  select jsonb_build_object(
    'findings', c.findings,
    'people', private.stats_count(c.people, states #>> '{people,total}', k),
    'records', private.stats_count(c.records, states #>> '{records,total}', k),
    'findings_with_unknown_people', c.unknown_people,
    'findings_with_unknown_records', c.unknown_records,
    'agencies', scan -> 'agencies',
    'requests_with_findings', scan -> 'requests_with_findings',
    'published_requests', (select count(*) from public.records_requests as r
      where private.is_published(r.publish_state, r.embargoed_until) and (p_agency is null or r.agency_id = p_agency)),
    'period_start', scan -> 'period_start',
    'period_end', scan -> 'period_end',
    'latest_response_on', (select max((e.occurred_at at time zone 'America/Denver')::date)
      from public.request_events as e join public.records_requests as r on r.id = e.request_id
      where private.is_published(r.publish_state, r.embargoed_until) and (p_agency is null or r.agency_id = p_agency)
        and e.type in ('records_released', 'no_responsive_records', 'denied'))
  ) into headline
  from private.stats_cell_rows(cells) as c
  where c.dimension = 'total';

  return jsonb_build_object(
    'suppression_threshold', k,
    'min_requests_to_compare', min_requests,
    'filters', jsonb_build_object('agency', p_agency, 'from', q_from, 'to', q_to, 'category', p_category,
      'legal_process', p_legal_process),
    'headline', headline,
    'warrant', (
      -- SB21-131 allows sharing on a judicial warrant or a court order: what the records show cited one or not.
      -- A group's people/records are shown only when every non-zero cell in it is shown.
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
        left join private.stats_cell_rows(cells) as c
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
          'legal_process', coalesce(scan #> array['legal_process', a.id::text], '{}'),
          'cora', coalesce(rec.record, jsonb_build_object('requests', 0, 'comparable', false))
        ) order by coalesce(c.findings, 0) desc, a.name)
      from public.agencies as a
      left join private.stats_cell_rows(cells) as c on c.dimension = 'agency' and c.key = a.id::text
      left join private.stats_agency_record(p_agency, q_from, q_to, min_requests) as rec on rec.agency_id = a.id
      where c.key is not null or rec.agency_id is not null
    ), '[]'),
    'by_category', private.stats_breakdown('category', cells, states, k),
    'by_legal_process', private.stats_breakdown('legal_process', cells, states, k),
    'by_recipient', private.stats_breakdown('recipient', cells, states, k),
    'by_quarter', private.stats_breakdown('quarter', cells, states, k)
  );
end;
$$;

revoke execute on function private.compute_disclosure_stats(uuid, date, date, public.data_category, public.legal_process) from public;
comment on function private.compute_disclosure_stats(uuid, date, date, public.data_category, public.legal_process) is
  'The public statistics document of one view, computed from the data (suppression applied).';

-- -----------------------------------------------------------------------------
-- API function: the kept document while it is current, else computed and kept
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
volatile
security definer
set search_path = ''
as $$
declare
  -- The same snapping as the computation: periods are whole quarters.
  q_from date := date_trunc('quarter', p_from)::date;
  q_to date := (date_trunc('quarter', p_to) + interval '3 months - 1 day')::date;
  v_key text := concat_ws('|', coalesce(p_agency::text, ''), coalesce(q_from::text, ''), coalesce(q_to::text, ''),
    coalesce(p_category::text, ''), coalesce(p_legal_process::text, ''));
  today date := (now() at time zone 'America/Denver')::date;
  current_generation bigint;
  doc jsonb;
begin
  perform private.require_api_role();
  select g.generation into current_generation from private.stats_generation as g;
  select d.document into doc from private.stats_documents as d
  where d.view_key = v_key and d.generation = current_generation and d.colorado_day = today;
  if found then
    return doc;
  end if;

  doc := private.compute_disclosure_stats(p_agency, p_from, p_to, p_category, p_legal_process);
  begin
    -- Stale documents go; at most 5 000 views are kept (the filters' combinations are many, visitors' few).
    delete from private.stats_documents as d where d.generation <> current_generation or d.colorado_day <> today;
    if (select count(*) from private.stats_documents) < 5000 then
      insert into private.stats_documents (view_key, generation, colorado_day, document)
      values (v_key, current_generation, today, doc)
      on conflict on constraint stats_documents_pkey do update
        set generation = excluded.generation, colorado_day = excluded.colorado_day, document = excluded.document,
            computed_at = now();
    end if;
  exception when read_only_sql_transaction then
    null; -- called through GET (a read-only transaction): answer without keeping it
  end;
  return doc;
end;
$$;
comment on function public.public_disclosure_stats(uuid, date, date, public.data_category, public.legal_process) is
  'Public statistics of published findings for one view (agency, period as whole quarters, category, legal process): '
  'counts by agency, category, legal process, recipient and quarter, the warrant split and agencies'' CORA record, '
  'small counts suppressed. Kept per view until published data changes or the Colorado date turns.';
