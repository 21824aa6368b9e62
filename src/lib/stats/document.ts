/**
 * The public statistics document as public.public_disclosure_stats returns it
 * (supabase/migrations/20261207110000_public_disclosure_stats.sql). People and
 * records counts are already suppressed by the database: a number, "<K" (1 to
 * K-1) or "hidden" (withheld so that no small count can be worked out).
 */
export type SuppressedCount = number | string;

export interface BreakdownRow {
	key: string;
	findings: number;
	people: SuppressedCount;
	records: SuppressedCount;
	findings_with_unknown_people: number;
	findings_with_unknown_records: number;
}

export interface CoraRecord {
	requests: number;
	answered?: number;
	due?: number;
	answered_in_time?: number;
	comparable: boolean;
	on_time_share?: number | null;
	on_time_interval?: [number, number] | null;
	median_days_to_first_response?: number | null;
	/** The same median in working days (weekends and Colorado legal holidays not counted). */
	median_working_days_to_first_response?: number | null;
	outcomes?: Record<'released' | 'partial' | 'no_records' | 'denied' | 'pending' | 'overdue' | 'closed', number>;
}

export interface AgencyRow {
	agency_id: string;
	name: string;
	abbreviation: string | null;
	findings: number;
	people: SuppressedCount;
	records: SuppressedCount;
	legal_process: Record<string, number>;
	cora: CoraRecord;
}

export interface WarrantGroup {
	findings: number;
	people: SuppressedCount;
	records: SuppressedCount;
}

export interface StatsDocument {
	suppression_threshold: number;
	min_requests_to_compare: number;
	filters: { agency: string | null; from: string | null; to: string | null; category: string | null; legal_process: string | null };
	headline: {
		findings: number;
		people: SuppressedCount;
		records: SuppressedCount;
		findings_with_unknown_people: number;
		findings_with_unknown_records: number;
		agencies: number;
		requests_with_findings: number;
		published_requests: number;
		period_start: string | null;
		period_end: string | null;
		latest_response_on: string | null;
	};
	warrant: { court_authorised: WarrantGroup; not_court_authorised: WarrantGroup };
	by_agency: AgencyRow[];
	by_category: BreakdownRow[];
	by_legal_process: BreakdownRow[];
	by_recipient: BreakdownRow[];
	by_quarter: BreakdownRow[];
}

/** A suppressed count in words: the number, "fewer than K", or "hidden". */
export function countInWords(count: SuppressedCount, words: { fewerThan: string; hidden: string }, locale: string): string {
	if (typeof count === 'number') return count.toLocaleString(locale === 'es' ? 'es-US' : 'en-US');
	if (count.startsWith('<')) return words.fewerThan.replace('{k}', count.slice(1));
	return words.hidden;
}
