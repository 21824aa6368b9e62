-- Calendar feeds: any member creates feed links for themselves, sees and
-- revokes only their own; the token is shown once and stored hashed; the feed
-- function gives anyone holding a live token the due dates of that
-- organisation's open requests and nothing else. The export: owners only.
begin;
\ir _setup.psql
select plan(42);
select testing.create_fixture();

create table testing.feed_tokens (name text primary key, feed_id uuid not null, token text not null);
grant select, insert on testing.feed_tokens to anon, authenticated, service_role;

create function testing.feed_token(name text) returns text
language sql stable
as $$ select f.token from testing.feed_tokens as f where f.name = feed_token.name $$;
create function testing.feed_id(name text) returns uuid
language sql stable
as $$ select f.feed_id from testing.feed_tokens as f where f.name = feed_id.name $$;

-- Alpha: request_a (sent, due 2025-03-06), an extended one, a closed one with dates, a draft without dates.
select testing.clear_authentication();
insert into public.records_requests (id, organisation_id, agency_id, title, letter_body, regime, status, sent_at,
                                     due_on, extended_due_on, closed_at, created_by)
values
  (testing.remember('request_extended', gen_random_uuid()), testing.id('org_a'), testing.id('agency_a'),
   'County jail holds; detainers', 'Secret extended body', 'CORA', 'extended', '2025-04-01 09:00-06', '2025-04-04',
   '2025-04-15', null, testing.id('owner')),
  (testing.remember('request_closed', gen_random_uuid()), testing.id('org_a'), testing.id('agency_a'),
   'Old closed request', 'Secret closed body', 'CORA', 'closed', '2025-01-06 09:00-07', '2025-01-09', null,
   '2025-02-01 09:00-07', testing.id('owner'));

-- -----------------------------------------------------------------------------
-- create
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select lives_ok(
  $$ insert into testing.feed_tokens select 'owner', feed_id, token from public.create_calendar_feed(testing.id('org_a'), ' Phone ') $$,
  'owner can create a feed link');
select matches(testing.feed_token('owner'), '^[A-Za-z0-9_-]{43}$', 'the token is 32 random bytes in base64url');
select testing.authenticate_as('viewer');
select lives_ok(
  $$ insert into testing.feed_tokens select 'viewer', feed_id, token from public.create_calendar_feed(testing.id('org_a')) $$,
  'viewer can create a feed link for themselves');
select testing.authenticate_as('outsider');
select lives_ok(
  $$ insert into testing.feed_tokens select 'outsider', feed_id, token from public.create_calendar_feed(testing.id('org_b')) $$,
  'another organisation''s owner can create one for their own organisation');
select throws_ok($$ select * from public.create_calendar_feed(testing.id('org_a')) $$,
  '42501', 'Only members of this organisation can create a calendar feed for it', 'but not for Alpha');
select testing.authenticate_as('stranger');
select throws_ok($$ select * from public.create_calendar_feed(testing.id('org_a')) $$,
  '42501', 'Only members of this organisation can create a calendar feed for it', 'a user of no organisation cannot create one');
select testing.authenticate_as_anon();
select throws_ok($$ select * from public.create_calendar_feed(testing.id('org_a')) $$,
  '42501', 'permission denied for function create_calendar_feed', 'anonymous visitors cannot create feeds');
select testing.authenticate_as('owner');
select throws_ok($$ insert into public.calendar_feeds (organisation_id, user_id, token_hash) values (testing.id('org_a'), testing.id('owner'), repeat('a', 64)) $$,
  '42501', 'permission denied for table calendar_feeds', 'feeds cannot be inserted directly (the database makes the token)');
select throws_ok($$ select * from public.create_calendar_feed(testing.id('org_a'), repeat('x', 101)) $$,
  '22023', 'A feed name must be at most 100 characters', 'a feed name is at most 100 characters');

