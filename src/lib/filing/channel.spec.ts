import { describe, expect, it } from 'vitest';
import { defaultDeliveryChannel, isDeliveryChannel, knownChannel } from './channel';
import { CBI, CDLE, CDOR } from './test-fixtures';

describe('knownChannel', () => {
	it('prefers email, so replies reach the organisation’s own inbox', () => {
		expect(knownChannel({ ...CDOR, portalUrl: 'https://x.gov' })).toBe('email');
	});
	it('falls back to portal, then mail, then fax', () => {
		expect(knownChannel(CDLE)).toBe('portal');
		expect(knownChannel({ ...CBI, mailingAddress: '1 Main St' })).toBe('mail');
		expect(knownChannel({ ...CBI, phoneOrFax: '303-555-0100' })).toBe('fax');
	});
	it('says unknown when the directory has nothing, and blank values count as nothing', () => {
		expect(knownChannel(CBI)).toBe('unknown');
		expect(knownChannel({ ...CBI, requestEmail: '  ' })).toBe('unknown');
		expect(defaultDeliveryChannel(CBI)).toBe('email');
	});
});

describe('isDeliveryChannel', () => {
	it('accepts the database channels only', () => {
		expect(isDeliveryChannel('in_person')).toBe(true);
		expect(isDeliveryChannel('unknown')).toBe(false);
		expect(isDeliveryChannel(undefined)).toBe(false);
	});
});
