import { describe, expect, it } from 'vitest';
import type { AgencyChannel } from '$lib/filing/types';
import { draftDisplayTitle, editableFields, parseDollars, rawFromValues, valuesFromRaw } from './letter-values';
import { estimateDeadline, letterFor } from './letter-engine';

const cdle: AgencyChannel = {
	id: 'a1',
	name: 'Colorado Department of Labor and Employment',
	abbreviation: 'CDLE',
	regime: 'CORA',
	requestEmail: 'cdle_cora@state.co.us',
	portalUrl: null,
	mailingAddress: null,
	phoneOrFax: null,
	receiptCutoff: null
};
const complete = {
	letter_date: '2026-11-25',
	requester_name: 'Ana Reyes',
	requester_contact: 'ana@example.org',
	subject_summary: 'ICE subpoenas',
	records_description: 'Every subpoena.',
	date_range_start: '2025-01-01',
	date_range_end: '2025-06-30'
};

describe('composer values', () => {
	it('never asks the user for the agency fields: they come from the chosen agency', () => {
		expect(editableFields('initial_request').map((f) => f.key)).not.toContain('agency_name');
	});

	it('turns dollars into cents and lines into lists, and back', () => {
		const { values, problems } = valuesFromRaw({ fee_notice_threshold: '$1,250.5', record_types: 'emails\nlogs', subject_summary: 'x', custodian_name: '  ' });
		expect(values).toEqual({ fee_notice_threshold: 125050, record_types: ['emails', 'logs'], subject_summary: 'x' });
		expect(problems).toEqual({});
		expect(rawFromValues(values)).toEqual({ fee_notice_threshold: '1250.50', record_types: 'emails\nlogs', subject_summary: 'x' });
	});

	it('keeps text that is not an amount or a date as typed, and says which', () => {
		expect(parseDollars('fifty')).toBeNull();
		const { values, problems } = valuesFromRaw({ fee_notice_threshold: 'fifty', letter_date: '25/11/2026' });
		expect(values).toEqual({ fee_notice_threshold: 'fifty', letter_date: '25/11/2026' });
		expect(problems).toEqual({ fee_notice_threshold: 'money', letter_date: 'date' });
	});

	it('renders the exact letter for an agency, with its name and channel', () => {
		const letter = letterFor('initial_request', complete, cdle);
		expect(letter.ok).toBe(true);
		if (letter.ok) expect(letter.text).toContain('C.R.S. 24-72-201');
		if (letter.ok) expect(letter.text).toContain('Colorado Department of Labor and Employment');
	});

	it('names what is missing instead of a letter with gaps, ignoring fields of other letters', () => {
		const letter = letterFor('initial_request', { ...complete, subject_summary: '', requesting_entity: 'ICE' }, null);
		expect(letter).toMatchObject({ ok: false, missing: ['agency_name', 'subject_summary'] });
	});

	it('estimates a CORA due date from today, and gives none under CCJRA', () => {
		const estimate = estimateDeadline('CORA', '2026-11-24', 'es');
		expect(estimate).toMatchObject({ kind: 'estimate', citation: 'C.R.S. 24-72-201 to -206' });
		if (estimate.kind === 'estimate') expect(estimate.lines.at(-1)).toMatch(/^Vence: /);
		expect(estimateDeadline('CCJRA', '2026-11-24', 'en')).toEqual({ kind: 'no_statutory_date', citation: 'C.R.S. 24-72-301 et seq.' });
	});

	it('lists a draft by its name, else its subject, else its letter type', () => {
		expect(draftDisplayTitle(' Mine ', 'initial_request', {}, 'en')).toBe('Mine');
		expect(draftDisplayTitle('', 'initial_request', { subject_summary: 'ICE' }, 'en')).toBe('ICE');
		expect(draftDisplayTitle('', 'initial_request', {}, 'es')).toBe('Solicitud de registros (CORA)');
	});
});
