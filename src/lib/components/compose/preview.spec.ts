import { describe, expect, it } from 'vitest';
import type { AgencyChannel } from '$lib/filing/types';
import * as engine from './letter-engine';
import { computePreview, currentPreview, type PreviewInput } from './preview';

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
const values = {
	letter_date: '2026-11-25',
	requester_name: 'Ana Reyes',
	requester_contact: 'ana@example.org',
	subject_summary: 'ICE subpoenas',
	records_description: 'Every subpoena.',
	date_range_start: '2025-01-01',
	date_range_end: '2025-06-30'
};
const input: PreviewInput = { templateId: 'initial_request', values, agencies: [cdle], today: '2026-11-24', locale: 'en' };

describe('composer preview', () => {
	it('has the letter for each agency and before any, the due date at each, and says when all are complete', () => {
		const preview = computePreview(engine, input);
		expect(preview.letters['a1']).toMatchObject({ ok: true });
		expect(preview.letters['']).toMatchObject({ ok: false, missing: ['agency_name'] });
		expect(preview.deadlines['a1']).toMatchObject({ kind: 'estimate', dueDate: '2026-11-30', dueDay: expect.stringContaining('30') });
		expect(preview.complete).toBe(true);
		expect(computePreview(engine, { ...input, agencies: [] }).complete).toBe(false);
		expect(computePreview(engine, { ...input, values: { ...values, subject_summary: '' } }).complete).toBe(false);
	});

	it('shows the server’s preview only for the state it was made for, until the engine has loaded', () => {
		const fromServer = computePreview(engine, input);
		expect(currentPreview(null, input, fromServer)).toBe(fromServer);
		expect(currentPreview(null, { ...input, values: { ...values, subject_summary: 'Other' } }, fromServer)).toBeNull();
		expect(currentPreview(null, { ...input, locale: 'es' }, fromServer)).toBeNull();
		expect(currentPreview(engine, { ...input, values: { ...values, subject_summary: 'Other' } }, fromServer)?.letters['a1']).toMatchObject({
			ok: true,
			subject: 'Colorado Open Records Act request: Other'
		});
	});
});
