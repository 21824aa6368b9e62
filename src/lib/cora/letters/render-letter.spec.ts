import { describe, expect, it } from 'vitest';
import { LETTER_TEMPLATE_IDS, LETTER_TEMPLATES } from './letter-templates';
import type { LetterFieldValues, LetterTemplateId } from './letter-types';
import { renderLetter } from './render-letter';

/** A value for every field any template uses. */
const ALL_VALUES: Record<string, string | number | string[]> = {
	letter_date: '2025-11-03',
	agency_name: 'Colorado Department of Labor and Employment',
	custodian_name: 'CORA Custodian',
	agency_address: 'cdle_cora@state.co.us',
	requester_name: 'Ana Torres',
	requester_organization: 'Front Range Immigrant Alliance',
	requester_contact: 'ana@example.org\n303-555-0100',
	subject_summary: 'immigration enforcement subpoenas received in 2025',
	records_description: 'All administrative subpoenas received from DHS components.',
	record_types: ['subpoenas', 'emails'],
	subjects: ['U.S. Immigration and Customs Enforcement'],
	date_range_start: '2025-01-01',
	date_range_end: '2025-10-31',
	search_terms: ['ICE', 'HSI'],
	fee_waiver_reason: 'the records concern how the state protects residents’ data, a matter of public interest',
	fee_notice_threshold: 5000,
	additional_records: 'Training materials on SB21-131.',
	arrangement_description: 'the Immigration Enforcement Subpoena served on the agency in April 2025',
	requesting_entity: 'U.S. Immigration and Customs Enforcement',
	arrangement_date: '2025-04-24',
	reference_number: 'CORA-2025-117',
	request_date: '2025-10-20',
	missed_deadline: '2025-10-23',
	denial_date: '2025-10-24',
	withheld_records: 'All responsive emails.',
	grievance: 'The agency denied the request without citing any exemption.',
	expedited_reason: 'A hearing on these records is scheduled for November 10, 2025.'
};

function valuesFor(id: LetterTemplateId, overrides: LetterFieldValues = {}): LetterFieldValues {
	const keys = LETTER_TEMPLATES[id].fields.map((f) => f.key);
	return { ...Object.fromEntries(keys.map((k) => [k, ALL_VALUES[k]])), ...overrides };
}

const MUST_CONTAIN: Record<LetterTemplateId, string[]> = {
	initial_request: ['C.R.S. 24-72-201 et seq.', 'January 1, 2025 to October 31, 2025', '"HSI"', 'three working days', '$50.00', 'segregable', 'SB17-040'],
	immigration_enforcement_records: ['C.R.S. 24-74-106', "Governor's Office of Legal Counsel", 'attestation', 'whatever the reporting period', 'redact'],
	subpoena_or_data_sharing: ['dated April 24, 2025', 'reference CORA-2025-117', 'court-issued subpoena, warrant or order', 'C.R.S. 24-74-106'],
	overdue_follow_up: ['due by October 23, 2025', 'October 20, 2025', 'CORA-2025-117'],
	denial_grounds_request: ['C.R.S. 24-72-204(4)', 'October 24, 2025', 'index', 'segregable'],
	notice_of_intent: ['C.R.S. 24-72-204(5)', 'fourteen days', 'before November 17, 2025', 'HB17-1177', 'attorney fees'],
	notice_of_intent_expedited: ['three business days', 'before November 6, 2025', 'A hearing on these records']
};

