-- =============================================================================
-- Publishing: an embargo must end on a real future Colorado date
--
-- The update policy ("Requests can be edited by org editors") already lets
-- owners and editors, and nobody else, change publish_state and
-- embargoed_until (viewers, other organisations and anon change nothing;
-- supabase/tests/database/30-publish-state.sql). What was missing: an embargo
-- whose date has already passed in Colorado would publish at once while
-- claiming to hold the findings back. Such a change is refused here, with a
-- clear message, as the app refuses it (src/lib/publishing/embargo-date.ts).
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Triggers
-- -----------------------------------------------------------------------------

create or replace function private.check_embargo_date()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and old.publish_state = new.publish_state
     and old.embargoed_until is not distinct from new.embargoed_until then
    return new;
  end if;
  if new.publish_state = 'embargoed'
     and new.embargoed_until <= (now() at time zone 'America/Denver')::date then
    raise exception 'An embargo must end after today in Colorado (% was given); to publish now, choose Publish.',
      new.embargoed_until
      using errcode = '23514';
  end if;
  return new;
end;
$$;
comment on function private.check_embargo_date() is
  'BEFORE INSERT/UPDATE trigger on records_requests: a newly set embargo must end after today (America/Denver).';

create trigger records_requests_embargo_in_future
  before insert or update of publish_state, embargoed_until on public.records_requests
  for each row
  execute function private.check_embargo_date();
comment on trigger records_requests_embargo_in_future on public.records_requests is
  'An embargo set or changed must end on a future Colorado date (an embargo already reached may stay as it is).';

revoke execute on function private.check_embargo_date() from public;
