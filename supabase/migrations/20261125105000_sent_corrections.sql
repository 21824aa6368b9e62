-- =============================================================================
-- Corrections of a request's sending
--
-- The 'sent' event says when and how a request went out. The request row keeps
-- the same facts (sent_at, received_at, delivery_channel,
-- agency_tracking_number) for the request list, calendar feeds and exports.
-- A correction of the 'sent' event (a new event, as every correction is) now
-- carries its facts over to the row, so the row never keeps a send time the
-- timeline no longer says.
--
-- Due dates stay the CORA engine's (src/lib/cora: working days, legal
-- holidays, the agency's receipt cut-off), never recomputed in SQL: the app
-- writes them with the correction (src/lib/tracking/event-rows.ts). A due date
-- the row still holds from the old send time is cleared here rather than kept
-- wrong; when the app's row update arrived first (an offline outbox sends it in
-- its queued place), the send time already matches and nothing is cleared.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Triggers
-- -----------------------------------------------------------------------------

create or replace function private.check_sent_correction()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  target public.request_events;
  facts jsonb := new.payload -> 'payload';
  sent_at timestamptz;
  first_later timestamptz;
begin
  if new.type <> 'correction' or coalesce(new.payload -> 'retracted', 'false'::jsonb) = 'true'::jsonb then
    return new;
  end if;
  -- corrects_event_id is filled in by request_events_check_payload, which runs first (triggers go by name).
  select * into target
  from public.request_events as e
  where e.id = new.corrects_event_id and e.request_id = new.request_id;
  if not found or target.type <> 'sent' then
    return new;
  end if;

  if facts is not null and facts ? 'tracking_number' and jsonb_typeof(facts -> 'tracking_number') <> 'null'
     and (jsonb_typeof(facts -> 'tracking_number') <> 'string'
          or char_length(facts ->> 'tracking_number') not between 1 and 200) then
    raise exception 'A sent event''s payload: "tracking_number" must be text of 1 to 200 characters'
      using errcode = '23514';
  end if;

  -- The payload's format was checked by request_events_check_payload (ISO 8601 with a zone).
  sent_at := (new.payload ->> 'occurred_at')::timestamptz;
  if sent_at is not null then
    -- As the caller (security invoker): the events an editor of the request sees, corrections applied.
    select min(t.occurred_at) into first_later
    from public.request_timeline as t
    where t.request_id = new.request_id and t.id <> target.id and t.type <> 'sent' and not t.retracted;
    if first_later is not null and sent_at > first_later then
      raise exception 'A request cannot have been sent after its later events (the first on %)',
        to_char(first_later at time zone 'America/Denver', 'YYYY-MM-DD HH24:MI') || ' Colorado time'
        using errcode = '23514';
    end if;
  end if;
  return new;
end;
$$;
comment on function private.check_sent_correction() is
  'BEFORE INSERT trigger on request_events: a correction of a sent event gives a tracking number as text of 1 to '
  '200 characters (as records_requests keeps it) and cannot move the send after the request''s later standing '
  'events. Security invoker: the insert policy decides who may correct; retractions are left as they are.';

create trigger request_events_check_sent_correction
  before insert on public.request_events
  for each row
  when (new.type = 'correction')
  execute function private.check_sent_correction();
comment on trigger request_events_check_sent_correction on public.request_events is
  'A corrected send fits the request row and precedes the request''s later events.';

create or replace function private.follow_sent_correction()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  target public.request_events;
  sent_id uuid;
  shown record;
begin
  select * into target
  from public.request_events as e
  where e.id = new.corrects_event_id and e.request_id = new.request_id;
  -- A correction of a correction can only retract it: then the event it corrected is the one that changed.
  sent_id := case when target.type = 'correction' then target.corrects_event_id else target.id end;

  select t.occurred_at, t.payload, t.retracted into shown
  from public.request_timeline as t
  where t.id = sent_id and t.request_id = new.request_id and t.type = 'sent';
  -- Not a send, or a send withdrawn from the record: the row keeps its last known send (a sent request needs one).
  if not found or shown.retracted then
    return null;
  end if;

  -- SET expressions read the row as it was, so r.sent_at is the send time before this correction.
  update public.records_requests as r
  set
    sent_at = shown.occurred_at,
    -- The app records receipt as the moment sent; a receipt recorded apart stays unless it would precede the send.
    received_at = case
      when r.received_at is null or r.received_at = r.sent_at or r.received_at < shown.occurred_at then shown.occurred_at
      else r.received_at
    end,
    delivery_channel = coalesce((shown.payload ->> 'channel')::public.delivery_channel, r.delivery_channel),
    -- A correction restates the tracking number (null: there is none); an original send leaves the row's as it is.
    agency_tracking_number = case
      when shown.payload ? 'tracking_number' then nullif(btrim(shown.payload ->> 'tracking_number'), '')
      else r.agency_tracking_number
    end,
    -- Computed from the old send time: cleared, for the app to write the engine's. A CCJRA follow-up date is the
    -- user's own, kept unless it would now precede the send.
    due_on = case
      when r.sent_at is not distinct from shown.occurred_at then r.due_on
      when r.regime = 'CCJRA' and r.due_on >= (shown.occurred_at at time zone 'America/Denver')::date then r.due_on
      else null
    end,
    extended_due_on = case when r.sent_at is not distinct from shown.occurred_at then r.extended_due_on else null end
  where r.id = new.request_id;
  return null;
end;
$$;
comment on function private.follow_sent_correction() is
  'AFTER INSERT trigger on request_events: when a correction (or the retraction of one) changes a standing sent '
  'event, the request row takes its send time (and receipt, when that was the send time), channel and tracking '
  'number from request_timeline. Due dates computed from the old send time are cleared for the app to write the '
  'CORA engine''s; a CCJRA follow-up date stays unless it now precedes the send. Security invoker: whoever may add '
  'the event (an org editor) may edit the request row.';

create trigger request_events_follow_sent_correction
  after insert on public.request_events
  for each row
  when (new.type = 'correction')
  execute function private.follow_sent_correction();
comment on trigger request_events_follow_sent_correction on public.request_events is
  'The request row follows a corrected send.';

revoke execute on all functions in schema private from public;
