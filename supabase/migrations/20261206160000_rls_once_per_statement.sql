-- =============================================================================
-- Row-level security evaluated once per statement, not once per row.
--
-- The policies called private.has_role_on_organisation(organisation_id) for
-- every row an index or scan returned (a security-definer function cannot be
-- inlined): at coalition scale most of a page query's time, and a query
-- without an organisation filter became a sequential scan that ran the
-- function for every tenant's rows. Supabase's RLS performance guidance is to
-- wrap such calls in a select so PostgreSQL runs them once per statement
-- (an initplan) and to filter on an indexed column; so every policy now reads
--   organisation_id in (select private.my_organisation_ids(<minimum role>))
-- with the same meaning as before (owner ⊃ editor ⊃ viewer). The storage
-- policies keep their per-object form: their folder name is the key.
-- =============================================================================

create or replace function private.my_organisation_ids(minimum_role public.member_role default 'viewer')
returns setof uuid
rows 5
language sql
stable
security definer
set search_path = ''
as $$
  select m.organisation_id
  from public.memberships as m
  where m.user_id = (select auth.uid())
    and m.role <= my_organisation_ids.minimum_role;
$$;
comment on function private.my_organisation_ids(public.member_role) is
  'The organisations the calling user belongs to with at least the given role (owner ⊃ editor ⊃ viewer). '
  'Policies call it inside a select, so it runs once per statement. Security definer so that the policies '
  'on memberships itself do not recurse; it only ever answers about the caller.';

revoke all on function private.my_organisation_ids(public.member_role) from public;
grant execute on function private.my_organisation_ids(public.member_role) to authenticated, service_role;

-- memberships_user_id_idx serves the function; every organisation_id a policy filters on is indexed.

alter policy "Organisations are visible to their members"
  on public.organisations
  using (id in (select private.my_organisation_ids()));

alter policy "Organisations can be renamed by their owners"
  on public.organisations
  using (id in (select private.my_organisation_ids('owner')))
  with check (id in (select private.my_organisation_ids('owner')));

alter policy "Organisations can be deleted by their owners"
  on public.organisations
  using (id in (select private.my_organisation_ids('owner')));

alter policy "Memberships are visible to members of the same organisation"
  on public.memberships
  using (organisation_id in (select private.my_organisation_ids()));

alter policy "Members can be added by organisation owners"
  on public.memberships
  with check (organisation_id in (select private.my_organisation_ids('owner')));

alter policy "Member roles can be changed by organisation owners"
  on public.memberships
  using (organisation_id in (select private.my_organisation_ids('owner')))
  with check (organisation_id in (select private.my_organisation_ids('owner')));

alter policy "Members can be removed by organisation owners, and anyone can leave"
  on public.memberships
  using (
    organisation_id in (select private.my_organisation_ids('owner'))
    or user_id = (select auth.uid())
  );

alter policy "Audit entries are visible to organisation owners"
  on public.audit_log
  using (organisation_id in (select private.my_organisation_ids('owner')));

alter policy "Invitations are visible to organisation owners"
  on public.invitations
  using (organisation_id in (select private.my_organisation_ids('owner')));

alter policy "Invitations can be revoked by organisation owners"
  on public.invitations
  using (organisation_id in (select private.my_organisation_ids('owner')));

alter policy "Directory agencies are visible to everyone signed in, own agencies to members"
  on public.agencies
  using (organisation_id is null or organisation_id in (select private.my_organisation_ids()));

alter policy "Own agencies can be added by org editors"
  on public.agencies
  with check (organisation_id is not null and organisation_id in (select private.my_organisation_ids('editor')));

alter policy "Own agencies can be edited by org editors"
  on public.agencies
  using (organisation_id is not null and organisation_id in (select private.my_organisation_ids('editor')))
  with check (organisation_id is not null and organisation_id in (select private.my_organisation_ids('editor')));

alter policy "Own agencies can be deleted by org editors"
  on public.agencies
  using (organisation_id is not null and organisation_id in (select private.my_organisation_ids('editor')));

alter policy "Agency corrections are visible to org members"
  on public.agency_overrides
  using (organisation_id in (select private.my_organisation_ids()));

