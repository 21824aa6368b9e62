import { describe, expect, it } from 'vitest';
import { pickLocale } from './locales';

describe('pickLocale', () => {
	it('prefers the cookie the user chose', () => {
		expect(pickLocale('es', 'en-US,en;q=0.9')).toBe('es');
	});
	it('falls back to the best supported Accept-Language entry', () => {
		expect(pickLocale(undefined, 'fr-FR,es-MX;q=0.8,en;q=0.5')).toBe('es');
		expect(pickLocale(undefined, 'es;q=0.2,en;q=0.9')).toBe('en');
	});
	it('ignores unknown cookies and languages and defaults to English', () => {
		expect(pickLocale('de', 'de-DE,fr;q=0.9')).toBe('en');
		expect(pickLocale(undefined, null)).toBe('en');
	});
});
