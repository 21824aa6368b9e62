import { describe, expect, it } from 'vitest';
import { agencyAddress, letterForAgency, valuesForAgency } from './agency-letter';
import { isBatchFiled, planBatch } from './batch-plan';
import { CBI, CDLE, CDOR, draftFor } from './test-fixtures';

describe('one letter per agency', () => {
	it('addresses each letter to its own agency, with the directory’s address', () => {
		const draft = draftFor([CDOR, CDLE]);
		const cdor = letterForAgency(draft, CDOR);
		const cdle = letterForAgency(draft, CDLE);
		expect(cdor.ok && cdor.text).toContain('Colorado Department of Revenue');
		expect(cdor.ok && cdor.text).toContain('1375 Sherman St');
		expect(cdle.ok && cdle.text).toContain('Colorado Department of Labor and Employment');
		expect(cdle.ok && cdle.text).not.toContain('typed by the user');
	});

	it('never invents an address: none in the directory means none in a batch letter', () => {
		const draft = draftFor([CDOR, CBI], { agency_address: '1375 Sherman St' });
		expect(agencyAddress(CBI)).toBeNull();
		expect(valuesForAgency(draft, CBI).agency_address).toBeUndefined();
		// A single-agency draft keeps what the user typed.
		expect(valuesForAgency(draftFor([CBI], { agency_address: 'PO Box 1' }), CBI).agency_address).toBe('PO Box 1');
	});

	it('uses the request email as the address when there is no postal one', () => {
		expect(agencyAddress({ ...CDOR, mailingAddress: null })).toBe('dor_cora@state.co.us');
	});

	it('drops keys the template does not know instead of failing', () => {
		const result = letterForAgency(draftFor([CDOR], { composer_step: 3 }), CDOR);
		expect(result.ok).toBe(true);
	});

	it('reports a missing required field by name', () => {
		const result = letterForAgency(draftFor([CDOR], { requester_name: '' }), CDOR);
		expect(result).toMatchObject({ ok: false, missing: ['requester_name'] });
	});
});

describe('planBatch', () => {
	it('makes one card per agency in the draft’s order, with a mailto only for email', () => {
		const draft = draftFor([CDLE, CDOR, CBI]);
		const plan = planBatch(draft, [CDOR, CBI, CDLE]);
		expect(plan.batchId).toBe(draft.id);
		expect(plan.cards.map((card) => [card.agency.abbreviation, card.channel, card.mailto !== null])).toEqual([
			['CDLE', 'portal', false],
			['CDOR', 'email', true],
			['CBI', 'unknown', false]
		]);
		const mailto = new URL(plan.cards[1]!.mailto!);
		expect(mailto.pathname).toBe('dor_cora@state.co.us');
		expect(mailto.searchParams.get('subject')).toBe('Colorado Open Records Act request: ICE subpoenas received in 2025');
		expect(mailto.searchParams.get('body')).toContain('Every administrative subpoena from ICE');
		// A full CORA letter is longer than some mail apps take in a link.
		expect(plan.cards[1]!.mailtoTooLong).toBe(true);
	});

	it('lists agencies it was not given, and repeats none', () => {
		const draft = { ...draftFor([CDOR]), agencyIds: [CDOR.id, CDOR.id, 'gone'] };
		const plan = planBatch(draft, [CDOR]);
		expect(plan.cards).toHaveLength(1);
		expect(plan.missingAgencyIds).toEqual(['gone']);
	});
});

describe('isBatchFiled', () => {
	it('is true only when every agency of the draft has a recorded send', () => {
		const draft = draftFor([CDOR, CDLE]);
		expect(isBatchFiled(draft, [CDOR.id])).toBe(false);
		expect(isBatchFiled(draft, [CDLE.id, CDOR.id])).toBe(true);
		expect(isBatchFiled({ ...draft, agencyIds: [] }, [])).toBe(false);
	});
});
