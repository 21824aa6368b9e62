-- Security-definer triggers check membership before they validate: an
-- outsider (owner of another organisation) gets row-level security's refusal
-- (42501, the same message) for organisation A's real ids with an invalid
-- payload as for random ids, while A's editors still get the validation message.
begin;
\ir _setup.psql
select plan(12);
select testing.create_fixture();

-- request_events: a correction naming A's event, with a payload that does not fit
select testing.authenticate_as('outsider');
select throws_ok(format($$ insert into public.request_events (request_id, type, corrects_event_id, payload)
    values (%L, 'correction', %L, '{"retracted": "yes"}') $$, testing.id('request_a'), testing.id('event_a')),
  '42501', 'new row violates row-level security policy for table "request_events"',
  'an outsider correcting A''s real event with a bad payload is refused by row-level security');
select throws_ok(format($$ insert into public.request_events (request_id, type, corrects_event_id, payload)
    values (%L, 'correction', %L, '{"retracted": "yes"}') $$, gen_random_uuid(), gen_random_uuid()),
  '42501', 'new row violates row-level security policy for table "request_events"',
  'the same for random ids');
select throws_ok(format($$ insert into public.request_events (request_id, organisation_id, type, corrects_event_id, payload)
    values (%L, %L, 'correction', %L, '{"retracted": "yes"}') $$, testing.id('request_a'), testing.id('org_b'), testing.id('event_a')),
  '42501', 'new row violates row-level security policy for table "request_events"',
  'naming the outsider''s own organisation with A''s request changes nothing');
select testing.authenticate_as('editor');
select throws_ok(format($$ insert into public.request_events (request_id, type, corrects_event_id, payload)
    values (%L, 'correction', %L, '{"retracted": "yes"}') $$, testing.id('request_a'), testing.id('event_a')),
  '23514', 'A correction event''s payload: "retracted" must be true or false',
  'an editor of A still gets the validation message');

-- records_requests: A's organisation with an agency A may not use (B's own)
select testing.authenticate_as('outsider');
select throws_ok(format($$ insert into public.records_requests (organisation_id, agency_id, title, regime)
    values (%L, %L, 'x', 'CORA') $$, testing.id('org_a'), testing.id('agency_a')),
  '42501', 'new row violates row-level security policy for table "records_requests"',
  'an outsider naming A and A''s own agency is refused by row-level security');
select throws_ok(format($$ insert into public.records_requests (organisation_id, agency_id, title, regime)
    values (%L, %L, 'x', 'CORA') $$, gen_random_uuid(), gen_random_uuid()),
  '42501', 'new row violates row-level security policy for table "records_requests"',
  'the same for random ids');
select testing.authenticate_as('editor');
select throws_ok(format($$ insert into public.records_requests (organisation_id, agency_id, title, regime)
    values (%L, %L, 'x', 'CORA') $$, testing.id('org_a'), testing.id('agency_b')),
  '23503', 'A request can only go to a directory agency or one of the organisation''s own agencies',
  'an editor of A naming B''s agency still gets the validation message');

-- disclosure_findings: A's request with an agency A may not use
select testing.authenticate_as('outsider');
select throws_ok(format($$ insert into public.disclosure_findings (request_id, agency_id) values (%L, %L) $$,
    testing.id('request_a'), testing.id('agency_b')),
  '42501', 'new row violates row-level security policy for table "disclosure_findings"',
  'an outsider adding a finding to A''s request with a bad agency is refused by row-level security');
select throws_ok(format($$ insert into public.disclosure_findings (request_id, agency_id) values (%L, %L) $$,
    gen_random_uuid(), gen_random_uuid()),
  '42501', 'new row violates row-level security policy for table "disclosure_findings"',
  'the same for random ids');
select testing.authenticate_as('editor');
select throws_ok(format($$ insert into public.disclosure_findings (request_id, agency_id) values (%L, %L) $$,
    testing.id('request_a'), testing.id('agency_b')),
  '23503', 'A finding can only name a directory agency or one of the organisation''s own agencies',
  'an editor of A still gets the validation message');

-- agency_overrides: A's organisation and A's own agency (not a directory one)
select testing.authenticate_as('outsider');
select throws_ok(format($$ insert into public.agency_overrides (organisation_id, agency_id) values (%L, %L) $$,
    testing.id('org_a'), testing.id('agency_a')),
  '42501', 'new row violates row-level security policy for table "agency_overrides"',
  'an outsider adding an override for A is refused by row-level security, as for a random organisation');
select testing.authenticate_as('editor');
select throws_ok(format($$ insert into public.agency_overrides (organisation_id, agency_id) values (%L, %L) $$,
    testing.id('org_a'), testing.id('agency_a')),
  '23514', 'Corrections can only be added to directory agencies; edit your organisation''s own agencies directly',
  'an editor of A still gets the validation message');

select * from finish();
rollback;
