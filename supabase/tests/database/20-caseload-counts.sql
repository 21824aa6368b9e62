-- caseload_section_counts: one call counts the request list's sections, and
-- row-level security decides what it counts (security invoker).
begin;
\ir _setup.psql
select plan(7);
select testing.create_fixture();

-- Alpha has one sent request due 2025-03-06 (overdue on 2025-03-10) and one draft.
create function testing.counts_for(organisation text) returns jsonb
language sql
as $$
  select public.caseload_section_counts(
    array[testing.id(organisation)], '2025-03-10', '2025-03-13',
    p_running => array['sent', 'acknowledged', 'extended'],
    p_paused => array['awaiting_payment', 'awaiting_clarification'],
    p_escalated => array['notice_of_intent_sent', 'in_litigation'],
    p_closed => array['released', 'no_records', 'denied', 'withdrawn', 'closed'],
    p_unsent => array['draft']);
$$;
grant execute on function testing.counts_for(text) to anon, authenticated;

select testing.authenticate_as('viewer');
select is(testing.counts_for('org_a'),
  '{"open": 2, "closed": 0, "overdue": 1, "due_soon": 0, "waiting_on_us": 1, "waiting_on_agency": 0}'::jsonb,
  'a viewer counts their organisation''s requests by section');
select testing.authenticate_as('editor');
select is((testing.counts_for('org_a') ->> 'open')::int, 2, 'an editor counts the same');
select testing.authenticate_as('owner');
select is((testing.counts_for('org_a') ->> 'overdue')::int, 1, 'an owner counts the same');
select is(public.caseload_section_counts(array[testing.id('org_a')], '2025-03-10', '2025-03-13',
    array['sent'], '{}', '{}', '{}', '{}', p_search => 'Immigration data sharing') ->> 'overdue', '1',
  'the search narrows the counts (title)');
select is(public.caseload_section_counts(array[testing.id('org_a')], '2025-03-10', '2025-03-13',
    array['sent'], '{}', '{}', '{}', '{}', p_search => 'nothing like this') ->> 'open', '0',
  'a search matching nothing counts nothing');
select testing.authenticate_as('outsider');
select is(testing.counts_for('org_a'),
  '{"open": 0, "closed": 0, "overdue": 0, "due_soon": 0, "waiting_on_us": 0, "waiting_on_agency": 0}'::jsonb,
  'another organisation''s member counts nothing of Alpha''s, even naming it');
select testing.authenticate_as_anon();
select throws_ok($$ select public.caseload_section_counts(array[testing.id('org_a')], '2025-03-10', '2025-03-13', '{}', '{}', '{}', '{}', '{}') $$,
  '42501', null, 'anonymous visitors cannot count requests');

select * from finish();
rollback;
