-- Corrections of a request's sending: owners and editors correct when and how
-- a request was sent with a correction event (never a rewrite), and the request
-- row follows it: send time, receipt, channel, tracking number, and due dates
-- computed from the old send time cleared for the app to write the CORA
-- engine's. Viewers, other organisations' members and anonymous visitors can
-- do neither. A corrected send must fit the row and precede later events.
begin;
\ir _setup.psql
select plan(32);
select testing.create_fixture();
insert into testing.ids (name, id) values
  ('by_owner', gen_random_uuid()), ('by_editor', gen_random_uuid()), ('by_editor_again', gen_random_uuid());

-- A CCJRA request of Alpha's, sent on 3 March 2025 with a follow-up date the user picked.
insert into public.records_requests (id, organisation_id, agency_id, title, regime, status, sent_at, received_at, due_on,
                                     delivery_channel, created_by)
values (testing.remember('ccjra_a', gen_random_uuid()), testing.id('org_a'), testing.id('agency_directory'),
        'Jail booking records', 'CCJRA', 'sent', '2025-03-03 10:00-07', '2025-03-03 10:00-07', '2025-04-01', 'mail',
        testing.id('owner'));
insert into public.request_events (id, request_id, organisation_id, type, occurred_at, payload, author_id)
values (testing.remember('ccjra_sent_a', gen_random_uuid()), testing.id('ccjra_a'), testing.id('org_a'), 'sent',
        '2025-03-03 10:00-07', '{"channel": "mail"}', testing.id('owner'));

-- A correction of a request's sent event, made `made` after the test began (the latest correction wins).
create function pg_temp.correct_sent(request text, event text, sent_at text, facts jsonb, made interval, id uuid default null)
returns text
language sql as $$
  select format($sql$ insert into public.request_events (id, request_id, type, corrects_event_id, occurred_at, payload)
    values (coalesce(%L::uuid, gen_random_uuid()), %L, 'correction', %L, now() + %L::interval, %L) $sql$,
    id, testing.id(request), testing.id(event), made,
    jsonb_build_object('reason', 'Recorded the wrong time', 'occurred_at', sent_at, 'payload', facts));
$$;
-- What request_a's row says about its sending.
create function pg_temp.sending_of(request text)
returns table (sent_at timestamptz, received_at timestamptz, channel text, tracking text, due_on date, extended_due_on date)
language sql as $$
  select r.sent_at, r.received_at, r.delivery_channel::text, r.agency_tracking_number, r.due_on, r.extended_due_on
  from public.records_requests as r where r.id = testing.id(request);
$$;
grant execute on function pg_temp.correct_sent(text, text, text, jsonb, interval, uuid), pg_temp.sending_of(text)
  to authenticated, anon;

-- -----------------------------------------------------------------------------
-- owner
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select lives_ok(pg_temp.correct_sent('request_a', 'event_a', '2025-03-04T15:30:00-07:00',
  '{"channel": "portal", "tracking_number": "R-2025-118"}', '1 minute', testing.id('by_owner')),
  'owner corrects when and how the request was sent');
select results_eq($$ select * from pg_temp.sending_of('request_a') $$,
  $$ values ('2025-03-04 15:30-07'::timestamptz, '2025-03-04 15:30-07'::timestamptz, 'portal', 'R-2025-118', null::date, null::date) $$,
  'the request row follows: send time, receipt, channel and tracking number; the due date from the old send time is cleared');
select results_eq($$ select occurred_at, payload, correction_id, correction_reason from public.request_timeline where id = testing.id('event_a') $$,
  $$ values ('2025-03-04 15:30-07'::timestamptz, '{"channel": "portal", "tracking_number": "R-2025-118"}'::jsonb,
             testing.id('by_owner'), 'Recorded the wrong time') $$,
  'the timeline shows the corrected send and why');
select results_eq($$ select occurred_at, payload from public.request_events where id = testing.id('event_a') $$,
  $$ values ('2025-03-03 10:00-07'::timestamptz, '{"channel": "email"}'::jsonb) $$,
  'while the sent event stays as it was recorded');
