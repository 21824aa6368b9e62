-- Request events: an append-only timeline. Members read, editors append,
-- nobody rewrites; a correction is a new event; replays never duplicate.
begin;
\ir _setup.psql
select plan(38);
select testing.create_fixture();
insert into testing.ids (name, id) values ('replayed_event', gen_random_uuid()), ('correction', gen_random_uuid()), ('retraction', gen_random_uuid());

-- -----------------------------------------------------------------------------
-- select
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select results_eq($$ select id from public.request_events $$, $$ values (testing.id('event_a')) $$, 'owner sees their organisation''s timeline only');
select testing.authenticate_as('editor');
select results_eq($$ select id from public.request_events $$, $$ values (testing.id('event_a')) $$, 'editor sees their organisation''s timeline only');
select testing.authenticate_as('viewer');
select results_eq($$ select id from public.request_events $$, $$ values (testing.id('event_a')) $$, 'viewer sees their organisation''s timeline only');
select testing.authenticate_as('outsider');
select results_eq($$ select id from public.request_events $$, $$ values (testing.id('event_b')) $$,
  'another organisation''s member sees only their own timeline');
select testing.authenticate_as_anon();
select throws_ok($$ select * from public.request_events $$, '42501', 'permission denied for table request_events',
  'anonymous visitors cannot read timelines');

-- -----------------------------------------------------------------------------
-- insert
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select is(testing.affected_rows($$ insert into public.request_events (request_id, type, payload)
  values (testing.id('request_a'), 'acknowledged', '{"tracking_number": "C-2025-114"}') returning 1 $$), 1::bigint, 'owner can add an event');
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ insert into public.request_events (request_id, type, payload)
  values (testing.id('request_a'), 'acknowledged', '{}') returning 1 $$), 1::bigint, 'editor can add an event');
select throws_ok($$ insert into public.request_events (request_id, type, author_id)
  values (testing.id('request_a'), 'grounds_requested', testing.id('owner')) $$,
  '42501', 'new row violates row-level security policy for table "request_events"', 'editor cannot write as someone else');
select testing.authenticate_as('viewer');
select throws_ok($$ insert into public.request_events (request_id, type) values (testing.id('request_a'), 'grounds_requested') $$,
  '42501', 'new row violates row-level security policy for table "request_events"', 'viewer cannot add events');
select testing.authenticate_as('outsider');
select throws_ok($$ insert into public.request_events (request_id, type) values (testing.id('request_a'), 'grounds_requested') $$,
  '42501', 'new row violates row-level security policy for table "request_events"', 'another organisation''s member cannot add events to it');
select throws_ok($$ insert into public.request_events (request_id, organisation_id, type)
  values (testing.id('request_a'), testing.id('org_b'), 'grounds_requested') $$,
  '42501', 'new row violates row-level security policy for table "request_events"',
  'nor by claiming the request belongs to their own organisation (refused before any check on the row)');
select testing.authenticate_as_anon();
select throws_ok($$ insert into public.request_events (request_id, type) values (testing.id('request_a'), 'note') $$,
  '42501', 'permission denied for table request_events', 'anonymous visitors cannot add events');

-- -----------------------------------------------------------------------------
-- update and delete: never
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select throws_ok($$ update public.request_events set occurred_at = now() $$, '42501', 'permission denied for table request_events', 'owner cannot rewrite an event');
select testing.authenticate_as('editor');
select throws_ok($$ update public.request_events set occurred_at = now() $$, '42501', 'permission denied for table request_events', 'editor cannot rewrite an event');
select testing.authenticate_as('viewer');
select throws_ok($$ update public.request_events set occurred_at = now() $$, '42501', 'permission denied for table request_events', 'viewer cannot rewrite an event');
select testing.authenticate_as('outsider');
select throws_ok($$ update public.request_events set occurred_at = now() $$, '42501', 'permission denied for table request_events',
  'another organisation''s member cannot rewrite an event');
select testing.authenticate_as_anon();
select throws_ok($$ update public.request_events set occurred_at = now() $$, '42501', 'permission denied for table request_events',
  'anonymous visitors cannot rewrite events');

select testing.authenticate_as('owner');
select throws_ok($$ delete from public.request_events $$, '42501', 'permission denied for table request_events', 'owner cannot delete an event');
select testing.authenticate_as('editor');
select throws_ok($$ delete from public.request_events $$, '42501', 'permission denied for table request_events', 'editor cannot delete an event');
select testing.authenticate_as('viewer');
select throws_ok($$ delete from public.request_events $$, '42501', 'permission denied for table request_events', 'viewer cannot delete an event');
select testing.authenticate_as('outsider');
select throws_ok($$ delete from public.request_events $$, '42501', 'permission denied for table request_events',
  'another organisation''s member cannot delete events');
select testing.authenticate_as_anon();
select throws_ok($$ delete from public.request_events $$, '42501', 'permission denied for table request_events',
  'anonymous visitors cannot delete events');

