/**
 * Typed supabase-js queries for the agency directory as each organisation sees
 * it (`organisation_agencies`: directory agencies and the organisation's own,
 * with its private corrections applied), shaped as the channels filing needs.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { AgencyChannel } from '$lib/filing/types';

type AgencyRow = Database['public']['Views']['organisation_agencies']['Row'];

function toChannel(row: AgencyRow): AgencyChannel | null {
	if (!row.agency_id || !row.name || !row.regime) return null;
	return {
		id: row.agency_id,
		name: row.name,
		abbreviation: row.abbreviation,
		regime: row.regime,
		requestEmail: row.request_email,
		portalUrl: row.portal_url,
		mailingAddress: row.mailing_address,
		phoneOrFax: row.phone_or_fax,
		receiptCutoff: row.receipt_cutoff
	};
}

/** Every agency each of the given organisations can write to, by organisation id, sorted by name. */
export async function listAgencyChannels(
	supabase: SupabaseClient<Database>,
	organisationIds: readonly string[]
): Promise<Record<string, AgencyChannel[]>> {
	const byOrganisation: Record<string, AgencyChannel[]> = Object.fromEntries(organisationIds.map((id) => [id, []]));
	if (organisationIds.length === 0) return byOrganisation;
	const { data, error } = await supabase
		.from('organisation_agencies')
		.select('organisation_id, agency_id, name, abbreviation, regime, request_email, portal_url, mailing_address, phone_or_fax, receipt_cutoff')
		.in('organisation_id', [...organisationIds])
		.order('name', { ascending: true });
	if (error) throw new Error(error.message);
	for (const row of (data ?? []) as AgencyRow[]) {
		const channel = toChannel(row);
		if (channel && row.organisation_id) byOrganisation[row.organisation_id]?.push(channel);
	}
	return byOrganisation;
}

/** Whether an agency matches what the user typed in the search box (name or abbreviation, any case). */
export function agencyMatches(agency: AgencyChannel, query: string): boolean {
	const wanted = query.trim().toLowerCase();
	if (wanted === '') return true;
	return agency.name.toLowerCase().includes(wanted) || (agency.abbreviation ?? '').toLowerCase().includes(wanted);
}