select lives_ok($$ update public.records_requests set due_on = '2025-03-10' where id = testing.id('request_a') $$,
  'and the owner''s app then writes the due date the CORA engine computes');

-- -----------------------------------------------------------------------------
-- editor
-- -----------------------------------------------------------------------------
select testing.authenticate_as('editor');
-- Offline, the app's row update can reach the server before the correction (it waited in the outbox already).
select lives_ok($$ update public.records_requests
  set sent_at = '2025-03-04 09:15-07', received_at = '2025-03-04 09:15-07', due_on = '2025-03-07'
  where id = testing.id('request_a') $$,
  'editor''s app writes the corrected send and the engine''s due date first');
select lives_ok(pg_temp.correct_sent('request_a', 'event_a', '2025-03-04T09:15:00-07:00',
  '{"channel": "portal", "tracking_number": "R-2025-118"}', '2 minutes', testing.id('by_editor')),
  'editor corrects the send');
select results_eq($$ select * from pg_temp.sending_of('request_a') $$,
  $$ values ('2025-03-04 09:15-07'::timestamptz, '2025-03-04 09:15-07'::timestamptz, 'portal', 'R-2025-118', '2025-03-07'::date, null::date) $$,
  'a due date written for the corrected send time is kept');
select lives_ok(pg_temp.correct_sent('request_a', 'event_a', '2025-03-04T09:15:00-07:00',
  '{"channel": "email", "tracking_number": null}', '3 minutes', testing.id('by_editor_again')),
  'editor corrects the channel only, and says there is no tracking number');
select results_eq($$ select * from pg_temp.sending_of('request_a') $$,
  $$ values ('2025-03-04 09:15-07'::timestamptz, '2025-03-04 09:15-07'::timestamptz, 'email', null::text, '2025-03-07'::date, null::date) $$,
  'the row takes the channel and drops the tracking number; the send time did not move, so the due date stays');

-- -----------------------------------------------------------------------------
-- viewer, outsider, anonymous
-- -----------------------------------------------------------------------------
select testing.authenticate_as('viewer');
select throws_ok(pg_temp.correct_sent('request_a', 'event_a', '2025-03-01T09:00:00-07:00', '{"channel": "mail"}', '4 minutes'),
  '42501', 'new row violates row-level security policy for table "request_events"', 'viewer cannot correct the send');
select results_eq($$ select sent_at, channel from pg_temp.sending_of('request_a') $$,
  $$ values ('2025-03-04 09:15-07'::timestamptz, 'email') $$, 'and the row the viewer sees is unchanged');
select is(testing.affected_rows($$ update public.records_requests set sent_at = '2025-03-01 09:00-07' where id = testing.id('request_a') returning 1 $$),
  0::bigint, 'nor can a viewer move the send time on the row (silently refused)');

select testing.authenticate_as('outsider');
select throws_ok(pg_temp.correct_sent('request_a', 'event_a', '2025-03-01T09:00:00-07:00', '{"channel": "mail"}', '4 minutes'),
  '42501', 'new row violates row-level security policy for table "request_events"',
  'another organisation''s member cannot correct the send');
select lives_ok(pg_temp.correct_sent('request_b', 'event_b', '2025-03-05T11:00:00-07:00', '{"channel": "fax"}', '4 minutes'),
  'who corrects their own organisation''s send');
select results_eq($$ select sent_at, channel, due_on from pg_temp.sending_of('request_b') $$,
  $$ values ('2025-03-05 11:00-07'::timestamptz, 'fax', null::date) $$, 'and their own request follows');
select testing.authenticate_as('owner');
select results_eq($$ select sent_at, channel from pg_temp.sending_of('request_a') $$,
  $$ values ('2025-03-04 09:15-07'::timestamptz, 'email') $$, 'while Alpha''s request is untouched');

select testing.authenticate_as_anon();
select throws_ok(pg_temp.correct_sent('request_a', 'event_a', '2025-03-01T09:00:00-07:00', '{"channel": "mail"}', '4 minutes'),
  '42501', 'permission denied for table request_events', 'anonymous visitors cannot correct a send');
select throws_ok($$ update public.records_requests set sent_at = now() $$,
  '42501', 'permission denied for table records_requests', 'nor move a send time on a request row');

