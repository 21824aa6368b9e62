-- Public statistics: small counts are hidden in the database, and a narrowed view never shows a total the wider
-- view hid (else the two views side by side would give the hidden cell away).
begin;
\ir _setup.psql
select plan(7);
select testing.create_fixture();

-- Alpha's request: 3 people under an administrative subpoena (Jan 2024), 40 under a court order (Jul 2024).
update public.disclosure_findings set people_count = 3, records_count = 0, legal_process = 'administrative_subpoena',
  period_start = '2024-01-01', period_end = '2024-01-31' where id = testing.id('finding_a');
insert into public.disclosure_findings (request_id, data_categories, people_count, records_count, legal_process, recipient,
  period_start, period_end)
values (testing.id('request_a'), '{ssn}', 40, 0, 'court_order', 'ice', '2024-07-01', '2024-07-31');
update public.records_requests set publish_state = 'published' where id = testing.id('request_a');

select testing.authenticate_as_anon();
select is(public.public_disclosure_stats() #>> '{headline,people}', '43', 'the total of 43 people is shown');
select is((select jsonb_object_agg(r ->> 'key', r -> 'people') from jsonb_array_elements(public.public_disclosure_stats() -> 'by_legal_process') as r),
  '{"administrative_subpoena": "<11", "court_order": "hidden"}'::jsonb,
  '3 is fewer than 11, and 40 is hidden too, since 43 − 40 would give the 3 away');
select is(public.public_disclosure_stats(p_legal_process => 'court_order') #>> '{headline,people}', 'hidden',
  'the view narrowed to court orders hides its total, which is the hidden 40');
select is(public.public_disclosure_stats(p_legal_process => 'administrative_subpoena') #>> '{headline,people}', '<11',
  'the view narrowed to administrative subpoenas shows fewer than 11');
select is((select jsonb_object_agg(r ->> 'key', r -> 'people') from jsonb_array_elements(public.public_disclosure_stats() -> 'by_quarter') as r),
  '{"2024-Q1": "<11", "2024-Q3": "hidden"}'::jsonb, 'the same holds for quarters');
select is(public.public_disclosure_stats(p_from => '2024-07-01', p_to => '2024-09-30') #>> '{headline,people}', 'hidden',
  'a period narrowed to the quarter of the hidden cell hides its total');
select is(public.public_disclosure_stats(p_from => '2024-01-15', p_to => '2024-12-31') #>> '{headline,people}', 'hidden',
  'a period over both quarters (rounded out to whole quarters) hides its total, as it holds a hidden cell');

select * from finish();
rollback;
