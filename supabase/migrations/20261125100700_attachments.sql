-- =============================================================================
-- Attachments: response documents in the private `attachments` bucket
--
-- Files live in Supabase Storage under <organisation_id>/<request_id>/<file>;
-- this table holds what the app needs to trust and show them (SHA-256, size,
-- MIME type, the event they came with). Storage policies let only members of
-- the owning organisation read, and only its editors write, under that prefix.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Allowed file types (shared by the bucket and the table)
-- -----------------------------------------------------------------------------

create or replace function private.attachment_mime_types()
returns text[]
language sql
immutable
set search_path = ''
as $$
  select array[
    'application/pdf',
    'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'image/tiff',
    'text/plain', 'text/csv',
    'message/rfc822', 'application/vnd.ms-outlook',
    'application/rtf',
    'application/msword',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.ms-excel',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.ms-powerpoint',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/vnd.oasis.opendocument.text',
    'application/vnd.oasis.opendocument.spreadsheet'
  ];
$$;
comment on function private.attachment_mime_types() is
  'MIME types a response document may have: PDF, images, plain text/CSV, saved emails and common office formats.';

grant execute on function private.attachment_mime_types() to authenticated, service_role;

-- -----------------------------------------------------------------------------
-- Bucket
-- -----------------------------------------------------------------------------

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('attachments', 'attachments', false, 26214400, private.attachment_mime_types())
on conflict (id) do update
  set public = false,
      file_size_limit = excluded.file_size_limit,
      allowed_mime_types = excluded.allowed_mime_types;

-- -----------------------------------------------------------------------------
-- Table
-- -----------------------------------------------------------------------------

