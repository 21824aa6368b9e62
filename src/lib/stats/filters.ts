/**
 * The /stats filters as URL parameters, so every view is a permalink:
 * ?agency=<id>&from=2025-Q1&to=2025-Q4&category=address&legal=administrative_subpoena.
 * Periods are whole quarters (the database publishes nothing finer). A value
 * that is not valid is dropped and reported, never passed on.
 */
export const CATEGORIES = ['address', 'employer', 'wage_records', 'driver_licence_or_photo', 'ssn', 'phone_or_email', 'benefits', 'immigration_status', 'other'] as const;
export const LEGAL_PROCESSES = ['judicial_warrant', 'court_order', 'administrative_subpoena', 'none_cited', 'unknown'] as const;

export interface StatsFilters {
	agency: string | null;
	from: string | null;
	to: string | null;
	category: (typeof CATEGORIES)[number] | null;
	legal: (typeof LEGAL_PROCESSES)[number] | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The first (or last) day of a quarter written 2025-Q3. */
export function quarterDay(quarter: string, end: boolean): string | null {
	const m = QUARTER.exec(quarter);
	if (!m) return null;
	const year = Number(m[1]);
	const q = Number(m[2]);
	if (!end) return `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
	const lastDay = [31, 30, 30, 31][q - 1];
	return `${year}-${String(q * 3).padStart(2, '0')}-${lastDay}`;
}

export function parseFilters(params: URLSearchParams): { filters: StatsFilters; invalid: string[] } {
	const invalid: string[] = [];
	const pick = <T extends string>(name: string, ok: (v: string) => boolean): T | null => {
		const value = params.get(name);
		if (value === null || value === '') return null;
		if (ok(value)) return value as T;
		invalid.push(name);
		return null;
	};
	const filters: StatsFilters = {
		agency: pick('agency', (v) => UUID.test(v)),
		from: pick('from', (v) => QUARTER.test(v)),
		to: pick('to', (v) => QUARTER.test(v)),
		category: pick('category', (v) => (CATEGORIES as readonly string[]).includes(v)),
		legal: pick('legal', (v) => (LEGAL_PROCESSES as readonly string[]).includes(v))
	};
	if (filters.from && filters.to && filters.from > filters.to) {
		invalid.push('to');
		filters.to = null;
	}
	return { filters, invalid };
}

/** The arguments of public.public_disclosure_stats for these filters. */
export function rpcArguments(f: StatsFilters) {
	return {
		p_agency: f.agency ?? undefined,
		p_from: f.from ? (quarterDay(f.from, false) ?? undefined) : undefined,
		p_to: f.to ? (quarterDay(f.to, true) ?? undefined) : undefined,
		p_category: f.category ?? undefined,
		p_legal_process: f.legal ?? undefined
	};
}

/** The canonical query string of a view (its cache key and its permalink). */
export function filtersQuery(f: StatsFilters): string {
	const params = new URLSearchParams();
	if (f.agency) params.set('agency', f.agency);
	if (f.from) params.set('from', f.from);
	if (f.to) params.set('to', f.to);
	if (f.category) params.set('category', f.category);
	if (f.legal) params.set('legal', f.legal);
	const text = params.toString();
	return text ? `?${text}` : '';
}
