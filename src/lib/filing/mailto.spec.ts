import { describe, expect, it } from 'vitest';
import { buildMailto, isMailtoTooLong, MAILTO_SAFE_LENGTH } from './mailto';

describe('buildMailto', () => {
	it('prefills address, subject and body, each percent-encoded', () => {
		const href = buildMailto({ to: 'dor_cora@state.co.us', subject: 'CORA request: A & B?', body: 'Dear custodian,\n\n50% of #records' });
		expect(href).toBe(
			'mailto:dor_cora@state.co.us?subject=CORA%20request%3A%20A%20%26%20B%3F&body=Dear%20custodian%2C%0D%0A%0D%0A50%25%20of%20%23records'
		);
		const url = new URL(href);
		expect(url.searchParams.get('subject')).toBe('CORA request: A & B?');
		expect(url.searchParams.get('body')).toBe('Dear custodian,\r\n\r\n50% of #records');
	});

	it('escapes an address that would break the link', () => {
		expect(buildMailto({ to: ' a?b@x.org ', subject: '', body: '' })).toBe('mailto:a%3Fb@x.org?subject=&body=');
	});

	it('encodes non-ASCII letters (Spanish names) as UTF-8', () => {
		expect(buildMailto({ to: 'x@y.org', subject: 'Solicitud — Peña', body: '' })).toContain('subject=Solicitud%20%E2%80%94%20Pe%C3%B1a');
	});
});

describe('isMailtoTooLong', () => {
	it('accepts a short link and flags one past the safe length', () => {
		expect(isMailtoTooLong('mailto:a@b.org')).toBe(false);
		expect(isMailtoTooLong(`mailto:a@b.org?body=${'x'.repeat(MAILTO_SAFE_LENGTH)}`)).toBe(true);
	});
});
