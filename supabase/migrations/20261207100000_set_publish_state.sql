-- =============================================================================
-- Publishing requests: one call that publishes, embargoes or makes private
--
-- The request page and the request list (bulk) change publish_state through
-- public.set_publish_state, which the offline outbox also replays. It is
-- all-or-nothing: when any request named is not one the caller may change
-- (not found, not visible, or the caller is not an owner or editor of its
-- organisation) it refuses loudly, naming how many, and changes nothing —
-- a bulk publish that silently skipped some rows would leave a coordinator
-- believing they were public. Security invoker, so the update policy
-- ("Requests can be edited by org editors") decides who may change what; the
-- embargo-date trigger (20261206110000_publish_embargo_date.sql) and the audit
-- trigger run on each row as for any update.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- API functions
-- -----------------------------------------------------------------------------

create or replace function public.set_publish_state(
  p_request_ids uuid[],
  p_state public.publish_state,
  p_embargoed_until date default null
)
returns integer
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  wanted uuid[];
  updatable integer;
  changed integer;
begin
  if p_state is null then
    raise exception 'Choose a publish state: private, published or embargoed' using errcode = '22023';
  end if;
  if p_state = 'embargoed' and p_embargoed_until is null then
    raise exception 'An embargo needs the date it ends' using errcode = '22023';
  end if;
  if p_state <> 'embargoed' and p_embargoed_until is not null then
    raise exception 'Only an embargo takes an end date' using errcode = '22023';
  end if;
  if array_position(p_request_ids, null) is not null then
    raise exception 'Request ids must not be null' using errcode = '22023';
  end if;

  select coalesce(array_agg(distinct id), '{}') into wanted from unnest(p_request_ids) as id;
  if cardinality(wanted) = 0 then
    return 0;
  end if;

  -- Locking rows applies the update policy as well as the select policy, so
  -- this counts (and holds) exactly the rows the caller may change.
  select count(*) into updatable
  from (
    select r.id
    from public.records_requests as r
    where r.id = any(wanted)
    order by r.id
    for no key update
  ) as lockable;

  if updatable < cardinality(wanted) then
    raise exception 'Nothing was changed: you may not change the publishing of % of the % requests given (not found, or you are not an owner or editor of their organisation)',
      cardinality(wanted) - updatable, cardinality(wanted)
      using errcode = '42501',
            detail = json_build_object('refused', cardinality(wanted) - updatable, 'requested', cardinality(wanted))::text;
  end if;

  -- Rows already in the wanted state are left alone (no new updated_at, no audit row).
  update public.records_requests as r
  set publish_state = p_state,
      embargoed_until = p_embargoed_until
  where r.id = any(wanted)
    and (r.publish_state, r.embargoed_until) is distinct from (p_state, p_embargoed_until);
  get diagnostics changed = row_count;
  return changed;
end;
$$;
comment on function public.set_publish_state(uuid[], public.publish_state, date) is
  'Sets the publish state (and, for embargoed, the Colorado date it ends) of the given requests, all or nothing: '
  'refuses with 42501, changing nothing, when any is not the caller''s to change (owners and editors of its '
  'organisation). Returns how many requests changed. Security invoker: RLS and the row triggers apply.';

-- -----------------------------------------------------------------------------
-- Privileges
-- -----------------------------------------------------------------------------

-- Signed-in members only. Not service_role either: it bypasses row-level security, so through this
-- function it could publish any organisation's requests, and nothing on the server needs that.
revoke all on function public.set_publish_state(uuid[], public.publish_state, date) from public, anon, service_role;
grant execute on function public.set_publish_state(uuid[], public.publish_state, date) to authenticated;
