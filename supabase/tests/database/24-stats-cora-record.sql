-- The agencies' CORA record in the public statistics: answered, on time against the stored deadline, the
-- comparison threshold, the Wilson interval, and the median in calendar and working days (weekends and
-- Colorado legal holidays not counted: C.R.S. 24-72-203(3)(b), 24-11-101).
begin;
\ir _setup.psql
select plan(9);
select testing.create_fixture();

create function testing.record() returns jsonb language sql as $f$
  select a -> 'cora' from jsonb_array_elements(public.public_disclosure_stats() -> 'by_agency') as a
  where a ->> 'abbreviation' = 'TEST-DIR';
$f$;
grant execute on function testing.record() to anon;

-- Alpha's request (sent Monday 2025-03-03, due Thursday 03-06) is answered Monday 03-10: late, 5 working days, 7 days.
insert into public.request_events (request_id, organisation_id, type, occurred_at, payload, author_id)
values (testing.id('request_a'), testing.id('org_a'), 'records_released', '2025-03-10 12:00-06', '{"completeness": "full"}', testing.id('owner'));
update public.records_requests set publish_state = 'published' where id = testing.id('request_a');

select testing.authenticate_as_anon();
select is(testing.record() - 'outcomes' - 'median_days_to_first_response' - 'median_working_days_to_first_response',
  '{"requests": 1, "answered": 1, "due": 1, "answered_in_time": 0, "comparable": false,
    "on_time_share": null, "on_time_interval": null}'::jsonb,
  'one published request: answered late, and too few to compare (no share, no interval)');
select is((testing.record() ->> 'median_days_to_first_response')::numeric, 7::numeric, 'median in calendar days');
select is((testing.record() ->> 'median_working_days_to_first_response')::numeric, 5::numeric,
  'median in working days: the days after it was sent, weekends not counted');
select testing.clear_authentication();

-- Four more published requests, answered on time across the Independence Day holiday (Friday 2025-07-04):
-- sent Wednesday 07-02, answered Monday 07-07 = 2 working days (Thursday, Monday), 5 calendar days.
do $$
declare
  n integer;
  request_id uuid;
begin
  for n in 1..4 loop
    request_id := gen_random_uuid();
    insert into public.records_requests (id, organisation_id, agency_id, title, letter_body, regime, status, sent_at, due_on,
                                         delivery_channel, created_by, publish_state)
    values (request_id, testing.id('org_a'), testing.id('agency_directory'), 'July request ' || n, 'Letter', 'CORA', 'sent',
            '2025-07-02 09:00-06', '2025-07-08', 'email', testing.id('owner'), 'published');
    insert into public.request_events (request_id, organisation_id, type, occurred_at, payload, author_id) values
      (request_id, testing.id('org_a'), 'sent', '2025-07-02 09:00-06', '{"channel": "email"}', testing.id('owner')),
      (request_id, testing.id('org_a'), 'records_released', '2025-07-07 15:00-06', '{"completeness": "full"}', testing.id('owner'));
  end loop;
end;
$$;

select testing.authenticate_as_anon();
select is(testing.record() -> 'requests', '5', 'five published requests');
select is(testing.record() -> 'comparable', 'true', 'five reach the comparison threshold');
select is(testing.record() -> 'on_time_share', '0.8', 'four of five on time');
select is(testing.record() -> 'on_time_interval', '[0.3755, 0.9638]',
  'with the Wilson 95 % interval of 4 in 5');
select is((testing.record() ->> 'median_working_days_to_first_response')::numeric, 2::numeric,
  'the holiday is not a working day: the median is 2 working days');
select is((testing.record() ->> 'median_days_to_first_response')::numeric, 5::numeric, 'and 5 calendar days');

select * from finish();
rollback;