select testing.clear_authentication();
select results_eq(
  $$ select label, token_hash, revoked_at is null, last_used_at is null from public.calendar_feeds where id = testing.feed_id('owner') $$,
  $$ values ('Phone', encode(extensions.digest(testing.feed_token('owner'), 'sha256'), 'hex'), true, true) $$,
  'only the SHA-256 of the token is stored, with the trimmed name');
select is_empty(
  $$ select 1 from public.calendar_feeds as f where to_jsonb(f)::text like '%' || testing.feed_token('owner') || '%' $$,
  'the token itself is stored nowhere in the row');

-- -----------------------------------------------------------------------------
-- select: own feeds only
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select results_eq($$ select id from public.calendar_feeds $$, $$ values (testing.feed_id('owner')) $$, 'owner sees their own feed only');
select testing.authenticate_as('viewer');
select results_eq($$ select id from public.calendar_feeds $$, $$ values (testing.feed_id('viewer')) $$, 'viewer sees their own feed only');
select testing.authenticate_as('editor');
select is_empty($$ select id from public.calendar_feeds $$, 'editor sees no one else''s feeds');
select testing.authenticate_as('outsider');
select results_eq($$ select id from public.calendar_feeds $$, $$ values (testing.feed_id('outsider')) $$, 'another organisation''s member sees only their own');
select testing.authenticate_as_anon();
select throws_ok($$ select * from public.calendar_feeds $$, '42501', 'permission denied for table calendar_feeds', 'anonymous visitors cannot read feeds');

-- -----------------------------------------------------------------------------
-- update: own feeds, label and revocation only
-- -----------------------------------------------------------------------------
select testing.authenticate_as('editor');
select is(testing.affected_rows($$ update public.calendar_feeds set revoked_at = now() returning 1 $$), 0::bigint, 'editor cannot revoke another member''s feed');
select testing.authenticate_as('outsider');
select is(testing.affected_rows($$ update public.calendar_feeds set revoked_at = now() where id = testing.feed_id('owner') returning 1 $$),
  0::bigint, 'another organisation''s member cannot revoke it');
select testing.authenticate_as_anon();
select throws_ok($$ update public.calendar_feeds set revoked_at = now() $$, '42501', 'permission denied for table calendar_feeds', 'anonymous visitors cannot revoke feeds');
select testing.authenticate_as('owner');
select throws_ok($$ update public.calendar_feeds set token_hash = repeat('b', 64) where id = testing.feed_id('owner') $$,
  '42501', 'permission denied for table calendar_feeds', 'a feed''s token cannot be swapped');
select throws_ok($$ delete from public.calendar_feeds where id = testing.feed_id('owner') $$,
  '42501', 'permission denied for table calendar_feeds', 'feeds are revoked, not deleted');
select is(testing.affected_rows($$ update public.calendar_feeds set label = 'Tablet' where id = testing.feed_id('owner') returning 1 $$),
  1::bigint, 'owner can rename their feed');

-- -----------------------------------------------------------------------------
-- the feed function
-- -----------------------------------------------------------------------------
select testing.authenticate_as_anon();
select is(public.calendar_feed(testing.feed_token('owner')) ->> 'organisation', 'Alpha Advocacy', 'a live token names its organisation');
select results_eq(
  $$ select (r ->> 'id')::uuid, r ->> 'due_on', r ->> 'extended_due_on', r ->> 'status', r ->> 'agency'
     from jsonb_array_elements(public.calendar_feed(testing.feed_token('owner')) -> 'requests') as r $$,
  $$ values (testing.id('request_a'), '2025-03-06', null, 'sent', 'Test Directory Agency'),
            (testing.id('request_extended'), '2025-04-04', '2025-04-15', 'extended', 'Own County Clerk a') $$,
  'it lists the open requests of that organisation with due dates, and no closed, draft or other organisation''s');
select results_eq(
  $$ select distinct k from jsonb_array_elements(public.calendar_feed(testing.feed_token('owner')) -> 'requests') as r,
            jsonb_object_keys(r) as k order by k $$,
  $$ values ('agency'), ('due_on'), ('extended_due_on'), ('id'), ('status'), ('title') $$,
  'it gives only what a calendar needs');
