-- =============================================================================
-- What a Supabase project provides before any of our migrations run.
--
-- The embedded stack runs this once on a new database (it is idempotent), so
-- that supabase/migrations apply unchanged here and on a real Supabase project.
-- Shapes follow Supabase Auth (auth.users, auth.uid()/role()/jwt()) and
-- Supabase Storage (storage.buckets, storage.objects, storage.foldername()).
-- =============================================================================

-- ---------------------------------------------------------------------------
-- Roles (supabase/postgres: initial-schema, auth-schema, storage-schema and
-- demote-postgres migrations). This file runs as the superuser: supabase_admin
-- on a new data folder; `postgres` exists already (cluster.ts) as a login role
-- without SUPERUSER, as on a Supabase project, and our migrations run as it.
-- ---------------------------------------------------------------------------
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
  end if;
  -- Owners of the auth and storage tables. On Supabase they are the login roles of Auth and
  -- Storage; here the embedded server does their work over the superuser connection, so they
  -- never log in.
  if not exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') then
    create role supabase_auth_admin nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'supabase_storage_admin') then
    create role supabase_storage_admin nologin noinherit;
  end if;
  -- A data folder from before the role model (cluster.ts: legacy) has no supabase_admin; the
  -- default privileges below name it.
  if not exists (select 1 from pg_roles where rolname = 'supabase_admin') then
    create role supabase_admin nologin;
  end if;
end
$$;

grant anon, authenticated, service_role to authenticator;
-- PostgreSQL 16+ on Supabase: postgres may grant the API roles on (migration
-- grant_with_admin_to_postgres_16_and_above).
grant anon, authenticated, service_role to postgres with admin option;

-- As on a Supabase project (its roles.sql dump): the API roles INHERIT, the
-- login role does not, and each carries the statement timeout PostgREST sets
-- for the transaction of every request it impersonates (run-as.ts does too).
-- Re-applied on every start, so a database bootstrapped earlier gets them.
alter role anon inherit;
alter role authenticated inherit;
alter role service_role inherit;
alter role authenticator noinherit;
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';

-- What demote-postgres gives postgres on the database and the public schema
-- (on Supabase `public` is owned by postgres).
do $$
begin
  execute format('grant all on database %I to postgres', current_database());
end
$$;
alter schema public owner to postgres;

-- ---------------------------------------------------------------------------
-- Schemas
-- ---------------------------------------------------------------------------
create schema if not exists extensions;
create schema if not exists auth;
create schema if not exists storage;
create extension if not exists pgcrypto with schema extensions;

grant usage on schema public, extensions to anon, authenticated, service_role;
grant usage on schema auth, storage to anon, authenticated, service_role;
grant execute on all functions in schema extensions to anon, authenticated, service_role;
-- postgres: all on extensions (trusted extensions such as pg_trgm go there),
-- usage but not create on auth and storage (revoke_admin_roles_from_postgres).
grant all on schema extensions to postgres;
grant usage on schema auth to postgres;
grant usage on schema storage to postgres with grant option;
revoke create on schema auth, storage from postgres;
-- The owners of the auth and storage tables use their schemas (foreign-key checks run as them).
grant all on schema auth to supabase_auth_admin;
grant all on schema storage to supabase_storage_admin;

-- Supabase's default privileges on public, for what postgres (our migrations)
-- creates: the API roles get table access, and row-level security decides
-- what each row allows.
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant execute on functions to anon, authenticated, service_role;
-- And for what the superuser creates there (initial-schema: "so that the users
-- receive grants whenever supabase_admin creates tables/functions").
alter default privileges for role supabase_admin in schema public grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on sequences to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on functions to postgres, anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- auth: users, sessions, refresh tokens, one-time tokens
-- ---------------------------------------------------------------------------
create table if not exists auth.users (
  instance_id uuid,
  id uuid primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255) unique,
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  phone text unique default null,
  phone_confirmed_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  banned_until timestamptz,
  is_sso_user boolean not null default false,
  is_anonymous boolean not null default false,
  deleted_at timestamptz,
  created_at timestamptz,
  updated_at timestamptz
);
comment on table auth.users is 'Supabase Auth users (embedded stand-in with the columns apps read).';

create table if not exists auth.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  aal text not null default 'aal1',
  not_after timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table auth.sessions is 'One row per signed-in session; the JWT session_id claim points here.';

