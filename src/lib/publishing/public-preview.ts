/**
 * What publishing a request adds to the public counts, worked out from its
 * findings the way the public aggregate functions count them
 * (supabase/migrations/20261125100900_public_aggregates.sql): per sharing
 * agency, per data category (a finding naming several counts in each), per
 * legal process cited and per recipient, people and records summed where
 * known, and the period the findings cover. Nothing else of a request is ever
 * public. Pure.
 */
import type { Enums } from '$lib/database.types';

export interface PreviewFinding {
	agencyName: string;
	dataCategories: readonly Enums<'data_category'>[];
	peopleCount: number | null;
	recordsCount: number | null;
	legalProcess: Enums<'legal_process'>;
	recipient: Enums<'enforcement_recipient'>;
	periodStart: string | null;
	periodEnd: string | null;
}

export interface PreviewCount<K extends string = string> {
	key: K;
	findings: number;
	/** Sum of the known counts; `unknownPeople` findings left it unknown. */
	people: number;
	records: number;
	unknownPeople: number;
	unknownRecords: number;
}

export interface PublicPreview {
	total: PreviewCount<'all'>;
	byAgency: PreviewCount[];
	byCategory: PreviewCount<Enums<'data_category'>>[];
	byLegalProcess: PreviewCount<Enums<'legal_process'>>[];
	byRecipient: PreviewCount<Enums<'enforcement_recipient'>>[];
	/** Earliest start and latest end any finding gives (null when none gives one). */
	periodStart: string | null;
	periodEnd: string | null;
}

function counted<K extends string>(groups: Map<K, PreviewCount<K>>, key: K, finding: PreviewFinding): void {
	const group = groups.get(key) ?? { key, findings: 0, people: 0, records: 0, unknownPeople: 0, unknownRecords: 0 };
	group.findings += 1;
	if (finding.peopleCount === null) group.unknownPeople += 1;
	else group.people += finding.peopleCount;
	if (finding.recordsCount === null) group.unknownRecords += 1;
	else group.records += finding.recordsCount;
	groups.set(key, group);
}

/** Most findings first, then by key, so the list reads the same every time. */
function ordered<K extends string>(groups: Map<K, PreviewCount<K>>): PreviewCount<K>[] {
	return [...groups.values()].sort((a, b) => b.findings - a.findings || a.key.localeCompare(b.key));
}

function earliest(dates: (string | null)[]): string | null {
	return dates.reduce<string | null>((min, date) => (date !== null && (min === null || date < min) ? date : min), null);
}

function latest(dates: (string | null)[]): string | null {
	return dates.reduce<string | null>((max, date) => (date !== null && (max === null || date > max) ? date : max), null);
}

export function publicPreview(findings: readonly PreviewFinding[]): PublicPreview {
	const total = new Map<'all', PreviewCount<'all'>>();
	const byAgency = new Map<string, PreviewCount>();
	const byCategory = new Map<Enums<'data_category'>, PreviewCount<Enums<'data_category'>>>();
	const byLegalProcess = new Map<Enums<'legal_process'>, PreviewCount<Enums<'legal_process'>>>();
	const byRecipient = new Map<Enums<'enforcement_recipient'>, PreviewCount<Enums<'enforcement_recipient'>>>();
	for (const finding of findings) {
		counted(total, 'all', finding);
		counted(byAgency, finding.agencyName, finding);
		for (const category of new Set(finding.dataCategories)) counted(byCategory, category, finding);
		counted(byLegalProcess, finding.legalProcess, finding);
		counted(byRecipient, finding.recipient, finding);
	}
	return {
		total: total.get('all') ?? { key: 'all', findings: 0, people: 0, records: 0, unknownPeople: 0, unknownRecords: 0 },
		byAgency: ordered(byAgency),
		byCategory: ordered(byCategory),
		byLegalProcess: ordered(byLegalProcess),
		byRecipient: ordered(byRecipient),
		periodStart: earliest(findings.map((f) => f.periodStart)),
		periodEnd: latest(findings.map((f) => f.periodEnd))
	};
}