alter policy "Agency corrections can be added by org editors"
  on public.agency_overrides
  with check (organisation_id in (select private.my_organisation_ids('editor')));

alter policy "Agency corrections can be edited by org editors"
  on public.agency_overrides
  using (organisation_id in (select private.my_organisation_ids('editor')))
  with check (organisation_id in (select private.my_organisation_ids('editor')));

alter policy "Agency corrections can be deleted by org editors"
  on public.agency_overrides
  using (organisation_id in (select private.my_organisation_ids('editor')));

alter policy "Requests are visible to org members"
  on public.records_requests
  using (organisation_id in (select private.my_organisation_ids()));

alter policy "Requests can be created by org editors, as themselves"
  on public.records_requests
  with check (
    organisation_id in (select private.my_organisation_ids('editor'))
    and created_by = (select auth.uid())
  );

alter policy "Requests can be edited by org editors"
  on public.records_requests
  using (organisation_id in (select private.my_organisation_ids('editor')))
  with check (organisation_id in (select private.my_organisation_ids('editor')));

alter policy "Drafts can be deleted by org editors, any request by org owners"
  on public.records_requests
  using (
    organisation_id in (select private.my_organisation_ids('owner'))
    or (status = 'draft' and organisation_id in (select private.my_organisation_ids('editor')))
  );

alter policy "Request events are visible to org members"
  on public.request_events
  using (organisation_id in (select private.my_organisation_ids()));

alter policy "Request events can be added by org editors, as themselves"
  on public.request_events
  with check (
    organisation_id in (select private.my_organisation_ids('editor'))
    and author_id = (select auth.uid())
  );

alter policy "Attachments are visible to org members"
  on public.attachments
  using (organisation_id in (select private.my_organisation_ids()));

alter policy "Attachments can be added by org editors, as themselves"
  on public.attachments
  with check (
    organisation_id in (select private.my_organisation_ids('editor'))
    and uploaded_by = (select auth.uid())
  );

alter policy "Attachments can be relabelled by org editors"
  on public.attachments
  using (organisation_id in (select private.my_organisation_ids('editor')))
  with check (organisation_id in (select private.my_organisation_ids('editor')));

alter policy "Attachments can be deleted by org editors"
  on public.attachments
  using (organisation_id in (select private.my_organisation_ids('editor')));

alter policy "Findings are visible to org members"
  on public.disclosure_findings
  using (organisation_id in (select private.my_organisation_ids()));

alter policy "Findings can be recorded by org editors, as themselves"
  on public.disclosure_findings
  with check (
    organisation_id in (select private.my_organisation_ids('editor'))
    and created_by = (select auth.uid())
  );

alter policy "Findings can be edited by org editors"
  on public.disclosure_findings
  using (organisation_id in (select private.my_organisation_ids('editor')))
  with check (organisation_id in (select private.my_organisation_ids('editor')));

alter policy "Findings can be deleted by org editors"
  on public.disclosure_findings
  using (organisation_id in (select private.my_organisation_ids('editor')));

alter policy "Drafts are visible to org members"
  on public.request_drafts
  using (organisation_id in (select private.my_organisation_ids()));

alter policy "Drafts can be created by org editors, as themselves"
  on public.request_drafts
  with check (
    organisation_id in (select private.my_organisation_ids('editor'))
    and created_by = (select auth.uid())
  );

alter policy "Drafts can be edited by org editors"
  on public.request_drafts
  using (organisation_id in (select private.my_organisation_ids('editor')))
  with check (organisation_id in (select private.my_organisation_ids('editor')));

alter policy "Drafts can be deleted by their author or org owners"
  on public.request_drafts
  using (
    organisation_id in (select private.my_organisation_ids('owner'))
    or (created_by = (select auth.uid()) and organisation_id in (select private.my_organisation_ids('editor')))
  );

alter policy "Calendar feeds are visible to the member who created them"
  on public.calendar_feeds
  using (user_id = (select auth.uid()) and organisation_id in (select private.my_organisation_ids()));

alter policy "Calendar feeds can be renamed or revoked by the member who created them"
  on public.calendar_feeds
  using (user_id = (select auth.uid()) and organisation_id in (select private.my_organisation_ids()))
  with check (user_id = (select auth.uid()) and organisation_id in (select private.my_organisation_ids()));