describe('every template renders with all its fields', () => {
	it.each(LETTER_TEMPLATE_IDS.map((id) => [id]))('%s', (id) => {
		const result = renderLetter(id, valuesFor(id));
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		for (const phrase of MUST_CONTAIN[id]) expect(result.text).toContain(phrase);
		expect(result.text).toContain('Dear CORA Custodian:');
		expect(result.text).toContain('Ana Torres\nFront Range Immigrant Alliance\nana@example.org');
		expect(result.text.startsWith('November 3, 2025')).toBe(true);
		expect(result.text).not.toMatch(/undefined|null|NaN|\{\{|\[object/);
		expect(result.subject.trim()).not.toBe('');
	});

	it.each(LETTER_TEMPLATE_IDS.map((id) => [id]))('%s renders with only its required fields, without gaps', (id) => {
		const required = Object.fromEntries(LETTER_TEMPLATES[id].fields.filter((f) => f.required).map((f) => [f.key, ALL_VALUES[f.key]]));
		const result = renderLetter(id, required);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result.text).toContain('Dear Records Custodian:');
		expect(result.text).not.toMatch(/undefined|null|NaN|\n\n\n|\(\)|: \./);
	});
});

const REQUIRED_CASES = LETTER_TEMPLATE_IDS.flatMap((id) =>
	LETTER_TEMPLATES[id].fields.filter((f) => f.required).map((f) => [id, f.key] as const)
);

describe('each missing required field is reported by name', () => {
	it.each(REQUIRED_CASES)('%s without %s', (id, key) => {
		for (const blank of [undefined, '', '   ', null]) {
			const result = renderLetter(id, valuesFor(id, { [key]: blank }));
			expect(result.ok).toBe(false);
			if (result.ok) return;
			expect(result.missing).toEqual([key]);
			expect(result.errors).toEqual([expect.objectContaining({ field: key, code: 'missing' })]);
		}
	});

	it('reports several missing fields at once', () => {
		const result = renderLetter('initial_request', {});
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.missing).toEqual(LETTER_TEMPLATES.initial_request.fields.filter((f) => f.required).map((f) => f.key));
	});
});

describe('invalid values are errors', () => {
	it.each<[LetterTemplateId, LetterFieldValues, string, string]>([
		['initial_request', { date_range_start: '2025-02-30' }, 'date_range_start', 'invalid_date'],
		['initial_request', { letter_date: 20251103 }, 'letter_date', 'wrong_type'],
		['initial_request', { fee_notice_threshold: 50.5 }, 'fee_notice_threshold', 'invalid_money'],
		['initial_request', { fee_notice_threshold: '50' }, 'fee_notice_threshold', 'wrong_type'],
		['initial_request', { search_terms: 'ICE' }, 'search_terms', 'wrong_type'],
		['initial_request', { records_description: ['a'] }, 'records_description', 'wrong_type'],
		['initial_request', { date_range_start: '2025-11-01' }, 'date_range_end', 'invalid_range'],
		['initial_request', { favourite_colour: 'blue' }, 'favourite_colour', 'unknown_field'],
		['overdue_follow_up', { missed_deadline: '2025-11-03' }, 'missed_deadline', 'not_yet_overdue'],
		['overdue_follow_up', { missed_deadline: '2025-10-01' }, 'missed_deadline', 'invalid_range'],
		['denial_grounds_request', { denial_date: '2025-10-01' }, 'denial_date', 'invalid_range'],
		['notice_of_intent', { letter_date: '2101-01-05' }, 'letter_date', 'invalid_date']
	])('%s with %j → %s %s', (id, overrides, field, code) => {
		const result = renderLetter(id, valuesFor(id, overrides));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors[0]).toMatchObject(code === 'invalid_date' && field === 'letter_date' ? { code } : { field, code });
	});

	it('rejects an unknown template', () => {
		expect(renderLetter('thank_you_note', {})).toEqual({
			ok: false,
			missing: [],
			errors: [expect.objectContaining({ field: null, code: 'unknown_template' })]
		});
	});
});

describe('notice of intent dates', () => {
	it('follows the chosen calendar for the expedited notice', () => {
		const values = valuesFor('notice_of_intent_expedited', { letter_date: '2021-12-22', request_date: '2021-12-01' });
		const offices = renderLetter('notice_of_intent_expedited', values, { calendar: 'state-offices' });
		const statute = renderLetter('notice_of_intent_expedited', values, { calendar: 'statute' });
		expect(offices.ok && offices.text).toContain('before December 28, 2021');
		expect(statute.ok && statute.text).toContain('before December 27, 2021');
	});
});

describe('template definitions', () => {
	it.each(LETTER_TEMPLATE_IDS.map((id) => [id]))('%s has unique keys and en/es labels and help for every field', (id) => {
		const template = LETTER_TEMPLATES[id];
		const keys = template.fields.map((f) => f.key);
		expect(new Set(keys).size).toBe(keys.length);
		for (const text of [template.title, template.description, ...template.fields.flatMap((f) => [f.label, f.help])]) {
			expect(text.en.trim()).not.toBe('');
			expect(text.es.trim()).not.toBe('');
		}
	});
});