-- -----------------------------------------------------------------------------
-- What a corrected send must be
-- -----------------------------------------------------------------------------
select testing.authenticate_as('editor');
select throws_ok(pg_temp.correct_sent('request_a', 'event_a', '2025-03-04T09:15:00-07:00',
  jsonb_build_object('channel', 'portal', 'tracking_number', repeat('8', 201)), '5 minutes'),
  '23514', 'A sent event''s payload: "tracking_number" must be text of 1 to 200 characters',
  'a tracking number fits the request row (at most 200 characters)');
select throws_ok(pg_temp.correct_sent('request_a', 'event_a', '2025-03-04T09:15:00-07:00',
  '{"channel": "portal", "tracking_number": 118}', '5 minutes'),
  '23514', 'A sent event''s payload: "tracking_number" must be text of 1 to 200 characters', 'and is text');
select throws_ok(pg_temp.correct_sent('request_a', 'event_a', '2025-03-04T09:15:00-07:00', '{"channel": "pigeon"}', '5 minutes'),
  '23514', 'A sent event''s payload: "channel" must be one of email, portal, mail, in_person, fax',
  'a channel is one the request row knows');
select lives_ok($$ insert into public.request_events (request_id, type, occurred_at) values (testing.id('request_a'), 'acknowledged', '2025-03-05 09:00-07') $$,
  'the agency acknowledged the request');
select throws_ok(pg_temp.correct_sent('request_a', 'event_a', '2025-03-06T10:00:00-07:00', '{"channel": "email"}', '5 minutes'),
  '23514', 'A request cannot have been sent after its later events (the first on 2025-03-05 09:00 Colorado time)',
  'a send cannot move after the request''s later events');

-- -----------------------------------------------------------------------------
-- Retractions
-- -----------------------------------------------------------------------------
select lives_ok(format($$ insert into public.request_events (request_id, type, corrects_event_id, occurred_at, payload)
  values (%L, 'correction', %L, now() + interval '6 minutes', '{"retracted": true, "reason": "That change was wrong"}') $$,
  testing.id('request_a'), testing.id('by_editor_again')), 'editor retracts the latest correction of the send');
select results_eq($$ select sent_at, channel, tracking, due_on from pg_temp.sending_of('request_a') $$,
  $$ values ('2025-03-04 09:15-07'::timestamptz, 'portal', 'R-2025-118', '2025-03-07'::date) $$,
  'the row goes back to the send as the standing correction says');
select lives_ok(format($$ insert into public.request_events (request_id, type, corrects_event_id, occurred_at, payload)
  values (%L, 'correction', %L, now() + interval '7 minutes', '{"retracted": true, "reason": "Wrong request"}') $$,
  testing.id('request_a'), testing.id('event_a')), 'a send can still be withdrawn from the record');
select results_eq($$ select sent_at, channel from pg_temp.sending_of('request_a') $$,
  $$ values ('2025-03-04 09:15-07'::timestamptz, 'portal') $$, 'and the row keeps its last known send (a sent request needs one)');

-- -----------------------------------------------------------------------------
-- CCJRA: the follow-up date is the user's own
-- -----------------------------------------------------------------------------
select lives_ok(pg_temp.correct_sent('ccjra_a', 'ccjra_sent_a', '2025-03-10T10:00:00-06:00', '{"channel": "mail"}', '8 minutes'),
  'editor corrects a CCJRA request''s send');
select results_eq($$ select sent_at, due_on from pg_temp.sending_of('ccjra_a') $$,
  $$ values ('2025-03-10 10:00-06'::timestamptz, '2025-04-01'::date) $$, 'its follow-up date stays');
select lives_ok(pg_temp.correct_sent('ccjra_a', 'ccjra_sent_a', '2025-04-02T10:00:00-06:00', '{"channel": "mail"}', '9 minutes'),
  'editor moves the send past the follow-up date');
select results_eq($$ select sent_at, due_on from pg_temp.sending_of('ccjra_a') $$,
  $$ values ('2025-04-02 10:00-06'::timestamptz, null::date) $$, 'a follow-up date before the send is cleared');

select * from finish();
rollback;
