/**
 * Agencies are per organisation (the global directory plus the organisation's
 * own). When the composer's organisation changes, the chosen agencies that the
 * new organisation's directory also holds stay chosen; the others are dropped,
 * and the caller says which, by name, so nothing is lost without a word.
 */
import type { AgencyChannel } from '$lib/filing/types';

export interface RemovedAgency {
	id: string;
	/** The agency's name (with its abbreviation) as the previous directory knew it; null when no directory did. */
	name: string | null;
}

export interface AgenciesAfterSwitch {
	kept: string[];
	removed: RemovedAgency[];
}

/** "Colorado Department of Revenue (CDOR)". */
export function agencyLabel(agency: Pick<AgencyChannel, 'name' | 'abbreviation'>): string {
	return agency.abbreviation ? `${agency.name} (${agency.abbreviation})` : agency.name;
}

/**
 * Which of `chosen` survive a switch to an organisation whose directory is `next`. Order is kept; duplicates
 * collapse. `previous` (the directory the agencies were chosen from) gives the removed ones their names.
 */
export function agenciesAfterOrganisationSwitch(
	chosen: readonly string[],
	previous: readonly AgencyChannel[],
	next: readonly AgencyChannel[]
): AgenciesAfterSwitch {
	const available = new Set(next.map((agency) => agency.id));
	const kept: string[] = [];
	const removed: RemovedAgency[] = [];
	for (const id of new Set(chosen)) {
		if (available.has(id)) {
			kept.push(id);
			continue;
		}
		const known = previous.find((agency) => agency.id === id);
		removed.push({ id, name: known ? agencyLabel(known) : null });
	}
	return { kept, removed };
}
