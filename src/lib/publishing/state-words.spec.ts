import { describe, expect, it } from 'vitest';
import { en } from '$lib/i18n/en';
import { es } from '$lib/i18n/es';
import { fill } from '$lib/i18n/fill';
import { publishStateWords } from './state-words';

const inEnglish = (key: keyof typeof en, params?: Record<string, string>) => fill(en[key], params ?? {});
const inSpanish = (key: keyof typeof en, params?: Record<string, string>) => fill(es[key], params ?? {});

describe('the publish state in words', () => {
	it('says private and published plainly', () => {
		expect(publishStateWords('private', null, inEnglish, 'en')).toBe('Private');
		expect(publishStateWords('published', null, inEnglish, 'en')).toBe('Published');
		expect(publishStateWords('published', null, inSpanish, 'es')).toBe('Publicado');
	});

	it('gives an embargo its Colorado date, never shifted by a time zone', () => {
		expect(publishStateWords('embargoed', '2027-03-01', inEnglish, 'en-GB')).toBe('Embargoed until 1 March 2027 (Colorado)');
		expect(publishStateWords('embargoed', '2027-03-01', inSpanish, 'es')).toBe('Embargado hasta el 1 de marzo de 2027 (Colorado)');
	});
});