select unalike(public.calendar_feed(testing.feed_token('owner'))::text, '%Secret%'::text, 'never a letter body');
select results_eq(
  $$ select r ->> 'title' from jsonb_array_elements(public.calendar_feed(testing.feed_token('outsider')) -> 'requests') as r $$,
  $$ values ('Immigration data sharing b') $$,
  'another organisation''s token gives that organisation''s requests only');
select is(public.calendar_feed(rtrim(translate(encode(extensions.gen_random_bytes(32), 'base64'), '+/', '-_'), '=')), null,
  'a random token gives nothing');
select is(public.calendar_feed('not a token'), null, 'a malformed token gives nothing');
select is(public.calendar_feed(null), null, 'no token gives nothing');
select is(public.calendar_feed(encode(extensions.digest(testing.feed_token('owner'), 'sha256'), 'hex')), null,
  'the stored hash is no token');

select testing.clear_authentication();
select isnt((select last_used_at from public.calendar_feeds where id = testing.feed_id('owner')), null, 'using a feed notes when');

select testing.authenticate_as('owner');
update public.calendar_feeds set revoked_at = now() where id = testing.feed_id('owner');
select testing.authenticate_as_anon();
select is(public.calendar_feed(testing.feed_token('owner')), null, 'a revoked token gives nothing');
select testing.authenticate_as('owner');
select throws_ok($$ update public.calendar_feeds set revoked_at = null where id = testing.feed_id('owner') $$,
  '23514', 'A revoked calendar feed stays revoked', 'revoking cannot be undone');
select results_eq($$ select action from public.audit_log where target_id = testing.feed_id('owner')::text order by id $$,
  $$ values ('calendar_feed.created'), ('calendar_feed.revoked') $$, 'creating and revoking a feed are logged');

-- A member who leaves takes their feeds with them.
select testing.authenticate_as_anon();
select isnt(public.calendar_feed(testing.feed_token('viewer')), null, 'the viewer''s feed works while they are a member');
select testing.authenticate_as('owner');
delete from public.memberships where user_id = testing.id('viewer') and organisation_id = testing.id('org_a');
select testing.authenticate_as_anon();
select is(public.calendar_feed(testing.feed_token('viewer')), null, 'and stops when they are removed');

-- -----------------------------------------------------------------------------
-- export: owners only
-- -----------------------------------------------------------------------------
select testing.authenticate_as('owner');
select results_eq(
  $$ select (select array_agg((r ->> 'id')::uuid order by r ->> 'id') from jsonb_array_elements(x -> 'requests') as r),
            jsonb_array_length(x -> 'events'), jsonb_array_length(x -> 'findings'), jsonb_array_length(x -> 'attachments'),
            x -> 'organisation' ->> 'name'
     from public.export_organisation(testing.id('org_a')) as x $$,
  $$ select array_agg(id order by id::text), 1, 1, 1, 'Alpha Advocacy'
     from unnest(array[testing.id('request_a'), testing.id('draft_a'), testing.id('request_extended'), testing.id('request_closed')]) as id $$,
  'owner exports every request, event, finding and attachment record of the organisation, and no other''s');
select testing.authenticate_as('editor');
select throws_ok($$ select public.export_organisation(testing.id('org_a')) $$,
  '42501', 'Only owners of this organisation can export its data', 'editor cannot export');
select testing.authenticate_as('viewer');
select throws_ok($$ select public.export_organisation(testing.id('org_a')) $$,
  '42501', 'Only owners of this organisation can export its data', 'viewer cannot export');
select testing.authenticate_as('outsider');
select throws_ok($$ select public.export_organisation(testing.id('org_a')) $$,
  '42501', 'Only owners of this organisation can export its data', 'another organisation''s owner cannot export it');
select testing.authenticate_as_anon();
select throws_ok($$ select public.export_organisation(testing.id('org_a')) $$,
  '42501', 'permission denied for function export_organisation', 'anonymous visitors cannot export');

select * from finish();
rollback;
