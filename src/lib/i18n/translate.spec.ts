import { describe, expect, it } from 'vitest';
import { translate } from './translate';
import { en } from './en';
import { es } from './es';

describe('translate', () => {
	it('fills named placeholders', () => {
		expect(translate('en', 'orgs.created', { name: 'FRIRC' })).toBe('Organisation “FRIRC” created. You are its owner.');
		expect(translate('es', 'orgs.created', { name: 'FRIRC' })).toContain('«FRIRC»');
	});
	it('leaves an unknown placeholder visible rather than blank', () => {
		expect(translate('en', 'orgs.created')).toContain('{name}');
	});
	it('has a Spanish string for every English key, with the same placeholders', () => {
		for (const key of Object.keys(en) as Array<keyof typeof en>) {
			expect(es[key], key).toBeTruthy();
			const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
			expect(names(es[key]), key).toEqual(names(en[key]));
		}
	});
});