select testing.authenticate_as_service_role();
select throws_ok($$ update public.request_events set payload = '{}' where id = testing.id('event_a') $$, '42501',
  'Request events are append-only: add a correction event instead', 'not even the service role rewrites history');
select throws_ok($$ delete from public.request_events where id = testing.id('event_a') $$, '42501',
  'Request events are append-only: add a correction event instead', 'not even the service role deletes an event');

-- -----------------------------------------------------------------------------
-- Offline replay and defaults
-- -----------------------------------------------------------------------------
select testing.authenticate_as('editor');
select results_eq($$ insert into public.request_events (id, request_id, type, occurred_at, payload)
  values (testing.id('replayed_event'), testing.id('request_a'), 'fee_estimate', '2025-03-05 15:00-07', '{"amount": 82.74, "hours": 3}')
  on conflict (id) do nothing returning organisation_id, author_id $$,
  $$ values (testing.id('org_a'), testing.id('editor')) $$,
  'an event takes its organisation from the request and its author from the session');
select is(testing.affected_rows($$ insert into public.request_events (id, request_id, type, occurred_at, payload)
  values (testing.id('replayed_event'), testing.id('request_a'), 'fee_estimate', '2025-03-05 15:00-07', '{"amount": 82.74, "hours": 3}')
  on conflict (id) do nothing returning 1 $$), 0::bigint, 'replaying the same event id adds nothing');

-- -----------------------------------------------------------------------------
-- Corrections
-- -----------------------------------------------------------------------------
select lives_ok($$ insert into public.request_events (id, request_id, type, corrects_event_id, payload)
  values (testing.id('correction'), testing.id('request_a'), 'correction', testing.id('replayed_event'),
          '{"reason": "The estimate was $92.74", "payload": {"amount": 92.74, "hours": 3}}') $$,
  'an editor corrects an event by adding a correction');
select results_eq($$ select payload, retracted, correction_id, correction_reason from public.request_timeline
  where id = testing.id('replayed_event') $$,
  $$ values ('{"amount": 92.74, "hours": 3}'::jsonb, false, testing.id('correction'), 'The estimate was $92.74') $$,
  'the timeline shows the corrected payload and why');
select results_eq($$ select payload from public.request_events where id = testing.id('replayed_event') $$,
  $$ values ('{"amount": 82.74, "hours": 3}'::jsonb) $$, 'while the original stays as it was recorded');
select is((select count(*) from public.request_timeline where type = 'correction'), 0::bigint,
  'corrections are folded into the events they correct');
select throws_ok($$ insert into public.request_events (request_id, type, corrects_event_id, payload)
  values (testing.id('request_a'), 'correction', testing.id('replayed_event'), '{"reason": "typo", "payload": {"amount": -5}}') $$,
  '23514', 'A fee_estimate event''s payload: "amount" must be a number of at least 0',
  'a corrected payload must still fit the original event type');
select throws_ok($$ insert into public.request_events (request_id, type, corrects_event_id, payload)
  values (testing.id('request_a'), 'correction', testing.id('event_b'), '{"reason": "not ours"}') $$,
  '23503', 'insert or update on table "request_events" violates foreign key constraint "request_events_corrects_event_fkey"',
  'a correction can only name an event of the same request');
select results_eq(format($$ insert into public.request_events (id, request_id, type, payload)
  values (%L, %L, 'correction', '{"corrects": "%s", "reason": "Logged on the wrong request", "retracted": true}')
  returning corrects_event_id $$, testing.id('retraction'), testing.id('request_a'), testing.id('event_a')),
  $$ values (testing.id('event_a')) $$,
  'a correction may name its event in the payload alone (as src/lib/cora does); the link is filled in');
select results_eq($$ select retracted from public.request_timeline where id = testing.id('event_a') $$,
  $$ values (true) $$, 'and an event retracted by a correction shows as retracted');
select throws_ok($$ insert into public.request_events (request_id, type, corrects_event_id, payload)
  values (testing.id('request_a'), 'correction', testing.id('retraction'), '{"payload": {"channel": "mail"}}') $$,
  '23514', 'A correction can only retract another correction, not change it', 'a correction of a correction can only retract it');
select lives_ok($$ insert into public.request_events (request_id, type, corrects_event_id, occurred_at, payload)
  values (testing.id('request_a'), 'correction', testing.id('retraction'), now() + interval '1 minute', '{"retracted": true}') $$,
  'a retraction can itself be retracted');
select results_eq($$ select retracted from public.request_timeline where id = testing.id('event_a') $$,
  $$ values (false) $$, 'and the event stands again');
select throws_ok(format($$ insert into public.request_events (request_id, type, corrects_event_id, payload)
  values (%L, 'correction', %L, '{"corrects": "%s"}') $$, testing.id('request_a'), testing.id('event_a'), testing.id('replayed_event')),
  '23514', 'A correction''s payload "corrects" and corrects_event_id name different events', 'the two ways of naming the event must agree');

select * from finish();
rollback;
