import { describe, expect, it } from 'vitest';
import { checkFindingForm } from './finding-form';

const context = { id: 'f-1', requestId: 'r-1', organisationId: 'o-1', attachmentIds: ['a-1'] };

describe('disclosure finding form', () => {
	it('turns a complete form into a finding row', () => {
		const result = checkFindingForm(
			{ categories: ['address', 'employer'], people_count: '35', records_unknown: 'on', period_start: '2025-01-01', period_end: '2025-06-30', legal_process: 'administrative_subpoena', recipient: 'ice', source_attachment_id: 'a-1', source_page: '4', summary: ' Sponsors ' },
			context
		);
		expect(result).toEqual({
			ok: true,
			row: {
				id: 'f-1', organisation_id: 'o-1', request_id: 'r-1', data_categories: ['address', 'employer'], people_count: 35, records_count: null,
				period_start: '2025-01-01', period_end: '2025-06-30', legal_process: 'administrative_subpoena', recipient: 'ice', source_attachment_id: 'a-1', source_page: 4, summary: 'Sponsors'
			}
		});
	});

	it('explains each problem in words: nothing chosen, negative counts, a period ending before it starts', () => {
		const result = checkFindingForm({ categories: [], people_count: '-2', records_count: '1.5', period_start: '2025-06-01', period_end: '2025-01-01' }, context);
		expect(result).toEqual({
			ok: false,
			errors: {
				categories: 'tracking.finding.error.noCategory',
				people_count: 'tracking.finding.error.negative',
				records_count: 'tracking.finding.error.wholeNumber',
				period_end: 'tracking.finding.error.periodOrder'
			}
		});
	});

	it('asks for a number or "unknown" for each count', () => {
		const result = checkFindingForm({ categories: ['ssn'] }, context);
		expect(result).toEqual({ ok: false, errors: { people_count: 'tracking.finding.error.countMissing', records_count: 'tracking.finding.error.countMissing' } });
	});

	it('needs the document for a page, a page from 1, and a document of this request', () => {
		const base = { categories: ['ssn'], people_unknown: 'on', records_unknown: 'on' };
		expect(checkFindingForm({ ...base, source_page: '3' }, context)).toEqual({ ok: false, errors: { source_page: 'tracking.finding.error.pageNeedsDocument' } });
		expect(checkFindingForm({ ...base, source_attachment_id: 'a-1', source_page: '0' }, context)).toEqual({ ok: false, errors: { source_page: 'tracking.finding.error.page' } });
		expect(checkFindingForm({ ...base, source_attachment_id: 'other' }, context)).toEqual({ ok: false, errors: { source_attachment_id: 'tracking.finding.error.attachment' } });
	});

	it('refuses a category or legal process that is not on the list', () => {
		expect(checkFindingForm({ categories: ['shoe_size'], people_unknown: 'on', records_unknown: 'on', legal_process: 'vibes' }, context)).toEqual({
			ok: false,
			errors: { categories: 'tracking.finding.error.category', legal_process: 'tracking.finding.error.choice' }
		});
	});
});
