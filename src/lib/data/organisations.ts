/** Typed supabase-js queries for organisations and the caller's memberships. */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Enums } from '$lib/database.types';

export type MemberRole = Enums<'member_role'>;

export interface MyOrganisation {
	id: string;
	name: string;
	role: MemberRole;
	createdAt: string;
}

export async function listMyOrganisations(supabase: SupabaseClient<Database>, userId: string): Promise<MyOrganisation[]> {
	const { data, error } = await supabase
		.from('memberships')
		.select('role, organisation:organisations(id, name, created_at)')
		.eq('user_id', userId)
		.order('created_at', { ascending: true });
	if (error) throw new Error(error.message);
	return (data ?? []).flatMap((row) =>
		row.organisation ? [{ id: row.organisation.id, name: row.organisation.name, role: row.role, createdAt: row.organisation.created_at }] : []
	);
}

export async function createOrganisation(supabase: SupabaseClient<Database>, name: string): Promise<{ id: string; name: string }> {
	const { data, error } = await supabase.rpc('create_organisation', { name });
	if (error || !data) throw new Error(error?.message ?? 'No organisation was returned');
	return { id: data.id, name: data.name };
}
