-- Public statistics are kept per view (private.stats_documents) and recomputed only when data a public count
-- reads changes (private.stats_generation) or the Colorado date turns.
begin;
\ir _setup.psql
select plan(9);
select testing.create_fixture();
update public.records_requests set publish_state = 'published' where id = testing.id('request_a');

create function testing.generation() returns bigint language sql security definer set search_path = '' as $f$
  select generation from private.stats_generation;
$f$;

select testing.authenticate_as_anon();
select is((public.public_disclosure_stats() #>> '{headline,findings}'), '1', 'the published finding counts');
select testing.clear_authentication();
select is((select count(*)::int from private.stats_documents where view_key = '||||'), 1, 'the whole-coalition view is kept');

-- Served from the kept document while it is current: a marked copy comes back as it is.
update private.stats_documents set document = document || '{"kept": true}' where view_key = '||||';
select testing.authenticate_as_anon();
select is(public.public_disclosure_stats() ->> 'kept', 'true', 'a current kept document is served without recomputing');
select testing.clear_authentication();

-- Changes to private data leave it current; changes to published data make it stale.
create temporary table if not exists before_change (generation bigint);
truncate before_change;
insert into before_change select testing.generation();
update public.records_requests set title = 'Renamed draft' where id = testing.id('draft_a');
insert into public.request_events (request_id, organisation_id, type, occurred_at, payload, author_id, note)
values (testing.id('request_b'), testing.id('org_b'), 'note', now(), '{}', testing.id('outsider'), 'A private note');
select is(testing.generation(), (select generation from before_change), 'edits to private requests and their events do not touch the public numbers');
insert into public.request_events (request_id, organisation_id, type, occurred_at, payload, author_id)
values (testing.id('request_a'), testing.id('org_a'), 'records_released', '2025-03-05 12:00-07', '{"completeness": "full"}', testing.id('owner'));
select cmp_ok(testing.generation(), '>', (select generation from before_change), 'an event on a published request does');
select testing.authenticate_as_anon();
select is(public.public_disclosure_stats() ->> 'kept', null, 'and the next call computes the view afresh');
select testing.clear_authentication();

create temporary table if not exists before_change (generation bigint);
truncate before_change;
insert into before_change select testing.generation();
update public.records_requests set publish_state = 'private' where id = testing.id('request_a');
select cmp_ok(testing.generation(), '>', (select generation from before_change), 'making a request private does');
select testing.authenticate_as_anon();
select is(public.public_disclosure_stats() #>> '{headline,findings}', '0', 'so its finding stops counting at once');
select testing.clear_authentication();

-- A kept document of another Colorado date is not served (embargoes end and deadlines pass by date).
update private.stats_documents set document = document || '{"kept": true}', colorado_day = colorado_day - 1;
select testing.authenticate_as_anon();
select is(public.public_disclosure_stats() ->> 'kept', null, 'a document kept on another day is recomputed');

select * from finish();
rollback;
