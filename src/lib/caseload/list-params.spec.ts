import { describe, expect, it } from 'vitest';
import { listHref, pageCount, readListParams } from './list-params';
import { searchTerm } from './search-terms';
import { sectionTerm } from './section-filters';

const ORG = '11111111-1111-4111-8111-111111111111';

describe('list parameters in the URL', () => {
	it('reads a section, search, organisation and page', () => {
		const url = new URL(`http://x/app/requests?section=overdue&q=%20Revenue%20&org=${ORG}&page=2`);
		expect(readListParams(url, [ORG])).toEqual({ filter: 'overdue', search: 'Revenue', organisationId: ORG, page: 2 });
	});
	it('falls back to open requests, page 1, all organisations on anything unknown', () => {
		const url = new URL('http://x/app/requests?section=everything&org=someone-else&page=-3');
		expect(readListParams(url, [ORG])).toEqual({ filter: 'open', search: '', organisationId: null, page: 1 });
	});
	it('writes short links and round-trips', () => {
		expect(listHref({ filter: 'open', search: '', organisationId: null, page: 1 })).toBe('/app/requests');
		const href = listHref({ filter: 'due_soon', search: 'ICE 2025', organisationId: ORG, page: 3 });
		expect(readListParams(new URL(`http://x${href}`), [ORG])).toEqual({ filter: 'due_soon', search: 'ICE 2025', organisationId: ORG, page: 3 });
	});
	it('counts pages of 50, at least one', () => {
		expect(pageCount(0)).toBe(1);
		expect(pageCount(50)).toBe(1);
		expect(pageCount(2000)).toBe(40);
	});
});

describe('search and section terms', () => {
	it('searches title, tracking number and tags, and the agencies whose names matched', () => {
		expect(searchTerm('R-2025', ['a1'])).toBe('or(title.ilike."*R-2025*",agency_tracking_number.ilike."*R-2025*",topic_tags.cs.{"R-2025"},agency_id.in.(a1))');
	});
	it('drops characters that would change the filter, and ignores an empty search', () => {
		expect(searchTerm('a,b)(or"*%')).toBe('or(title.ilike."*a b or*",agency_tracking_number.ilike."*a b or*",topic_tags.cs.{"a b or"})');
		expect(searchTerm('  ')).toBeNull();
	});
	it('keeps CCJRA out of overdue and counts the extended deadline first', () => {
		const overdue = sectionTerm('overdue', '2025-11-24', '2025-11-28');
		expect(overdue).toContain('regime.neq.CCJRA');
		expect(overdue).toContain('or(extended_due_on.lt.2025-11-24,and(extended_due_on.is.null,due_on.lt.2025-11-24))');
	});
});
