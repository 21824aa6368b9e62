import { describe, expect, it } from 'vitest';
import { followUpLetter, type FollowUpInput } from './follow-up-letter';

const INPUT: FollowUpInput = {
	agencyName: 'Colorado Department of Revenue',
	agencyAddress: 'cdor_cora@state.co.us',
	requestEmail: 'cdor_cora@state.co.us',
	title: 'ICE subpoenas 2025',
	sentAt: '2025-11-14T17:00:00Z',
	trackingNumber: 'R-2025-118',
	missedDeadline: '2025-11-19',
	requesterName: 'Ana Ruiz',
	requesterContact: 'ana@example.org',
	requesterOrganization: null,
	today: '2025-11-24'
};

describe('the overdue follow-up letter for a request', () => {
	it('cites the missed date, the request date and the tracking number, and opens as a mailto', () => {
		const { letter, mailto } = followUpLetter(INPUT);
		expect(letter.ok).toBe(true);
		if (!letter.ok) return;
		expect(letter.text).toContain('The response was due by November 19, 2025');
		expect(letter.text).toContain('On November 14, 2025 I requested public records');
		expect(letter.text).toContain('R-2025-118');
		expect(mailto).toMatch(/^mailto:cdor_cora@state\.co\.us\?subject=Overdue%20response/);
	});
	it('names the missing signer instead of leaving a gap, and offers no mailto then', () => {
		const { letter, mailto } = followUpLetter({ ...INPUT, requesterName: ' ', requesterContact: '' });
		expect(letter.ok).toBe(false);
		if (letter.ok) return;
		expect(letter.missing).toEqual(expect.arrayContaining(['requester_name', 'requester_contact']));
		expect(mailto).toBeNull();
	});
	it('offers no mailto when the agency takes no email', () => {
		expect(followUpLetter({ ...INPUT, requestEmail: null }).mailto).toBeNull();
	});
});