create table public.attachments (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null,
  request_id uuid not null,
  event_id uuid,
  object_path text not null
    constraint attachments_object_path_key unique,
  file_name text not null
    constraint attachments_file_name_length check (char_length(file_name) between 1 and 255),
  mime_type text not null
    constraint attachments_mime_type_allowed check (mime_type = any (private.attachment_mime_types())),
  size_bytes bigint not null
    constraint attachments_size_bytes_range check (size_bytes between 1 and 26214400),
  sha256 text not null
    constraint attachments_sha256_format check (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint attachments_id_request_key unique (id, request_id),
  constraint attachments_request_fkey foreign key (request_id, organisation_id)
    references public.records_requests (id, organisation_id) on delete cascade,
  constraint attachments_event_fkey foreign key (event_id, request_id)
    references public.request_events (id, request_id) on delete cascade,
  constraint attachments_object_path_in_request_folder check (
    object_path ~ '^[^/]+/[^/]+/[^/]+$'
    and split_part(object_path, '/', 1) = organisation_id::text
    and split_part(object_path, '/', 2) = request_id::text
  )
);
comment on table public.attachments is
  'A response document stored in the private attachments bucket at <organisation_id>/<request_id>/<file>, '
  'with its SHA-256, size and MIME type, optionally linked to the event it arrived with.';
comment on column public.attachments.object_path is 'Object name inside the attachments bucket.';
comment on column public.attachments.file_name is 'The name to show and download as (the object name may differ).';
comment on column public.attachments.sha256 is 'Lower-case hex SHA-256 of the file, computed by the client before upload.';
comment on column public.attachments.event_id is 'The timeline event the document came with (e.g. records_released).';

create index attachments_organisation_id_idx on public.attachments (organisation_id);
create index attachments_request_id_idx on public.attachments (request_id, organisation_id);
create index attachments_event_id_idx on public.attachments (event_id, request_id) where event_id is not null;
create index attachments_uploaded_by_idx on public.attachments (uploaded_by);

alter table public.attachments enable row level security;

-- -----------------------------------------------------------------------------
-- Triggers
-- -----------------------------------------------------------------------------

create trigger attachments_fill_organisation
  before insert on public.attachments
  for each row execute function private.fill_organisation_from_request();
comment on trigger attachments_fill_organisation on public.attachments is 'organisation_id defaults to the request''s.';

create trigger attachments_file_facts_unchanged
  before update on public.attachments
  for each row execute function private.keep_columns_unchanged(
    'id', 'organisation_id', 'request_id', 'object_path', 'mime_type', 'size_bytes', 'sha256', 'uploaded_by', 'created_at');
comment on trigger attachments_file_facts_unchanged on public.attachments is
  'Only the display name and the linked event can change; the file facts are fixed.';

create or replace function private.audit_attachment_deleted()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if private.organisation_exists(old.organisation_id)
     and exists (select 1 from public.records_requests as r where r.id = old.request_id) then
    perform private.record_audit_event(old.organisation_id, 'attachment.deleted', 'attachments', old.id::text,
      jsonb_build_object('request_id', old.request_id, 'object_path', old.object_path, 'sha256', old.sha256));
  end if;
  return null;
end;
$$;
comment on function private.audit_attachment_deleted() is
  'AFTER DELETE trigger on attachments: logs a deleted document (not when its request was deleted, which is logged).';

create trigger attachments_audit_deletion
  after delete on public.attachments
  for each row execute function private.audit_attachment_deleted();
comment on trigger attachments_audit_deletion on public.attachments is 'Deleting a document is logged.';

-- -----------------------------------------------------------------------------
-- Privileges and policies: table
-- -----------------------------------------------------------------------------

revoke all on table public.attachments from public, anon, authenticated;
grant select, insert, update, delete on table public.attachments to authenticated;
grant all on table public.attachments to service_role;

create policy "Attachments are visible to org members"
  on public.attachments for select to authenticated
  using (private.has_role_on_organisation(organisation_id));

create policy "Attachments can be added by org editors, as themselves"
  on public.attachments for insert to authenticated
  with check (
    private.has_role_on_organisation(organisation_id, 'editor')
    and uploaded_by = (select auth.uid())
  );

create policy "Attachments can be relabelled by org editors"
  on public.attachments for update to authenticated
  using (private.has_role_on_organisation(organisation_id, 'editor'))
  with check (private.has_role_on_organisation(organisation_id, 'editor'));

create policy "Attachments can be deleted by org editors"
  on public.attachments for delete to authenticated
  using (private.has_role_on_organisation(organisation_id, 'editor'));

-- -----------------------------------------------------------------------------
-- Privileges and policies: storage objects
-- -----------------------------------------------------------------------------

create or replace function private.can_write_attachment_object(object_name text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  folders text[] := storage.foldername(object_name);
  folder_organisation_id uuid := private.safe_uuid(folders[1]);
  folder_request_id uuid := private.safe_uuid(folders[2]);
begin
  return cardinality(folders) = 2
    and private.has_role_on_organisation(folder_organisation_id, 'editor')
    and exists (
      select 1 from public.records_requests as r
      where r.id = folder_request_id and r.organisation_id = folder_organisation_id
    );
end;
$$;
comment on function private.can_write_attachment_object(text) is
  'Whether the caller may write the attachments object <organisation_id>/<request_id>/<file>: an editor of that '
  'organisation, and the request exists in it.';

grant execute on function private.can_write_attachment_object(text) to authenticated, service_role;

create policy "Attachment files are visible to members of the owning organisation"
  on storage.objects for select to authenticated
  using (
    bucket_id = 'attachments'
    and private.has_role_on_organisation(private.safe_uuid((storage.foldername(name))[1]))
  );

create policy "Attachment files can be uploaded by org editors into a request folder"
  on storage.objects for insert to authenticated
  with check (bucket_id = 'attachments' and private.can_write_attachment_object(name));

create policy "Attachment files can be replaced by org editors"
  on storage.objects for update to authenticated
  using (bucket_id = 'attachments' and private.can_write_attachment_object(name))
  with check (bucket_id = 'attachments' and private.can_write_attachment_object(name));

-- Deleting needs no live request, so editors can still clear files left behind by a deleted request.
create policy "Attachment files can be deleted by org editors"
  on storage.objects for delete to authenticated
  using (
    bucket_id = 'attachments'
    and private.has_role_on_organisation(private.safe_uuid((storage.foldername(name))[1]), 'editor')
  );

revoke execute on all functions in schema private from public;
