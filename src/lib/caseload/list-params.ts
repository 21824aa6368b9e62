/**
 * The list's state lives in the URL (so filters, search and pages work as
 * plain links and GET forms, without JavaScript): `section`, `q`, `org`, `page`.
 */
import { isCaseloadFilter, type CaseloadFilter } from './section-names';
import { cleanSearch } from './search-terms';

export const PAGE_SIZE = 50;

export interface ListParams {
	filter: CaseloadFilter;
	search: string;
	/** One organisation, or null for all of the user's. */
	organisationId: string | null;
	page: number;
}

export function readListParams(url: URL, organisationIds: readonly string[]): ListParams {
	const section = url.searchParams.get('section');
	const org = url.searchParams.get('org');
	const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
	return {
		filter: isCaseloadFilter(section) ? section : 'open',
		search: cleanSearch(url.searchParams.get('q')),
		organisationId: org && organisationIds.includes(org) ? org : null,
		page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1
	};
}

/** The list URL for these params; defaults are left out so links stay short. */
export function listHref(params: ListParams, base = '/app/requests'): string {
	const query = new URLSearchParams();
	if (params.filter !== 'open') query.set('section', params.filter);
	if (params.search) query.set('q', params.search);
	if (params.organisationId) query.set('org', params.organisationId);
	if (params.page > 1) query.set('page', String(params.page));
	const text = query.toString();
	return text ? `${base}?${text}` : base;
}

export function pageCount(total: number, pageSize = PAGE_SIZE): number {
	return Math.max(1, Math.ceil(total / pageSize));
}
