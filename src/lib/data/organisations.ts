/** Typed supabase-js queries for organisations and the caller's memberships. */
import type { SupabaseClient } from '@supabase/supabase-js';

export type MemberRole = 'owner' | 'editor' | 'viewer';

export interface MyOrganisation {
	id: string;
	name: string;
	role: MemberRole;
	createdAt: string;
}

export async function listMyOrganisations(supabase: SupabaseClient, userId: string): Promise<MyOrganisation[]> {
	const { data, error } = await supabase
		.from('memberships')
		.select('role, organisation:organisations(id, name, created_at)')
		.eq('user_id', userId)
		.order('created_at', { ascending: true });
	if (error) throw new Error(error.message);
	return (data ?? []).flatMap((row) => {
		const org = row.organisation as unknown as { id: string; name: string; created_at: string } | null;
		return org ? [{ id: org.id, name: org.name, role: row.role as MemberRole, createdAt: org.created_at }] : [];
	});
}

export async function createOrganisation(supabase: SupabaseClient, name: string): Promise<{ id: string; name: string }> {
	const { data, error } = await supabase.rpc('create_organisation', { name }).single();
	if (error) throw new Error(error.message);
	return data as { id: string; name: string };
}
