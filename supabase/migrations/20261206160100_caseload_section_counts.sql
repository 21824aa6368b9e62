-- =============================================================================
-- The request list's section counts in one round trip.
--
-- The list showed six counts (open and each section) as six `count=exact`
-- requests. This function counts them in one scan of the caller's requests,
-- security invoker, so row-level security still decides what is counted.
-- The section rules are those of src/lib/caseload/section-filters.ts (the
-- page's own filter); the status lists come from the app (the CORA engine
-- owns them) so they are written once. The governing deadline is
-- extended_due_on when set, else due_on; for CCJRA due_on is the group's
-- follow-up date. tests/integration/caseload checks every count against the
-- pure classification.
-- =============================================================================

create or replace function public.caseload_section_counts(
  p_organisation_ids uuid[],
  p_today date,
  p_horizon date,
  p_running text[],
  p_paused text[],
  p_escalated text[],
  p_closed text[],
  p_unsent text[],
  p_search text default null,
  p_agency_ids uuid[] default '{}'
)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  with visible as (
    select
      r.closed_at is null as unclosed,
      r.status::text = any(p_closed) as closed_status,
      r.status::text = any(p_running) as running,
      r.status::text as status,
      r.regime = 'CCJRA' as ccjra,
      r.due_on,
      coalesce(r.extended_due_on, r.due_on) as governing
    from public.records_requests as r
    where r.organisation_id = any(p_organisation_ids)
      and (
        coalesce(p_search, '') = ''
        or r.title ilike '%' || p_search || '%'
        or r.agency_tracking_number ilike '%' || p_search || '%'
        or r.topic_tags @> array[p_search]
        or r.agency_id = any(coalesce(p_agency_ids, '{}'))
      )
  )
  select jsonb_build_object(
    'open', count(*) filter (where unclosed and not closed_status),
    'closed', count(*) filter (where not unclosed or closed_status),
    'waiting_on_us', count(*) filter (where unclosed and (status = any(p_unsent) or status = any(p_paused))),
    'overdue', count(*) filter (where unclosed and running and not ccjra and governing < p_today),
    'due_soon', count(*) filter (
      where unclosed and running
        and ((ccjra and due_on <= p_horizon) or (not ccjra and governing >= p_today and governing <= p_horizon))
    ),
    'waiting_on_agency', count(*) filter (
      where unclosed and (
        status = any(p_escalated)
        or (running and ((ccjra and (due_on is null or due_on > p_horizon)) or (not ccjra and (governing is null or governing > p_horizon))))
      )
    )
  )
  from visible;
$$;

comment on function public.caseload_section_counts(uuid[], date, date, text[], text[], text[], text[], text[], text, uuid[]) is
  'Counts of the caller''s requests per caseload section (open, overdue, due_soon, waiting_on_us, waiting_on_agency, closed) '
  'for the given organisations, Colorado date, due-soon horizon and search, in one scan. Security invoker: RLS applies.';

revoke all on function public.caseload_section_counts(uuid[], date, date, text[], text[], text[], text[], text[], text, uuid[]) from public, anon;
grant execute on function public.caseload_section_counts(uuid[], date, date, text[], text[], text[], text[], text[], text, uuid[]) to authenticated, service_role;