create table if not exists auth.refresh_tokens (
  id bigserial primary key,
  token varchar(255) not null unique,
  user_id uuid not null references auth.users (id) on delete cascade,
  session_id uuid not null references auth.sessions (id) on delete cascade,
  parent varchar(255),
  revoked boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table auth.refresh_tokens is 'Rotating refresh tokens; a used token is revoked.';

create table if not exists auth.one_time_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  token_type text not null,
  token_hash text not null unique,
  otp_hash text not null,
  relates_to text not null,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
comment on table auth.one_time_tokens is 'Magic-link and email-code tokens (hashes only), single use.';

-- Supabase Auth's own columns (supabase/postgres auth-schema): no default id
-- (Auth sets it), nullable metadata and timestamps. A database bootstrapped
-- before this file said so is brought in line on start.
alter table auth.users
  alter column id drop default,
  alter column aud drop default,
  alter column role drop default,
  alter column raw_app_meta_data drop not null,
  alter column raw_app_meta_data drop default,
  alter column raw_user_meta_data drop not null,
  alter column raw_user_meta_data drop default,
  alter column created_at drop not null,
  alter column created_at drop default,
  alter column updated_at drop not null,
  alter column updated_at drop default;

-- Owned by Auth's role; postgres gets all privileges on them (demote-postgres),
-- the API roles none.
alter table auth.users owner to supabase_auth_admin;
alter table auth.sessions owner to supabase_auth_admin;
alter table auth.refresh_tokens owner to supabase_auth_admin;
alter table auth.one_time_tokens owner to supabase_auth_admin;
revoke all on all tables in schema auth from anon, authenticated;
grant all on all tables in schema auth to postgres;
grant all on all sequences in schema auth to postgres;

-- ---------------------------------------------------------------------------
-- auth helpers, reading request.jwt.claims as Supabase's do
-- ---------------------------------------------------------------------------
create or replace function auth.jwt() returns jsonb
language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;
comment on function auth.jwt() is 'The JWT claims of the current request.';

create or replace function auth.uid() returns uuid
language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;
comment on function auth.uid() is 'The user id (sub claim) of the current request, or null.';

create or replace function auth.role() returns text
language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;
comment on function auth.role() is 'The role claim of the current request.';

create or replace function auth.email() returns text
language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;
comment on function auth.email() is 'The email claim of the current request.';

grant execute on function auth.jwt(), auth.uid(), auth.role(), auth.email() to anon, authenticated, service_role;
alter function auth.jwt() owner to supabase_auth_admin;
alter function auth.uid() owner to supabase_auth_admin;
alter function auth.role() owner to supabase_auth_admin;
alter function auth.email() owner to supabase_auth_admin;
grant all on all routines in schema auth to postgres;

-- ---------------------------------------------------------------------------
-- storage: buckets and objects (bytes live on disk, metadata here)
-- ---------------------------------------------------------------------------
create table if not exists storage.buckets (
  id text primary key,
  name text not null unique,
  owner uuid,
  public boolean not null default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table storage.buckets is 'Storage buckets (Supabase Storage shape).';

create table if not exists storage.objects (
  id uuid primary key default gen_random_uuid(),
  bucket_id text not null references storage.buckets (id),
  name text not null,
  owner uuid,
  owner_id text,
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_accessed_at timestamptz not null default now(),
  unique (bucket_id, name)
);
comment on table storage.objects is 'Object metadata; policies on this table decide who may read or write files.';
alter table storage.objects enable row level security;
alter table storage.buckets enable row level security;

-- Supabase Storage's nullability (its migrations): bucket_id, name and the
-- timestamps may be null there; a database bootstrapped earlier is aligned.
alter table storage.objects
  alter column bucket_id drop not null,
  alter column name drop not null,
  alter column created_at drop not null,
  alter column updated_at drop not null,
  alter column last_accessed_at drop not null;
alter table storage.buckets
  alter column public drop not null,
  alter column created_at drop not null,
  alter column updated_at drop not null;

-- Owned by Storage's role. Its default privileges give every API role and
-- postgres all privileges on its tables (storage-schema init script); RLS
-- decides (buckets has no policy: only service_role and postgres, which
-- bypass RLS, see or change buckets through SQL).
alter table storage.buckets owner to supabase_storage_admin;
alter table storage.objects owner to supabase_storage_admin;
grant all on storage.buckets, storage.objects to postgres, anon, authenticated, service_role;

-- Supabase Storage refuses a direct DELETE on its tables unless the
-- transaction says it is the Storage API (storage.allow_delete_query), so files
-- are never orphaned; the embedded storage server sets it as Storage does.
create or replace function storage.protect_delete() returns trigger
language plpgsql as $$
begin
  if coalesce(current_setting('storage.allow_delete_query', true), 'false') <> 'true' then
    raise exception 'Direct deletion from storage tables is not allowed. Use the Storage API instead.'
      using hint = 'This prevents accidental data loss from orphaned objects.', errcode = '42501';
  end if;
  return null;
end
$$;
alter function storage.protect_delete() owner to supabase_storage_admin;
create or replace trigger protect_objects_delete before delete on storage.objects
  for each statement execute function storage.protect_delete();
create or replace trigger protect_buckets_delete before delete on storage.buckets
  for each statement execute function storage.protect_delete();

create or replace function storage.foldername(name text) returns text[]
language sql immutable as $$
  select (string_to_array(name, '/'))[1:array_length(string_to_array(name, '/'), 1) - 1]
$$;
comment on function storage.foldername(text) is 'All path parts but the last: a/b/c.png -> {a,b}; a.png -> {}; the empty name -> null (as Supabase Storage''s).';

create or replace function storage.filename(name text) returns text
language sql immutable as $$
  select (string_to_array(name, '/'))[array_length(string_to_array(name, '/'), 1)]
$$;
comment on function storage.filename(text) is 'The last path part.';

create or replace function storage.extension(name text) returns text
language sql immutable as $$
  select case when storage.filename(name) like '%.%'
    then reverse(split_part(reverse(storage.filename(name)), '.', 1)) else '' end
$$;
comment on function storage.extension(text) is 'Text after the last dot of the file name.';

grant execute on function storage.foldername(text), storage.filename(text), storage.extension(text)
  to anon, authenticated, service_role;
alter function storage.foldername(text) owner to supabase_storage_admin;
alter function storage.filename(text) owner to supabase_storage_admin;
alter function storage.extension(text) owner to supabase_storage_admin;
grant all on all routines in schema storage to postgres;

-- ---------------------------------------------------------------------------
-- Migration history, as the Supabase CLI records it
-- ---------------------------------------------------------------------------
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (
  version text primary key,
  statements text[],
  name text
);
create table if not exists supabase_migrations.seed_files (
  path text primary key,
  hash text not null
);
-- The CLI creates these as the role it connects as.
alter schema supabase_migrations owner to postgres;
alter table supabase_migrations.schema_migrations owner to postgres;
alter table supabase_migrations.seed_files owner to postgres;

-- ---------------------------------------------------------------------------
-- Embedded-only: the dev mailbox (no mail server exists in embedded mode)
-- ---------------------------------------------------------------------------
create schema if not exists embedded;
create table if not exists embedded.mailbox (
  id bigserial primary key,
  to_address text not null,
  subject text not null,
  body_text text not null,
  link text,
  sent_at timestamptz not null default now()
);
comment on table embedded.mailbox is 'Emails the embedded stack would have sent; read at /dev/mailbox.';
revoke all on schema embedded from public;

-- ---------------------------------------------------------------------------
-- Embedded-only: the one supautils rule our migrations rely on.
--
-- In PostgreSQL only a table's owner may create, alter or drop its policies.
-- On Supabase, the supautils extension lets `postgres` manage policies on
-- listed auth/storage tables it does not own (`supautils.policy_grants`;
-- Supabase lists auth.users, auth.sessions, storage.buckets, storage.objects
-- and a few more). Here the list is narrower, only what our migrations need:
-- embedded.policy_grants names storage.objects for postgres. A migration that
-- creates a policy on anything else it does not own fails here as it would
-- there (or earlier), never the other way round.
--
-- How: around CREATE/ALTER/DROP POLICY by a non-superuser listed here, the
-- session's login role is made a member of the owner of its granted tables
-- for the one command (ddl_command_start), then the membership is revoked and
-- the command refused unless its table is granted or was already the role's
-- (ddl_command_end, sql_drop). Role grants are transactional: a failed
-- command leaves nothing behind.
-- ---------------------------------------------------------------------------
create table if not exists embedded.policy_grants (
  role_name name not null,
  relation regclass not null,
  primary key (role_name, relation)
);
comment on table embedded.policy_grants is 'Tables whose policies a role may manage without owning them (supautils.policy_grants).';
insert into embedded.policy_grants (role_name, relation)
  values ('postgres', 'storage.objects') on conflict do nothing;

create or replace function embedded.policy_grant_begin() returns event_trigger
language plpgsql security definer set search_path = '' as $$
declare
  owner_role name;
  granted text[] := '{}';
begin
  if (select rolsuper from pg_catalog.pg_roles where rolname = session_user) then
    return;
  end if;
  for owner_role in
    select distinct r.rolname
    from embedded.policy_grants as g
    join pg_catalog.pg_class as c on c.oid = g.relation
    join pg_catalog.pg_roles as r on r.oid = c.relowner
    where g.role_name = session_user
      and not pg_catalog.pg_has_role(session_user, c.relowner, 'USAGE')
  loop
    execute pg_catalog.format('grant %I to %I', owner_role, session_user);
    granted := granted || owner_role::text;
  end loop;
  perform pg_catalog.set_config('embedded.policy_grant_owners', pg_catalog.array_to_string(granted, ','), true);
end
$$;

-- Is the session's login role allowed to manage policies on this table
-- (granted, or owned by a role it had the privileges of before the command)?
create or replace function embedded.policy_grant_allows(target regclass) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from embedded.policy_grants as g where g.role_name = session_user and g.relation = target)
    or exists (
      select 1 from pg_catalog.pg_class as c join pg_catalog.pg_roles as r on r.oid = c.relowner
      where c.oid = target
        and pg_catalog.pg_has_role(session_user, c.relowner, 'USAGE')
        and not r.rolname::text = any (pg_catalog.string_to_array(
          coalesce(pg_catalog.current_setting('embedded.policy_grant_owners', true), ''), ','))
    )
$$;

create or replace function embedded.policy_grant_end() returns event_trigger
language plpgsql security definer set search_path = '' as $$
declare
  owner_role text;
  target regclass;
begin
  if (select rolsuper from pg_catalog.pg_roles where rolname = session_user) then
    return;
  end if;
  for target in
    select p.polrelid::regclass
    from pg_catalog.pg_event_trigger_ddl_commands() as d
    join pg_catalog.pg_policy as p on p.oid = d.objid
    where d.classid = 'pg_catalog.pg_policy'::regclass
  loop
    if not embedded.policy_grant_allows(target) then
      raise exception 'must be owner of table %', (select relname from pg_catalog.pg_class where oid = target)
        using errcode = '42501';
    end if;
  end loop;
  foreach owner_role in array pg_catalog.string_to_array(
    coalesce(pg_catalog.current_setting('embedded.policy_grant_owners', true), ''), ',')
  loop
    execute pg_catalog.format('revoke %I from %I', owner_role, session_user);
  end loop;
  perform pg_catalog.set_config('embedded.policy_grant_owners', '', true);
end
$$;

create or replace function embedded.policy_grant_drop() returns event_trigger
language plpgsql security definer set search_path = '' as $$
declare
  target regclass;
begin
  if (select rolsuper from pg_catalog.pg_roles where rolname = session_user) then
    return;
  end if;
  for target in
    select pg_catalog.to_regclass(pg_catalog.quote_ident(o.address_names[1]) || '.' || pg_catalog.quote_ident(o.address_names[2]))
    from pg_catalog.pg_event_trigger_dropped_objects() as o
    where o.object_type = 'policy'
  loop
    if target is not null and not embedded.policy_grant_allows(target) then
      raise exception 'must be owner of table %', (select relname from pg_catalog.pg_class where oid = target)
        using errcode = '42501';
    end if;
  end loop;
end
$$;

revoke all on function embedded.policy_grant_allows(regclass) from public;

drop event trigger if exists embedded_policy_grant_begin;
drop event trigger if exists embedded_policy_grant_end;
drop event trigger if exists embedded_policy_grant_drop;
create event trigger embedded_policy_grant_begin on ddl_command_start
  when tag in ('CREATE POLICY', 'ALTER POLICY', 'DROP POLICY')
  execute function embedded.policy_grant_begin();
create event trigger embedded_policy_grant_end on ddl_command_end
  when tag in ('CREATE POLICY', 'ALTER POLICY', 'DROP POLICY')
  execute function embedded.policy_grant_end();
create event trigger embedded_policy_grant_drop on sql_drop
  when tag in ('DROP POLICY')
  execute function embedded.policy_grant_drop();
