/**
 * Who may do what with a request draft, as the UI needs to know it before any
 * query runs (the row-level security policies in `supabase/migrations` decide).
 * Apart from `drafts.ts` so that pages can ask without loading the queries.
 */

/** Whether a member with `role` may delete a draft written by `createdBy` (the delete policy, for the UI). */
export function mayDeleteDraft(role: 'owner' | 'editor' | 'viewer' | null | undefined, createdBy: string | null | undefined, userId: string): boolean {
	if (role === 'owner') return true;
	// A draft that never left this device (no author known yet) was written here, by this user.
	return role === 'editor' && (createdBy === undefined || createdBy === userId);
}
