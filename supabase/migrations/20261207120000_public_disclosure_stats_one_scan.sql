-- =============================================================================
-- Public disclosure statistics: each view's cells are counted once
--
-- 20261207110000 counted a view's cells again for every measure, breakdown
-- and headline figure (about a dozen scans of the published findings per
-- view, more with filters). Here a view's cells are read once into a jsonb
-- value and every part of the document is taken from it; the findings of the
-- view are scanned once more for the distinct counts and the per-agency legal
-- process. Same document, same suppression (pgTAP 12 and the property test).
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Helpers
-- -----------------------------------------------------------------------------

create or replace function private.stats_cell_rows(p_cells jsonb)
returns table (dimension text, key text, grp integer, findings bigint, people bigint, records bigint,
  unknown_people bigint, unknown_records bigint)
language sql
immutable
set search_path = ''
as $$
  select c.dimension, c.key, c.grp, c.findings, c.people, c.records, c.unknown_people, c.unknown_records
  from jsonb_to_recordset(p_cells) as c (dimension text, key text, grp integer, findings bigint, people bigint,
    records bigint, unknown_people bigint, unknown_records bigint);
$$;
comment on function private.stats_cell_rows(jsonb) is 'The cells of a view, read back from the jsonb they were counted into once.';

create or replace function private.stats_cells_once(
  p_agency uuid, p_from date, p_to date, p_category public.data_category, p_legal_process public.legal_process
)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(jsonb_agg(to_jsonb(c)), '[]')
  from private.stats_cells(p_agency, p_from, p_to, p_category, p_legal_process) as c;
$$;
comment on function private.stats_cells_once(uuid, date, date, public.data_category, public.legal_process) is
  'All cells of a view in one scan, as jsonb (see private.stats_cell_rows).';

create or replace function private.stats_force(p_force jsonb, p_parent jsonb, p_keys text[])
returns jsonb
language sql
immutable
set search_path = ''
as $$
  -- Per measure: already forced, or the wider view did not show one of the cells this view's total is made of.
  select jsonb_object_agg(m.measure, (p_force ->> m.measure)::boolean or exists (
      select 1 from unnest(p_keys) as k (key) where coalesce(p_parent #>> array[m.measure, k.key], 'shown') <> 'shown'))
  from (values ('people'), ('records')) as m (measure);
$$;
comment on function private.stats_force(jsonb, jsonb, text[]) is
  'Whether a narrowed view must hide its people/records total: the wider view hid a cell the total equals.';

create or replace function private.stats_states(
  p_agency uuid, p_from date, p_to date, p_category public.data_category, p_legal_process public.legal_process,
  p_k integer
)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
-- As in 20261207110000: a filtered view hides its total when the view one filter wider did not show the cell
-- (or, for a period, a quarter cell) it equals.
declare
  cells jsonb := private.stats_cells_once(p_agency, p_from, p_to, p_category, p_legal_process);
  parent jsonb;
  measure text;
  force jsonb := '{"people": false, "records": false}';
  result jsonb := '{}';
  keys text[];
  vals bigint[];
  grps integer[];
  states text[];
begin
  -- Each wider view is computed once; its states serve both measures.
  if p_agency is not null then
    parent := private.stats_states(null, p_from, p_to, p_category, p_legal_process, p_k);
    force := private.stats_force(force, parent, array['agency:' || p_agency]);
  end if;
  if p_legal_process is not null then
    parent := private.stats_states(p_agency, p_from, p_to, p_category, null, p_k);
    force := private.stats_force(force, parent, array['legal_process:' || p_legal_process]);
  end if;
  if p_category is not null then
    parent := private.stats_states(p_agency, p_from, p_to, null, p_legal_process, p_k);
    force := private.stats_force(force, parent, array['category:' || p_category]);
  end if;
  if p_from is not null or p_to is not null then
    parent := private.stats_states(p_agency, null, null, p_category, p_legal_process, p_k);
    force := private.stats_force(force, parent, array(
      select e.key from jsonb_object_keys(parent -> 'people') as e (key)
      where e.key like 'quarter:%' and e.key <> 'quarter:unknown'
        and (p_from is null or substr(e.key, 9) >= private.stats_quarter(p_from))
        and (p_to is null or substr(e.key, 9) <= private.stats_quarter(p_to))));
  end if;

  foreach measure in array array['people', 'records'] loop
    select array_agg(c.dimension || ':' || c.key order by c.grp, c.key),
      array_agg(case measure when 'people' then c.people else c.records end order by c.grp, c.key),
      array_agg(c.grp order by c.grp, c.key)
    into keys, vals, grps
    from private.stats_cell_rows(cells) as c
    where c.grp is not null;
    keys[1] := 'total';
    states := private.suppress_counts(vals, grps, p_k, (force ->> measure)::boolean);
    result := result || jsonb_build_object(measure,
      coalesce((select jsonb_object_agg(c.dimension || ':' || c.key,
          case when (case measure when 'people' then c.people else c.records end) between 1 and p_k - 1
            then 'fewer' else 'shown' end)
        from private.stats_cell_rows(cells) as c where c.grp is null), '{}')
      || (select jsonb_object_agg(k.key, states[k.n]) from unnest(keys) with ordinality as k (key, n)));
  end loop;
  return result;
end;
$$;
comment on function private.stats_states(uuid, date, date, public.data_category, public.legal_process, integer) is
  'Suppression state of every people/records cell of a view, inheriting from the views one filter wider.';

create or replace function private.stats_breakdown(p_dimension text, p_cells jsonb, p_states jsonb, p_k integer)
returns jsonb
language sql
immutable
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
  from private.stats_cell_rows(p_cells) as c
  where c.dimension = p_dimension;
$$;
comment on function private.stats_breakdown(text, jsonb, jsonb, integer) is
  'One breakdown of a view (category, legal_process, recipient or quarter) with its suppression applied.';

drop function private.stats_breakdown(text, jsonb, integer, uuid, date, date, public.data_category, public.legal_process);

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
  cells jsonb;
  states jsonb;
  scan jsonb;
  headline jsonb;
begin
  perform private.require_api_role();
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

-- -----------------------------------------------------------------------------
-- Privileges
-- -----------------------------------------------------------------------------

revoke execute on all functions in schema private from public;
