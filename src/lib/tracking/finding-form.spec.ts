import { describe, expect, it } from 'vitest';
import { checkFindingForm, findingChanges, findingFormValuesOf } from './finding-form';

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

	it('keeps the release a new finding comes from, and refuses an event that is not one of the request\'s releases', () => {
		const base = { categories: ['ssn'], people_unknown: 'on', records_unknown: 'on' };
		const withReleases = { ...context, releaseIds: ['e-release'] };
		const ok = checkFindingForm({ ...base, event_id: 'e-release' }, withReleases);
		expect(ok.ok && ok.row.event_id).toBe('e-release');
		expect(checkFindingForm({ ...base, event_id: 'e-sent' }, withReleases)).toEqual({ ok: false, errors: { event_id: 'tracking.finding.error.release' } });
		const none = checkFindingForm(base, withReleases);
		expect(none.ok && 'event_id' in none.row).toBe(false);
	});

	it('turns a saved finding back into the form it came from, so editing it and saving unchanged changes nothing', () => {
		const saved = {
			data_categories: ['address', 'ssn'] as ('address' | 'ssn')[], people_count: 0, records_count: null, period_start: '2025-01-01', period_end: null,
			legal_process: 'court_order' as const, recipient: 'cbp' as const, source_attachment_id: 'a-1', source_page: 2, summary: 'Two names'
		};
		const values = findingFormValuesOf(saved);
		expect(values).toEqual({
			categories: 'address,ssn', people_count: '0', records_unknown: 'on', period_start: '2025-01-01', legal_process: 'court_order', recipient: 'cbp',
			source_attachment_id: 'a-1', source_page: '2', summary: 'Two names'
		});
		const again = checkFindingForm({ ...values, categories: values.categories!.split(',') }, context);
		expect(again.ok && findingChanges(again.row)).toEqual(saved);
	});

	it('sends only what an edit may change: never the request, organisation, release or id', () => {
		const result = checkFindingForm({ categories: ['ssn'], people_count: '3', records_unknown: 'on', event_id: 'e-1' }, { ...context, releaseIds: ['e-1'] });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(Object.keys(findingChanges(result.row)).sort()).toEqual(
			['data_categories', 'legal_process', 'people_count', 'period_end', 'period_start', 'recipient', 'records_count', 'source_attachment_id', 'source_page', 'summary']
		);
	});
});
