import { describe, expect, it } from 'vitest';
import type { AgencyChannel } from '$lib/filing/types';
import { agenciesAfterOrganisationSwitch, agencyLabel } from './organisation-switch';

function agency(id: string, name: string, abbreviation: string | null = null): AgencyChannel {
	return { id, name, abbreviation, regime: 'CORA', requestEmail: null, portalUrl: null, mailingAddress: null, phoneOrFax: null, receiptCutoff: null };
}

const labour = agency('a-labour', 'Colorado Department of Labor and Employment', 'CDLE');
const revenue = agency('a-revenue', 'Colorado Department of Revenue', 'CDOR');
const sheriffA = agency('a-sheriff', 'Adams County Sheriff');
const sheriffB = agency('b-sheriff', 'Boulder County Sheriff');
const orgA = [labour, revenue, sheriffA];
const orgB = [labour, revenue, sheriffB];

describe('agenciesAfterOrganisationSwitch', () => {
	it('keeps the directory agencies both organisations share, in the order they were chosen', () => {
		expect(agenciesAfterOrganisationSwitch([revenue.id, labour.id], orgA, orgB)).toEqual({ kept: [revenue.id, labour.id], removed: [] });
	});

	it('drops an agency only the previous organisation had, and names it', () => {
		expect(agenciesAfterOrganisationSwitch([labour.id, sheriffA.id], orgA, orgB)).toEqual({
			kept: [labour.id],
			removed: [{ id: sheriffA.id, name: 'Adams County Sheriff' }]
		});
	});

	it('names a removed agency with its abbreviation when it has one', () => {
		const result = agenciesAfterOrganisationSwitch([revenue.id], orgA, [labour]);
		expect(result.removed).toEqual([{ id: revenue.id, name: 'Colorado Department of Revenue (CDOR)' }]);
	});

	it('still reports an agency no directory knows (its name is unknown), never drops it silently', () => {
		expect(agenciesAfterOrganisationSwitch(['gone'], orgA, orgB)).toEqual({ kept: [], removed: [{ id: 'gone', name: null }] });
	});

	it('drops everything when the new organisation has no directory loaded', () => {
		const result = agenciesAfterOrganisationSwitch([labour.id, sheriffA.id], orgA, []);
		expect(result.kept).toEqual([]);
		expect(result.removed.map((r) => r.id)).toEqual([labour.id, sheriffA.id]);
	});

	it('collapses a duplicated choice', () => {
		expect(agenciesAfterOrganisationSwitch([labour.id, labour.id], orgA, orgB).kept).toEqual([labour.id]);
	});

	it('changes nothing when nothing was chosen', () => {
		expect(agenciesAfterOrganisationSwitch([], orgA, orgB)).toEqual({ kept: [], removed: [] });
	});
});

describe('agencyLabel', () => {
	it('adds the abbreviation in brackets, or leaves the name alone', () => {
		expect(agencyLabel(labour)).toBe('Colorado Department of Labor and Employment (CDLE)');
		expect(agencyLabel(sheriffA)).toBe('Adams County Sheriff');
	});
});
