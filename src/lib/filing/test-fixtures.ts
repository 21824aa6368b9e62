/** Drafts and agencies for the filing specs. */
import type { AgencyChannel, ComposerDraft } from './types';

export const CDOR: AgencyChannel = {
	id: '11111111-1111-4111-8111-111111111111',
	name: 'Colorado Department of Revenue',
	abbreviation: 'CDOR',
	regime: 'CORA',
	requestEmail: 'dor_cora@state.co.us',
	portalUrl: null,
	mailingAddress: '1375 Sherman St, Denver, CO 80203',
	phoneOrFax: null,
	receiptCutoff: '15:00:00'
};

export const CDLE: AgencyChannel = {
	id: '22222222-2222-4222-8222-222222222222',
	name: 'Colorado Department of Labor and Employment',
	abbreviation: 'CDLE',
	regime: 'CORA',
	requestEmail: null,
	portalUrl: 'https://cdle.colorado.gov/cora',
	mailingAddress: null,
	phoneOrFax: null,
	receiptCutoff: null
};

export const CBI: AgencyChannel = {
	id: '33333333-3333-4333-8333-333333333333',
	name: 'Colorado Bureau of Investigation',
	abbreviation: 'CBI',
	regime: 'CCJRA',
	requestEmail: null,
	portalUrl: null,
	mailingAddress: null,
	phoneOrFax: null,
	receiptCutoff: null
};

export function draftFor(agencies: AgencyChannel[], values: Record<string, unknown> = {}): ComposerDraft {
	return {
		id: '44444444-4444-4444-8444-444444444444',
		organisationId: '55555555-5555-4555-8555-555555555555',
		templateId: 'initial_request',
		title: 'ICE subpoenas 2025',
		agencyIds: agencies.map((agency) => agency.id),
		values: {
			letter_date: '2025-11-19',
			agency_name: 'typed by the user',
			requester_name: 'Ana Ruiz',
			requester_organization: 'Front Range Rights',
			requester_contact: 'ana@example.org',
			subject_summary: 'ICE subpoenas received in 2025',
			records_description: 'Every administrative subpoena from ICE received in 2025.',
			date_range_start: '2025-01-01',
			date_range_end: '2025-11-01',
			...values
		}
	};
}
