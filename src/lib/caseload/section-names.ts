/**
 * The caseload's section names and filters, apart from the status rules in
 * sections.ts (which need the CORA engine): the list's links need only these.
 */
export const CASELOAD_SECTIONS = ['overdue', 'due_soon', 'waiting_on_us', 'waiting_on_agency', 'closed'] as const;
export type CaseloadSection = (typeof CASELOAD_SECTIONS)[number];

/** What the list shows: one section, or every request not closed ("open", the default). */
export type CaseloadFilter = CaseloadSection | 'open';
export const CASELOAD_FILTERS: readonly CaseloadFilter[] = ['open', ...CASELOAD_SECTIONS];

export function isCaseloadFilter(value: unknown): value is CaseloadFilter {
	return typeof value === 'string' && (CASELOAD_FILTERS as readonly string[]).includes(value);
}
