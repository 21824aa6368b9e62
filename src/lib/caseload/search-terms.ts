/**
 * The search box as PostgREST terms: title and tracking number by substring
 * (ilike), a topic tag by exact value (cs), agencies by the ids whose names
 * matched. Characters that carry meaning in a logic tree are dropped.
 */

/** Trimmed, at most 100 characters, without , ( ) " \ * % : { } (PostgREST syntax and wildcards). */
export function cleanSearch(raw: string | null | undefined): string {
	return (raw ?? '')
		.replace(/[,()"\\*%:{}]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 100);
}

/** One `or(…)` term over the request's own columns, plus `agency_id.in.(…)` when agencies matched. Null when the query is empty. */
export function searchTerm(query: string, agencyIds: readonly string[] = []): string | null {
	const q = cleanSearch(query);
	if (!q) return null;
	const terms = [`title.ilike."*${q}*"`, `agency_tracking_number.ilike."*${q}*"`, `topic_tags.cs.{"${q}"}`];
	if (agencyIds.length > 0) terms.push(`agency_id.in.(${agencyIds.join(',')})`);
	return `or(${terms.join(',')})`;
}
