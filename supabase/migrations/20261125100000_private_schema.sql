-- =============================================================================
-- Private schema: helpers that policies, triggers and API functions share.
--
-- PostgREST exposes only `public`, so nothing here is reachable over HTTP.
-- Policies run as the caller, so `authenticated` gets USAGE on the schema and
-- EXECUTE on exactly the helpers that policies and check constraints call.
-- =============================================================================

create schema if not exists private;
comment on schema private is
  'Helpers for policies, triggers and API functions. Not exposed by the API; deny by default.';

revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;

-- PostgreSQL grants EXECUTE on every new function to PUBLIC, and a per-schema
-- default privilege cannot take that back: each migration therefore ends with
-- `revoke execute on all functions in schema private from public` and then
-- grants exactly what policies and constraints need.

-- -----------------------------------------------------------------------------
-- Validators used by check constraints (pure, immutable)
-- -----------------------------------------------------------------------------

create or replace function private.is_http_url(value text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select value ~ '^https?://[^\s/?#]+\.[^\s/?#]+[^\s]*$';
$$;
comment on function private.is_http_url(text) is
  'True for an absolute http(s) URL with a dotted host and no whitespace: the shape every stored link and source URL must have.';

create or replace function private.is_email(value text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select char_length(value) <= 320 and value ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$';
$$;
comment on function private.is_email(text) is
  'True for something shaped like one email address (local@domain.tld). Deliverability is not the database''s business.';

create or replace function private.safe_uuid(value text)
returns uuid
language sql
immutable
set search_path = ''
as $$
  select case
    when value ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then value::uuid
  end;
$$;
comment on function private.safe_uuid(text) is
  'The text as a uuid, or null when it is not one. Lets storage policies read ids out of object paths without failing on odd names.';

grant execute on function
  private.is_http_url(text),
  private.is_email(text),
  private.safe_uuid(text)
to authenticated, service_role;

-- -----------------------------------------------------------------------------
-- Generic triggers
-- -----------------------------------------------------------------------------

create or replace function private.touch_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;
comment on function private.touch_updated_at() is
  'BEFORE UPDATE trigger: stamps updated_at so clients can sync by modification time.';

create or replace function private.keep_columns_unchanged()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  column_name text;
begin
  -- Changes made by the database itself pass: a foreign-key action such as ON DELETE SET NULL
  -- (a deleted user account) runs its UPDATE from inside a trigger.
  if pg_trigger_depth() > 1 then
    return new;
  end if;
  foreach column_name in array tg_argv loop
    if (to_jsonb(old) -> column_name) is distinct from (to_jsonb(new) -> column_name) then
      raise exception '%.% cannot be changed once set', tg_table_name, column_name
        using errcode = '23514',
              hint = 'Create a new row instead of moving this one.';
    end if;
  end loop;
  return new;
end;
$$;
comment on function private.keep_columns_unchanged() is
  'BEFORE UPDATE trigger: rejects a change to any column named in the trigger arguments (ownership and identity columns). '
  'Unchanged values pass, so clients may send whole rows; foreign-key actions (ON DELETE SET NULL) pass too.';

revoke execute on all functions in schema private from public;
