import { describe, expect, it } from 'vitest';
import { allowedRedirect, parseRedirectList } from './redirects';

const policy = { siteUrl: 'https://disclose.example.org', additionalRedirectUrls: ['http://localhost:5173', 'https://preview.example.org/app/**'] };
const request = 'https://attacker-controlled-host.example/auth/v1/otp';

describe('allowedRedirect', () => {
	it('keeps the site and allow-listed URLs', () => {
		expect(allowedRedirect(policy, request, 'https://disclose.example.org/app/requests?x=1').toString()).toBe('https://disclose.example.org/app/requests?x=1');
		expect(allowedRedirect(policy, request, '/app').toString()).toBe('https://disclose.example.org/app');
		expect(allowedRedirect(policy, request, 'http://localhost:5173/anything').origin).toBe('http://localhost:5173');
		expect(allowedRedirect(policy, request, 'https://preview.example.org/app/requests').origin).toBe('https://preview.example.org');
	});

	it.each([
		'http://evil.example/',
		'https://disclose.example.org.evil.example/',
		'//evil.example/x',
		'https://preview.example.org/other',
		'https://preview.example.org/application',
		'javascript:alert(1)'
	])('sends %s to the site URL instead', (target) => {
		expect(allowedRedirect(policy, request, target).toString()).toBe('https://disclose.example.org/');
	});

	it('uses the configured site, never the Host the request came with', () => {
		expect(allowedRedirect(policy, request, null).origin).toBe('https://disclose.example.org');
		expect(allowedRedirect({ siteUrl: null, additionalRedirectUrls: [] }, 'http://127.0.0.1:5173/auth/v1/otp', 'http://evil.example').toString()).toBe('http://127.0.0.1:5173/');
	});
});

describe('parseRedirectList', () => {
	it('splits on commas and spaces and refuses what is not http(s)', () => {
		expect(parseRedirectList('http://a.test, https://b.test/x/**')).toEqual(['http://a.test', 'https://b.test/x/**']);
		expect(parseRedirectList(undefined)).toEqual([]);
		expect(() => parseRedirectList('ftp://a.test')).toThrow(/ftp:\/\/a.test/);
	});
});
