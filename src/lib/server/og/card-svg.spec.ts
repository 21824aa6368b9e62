import { describe, expect, it } from 'vitest';
import type { StatsDocument } from '$lib/stats/document';
import { cardSvg } from './card-svg';
import { estimatedWidth, LINE_WIDTH } from './text-fit';

const doc = {
	suppression_threshold: 11,
	headline: { findings: 3, people: '<11', records: 'hidden', agencies: 1 },
	by_agency: [{ agency_id: '00000000-0000-4000-8000-000000000001', name: 'Parks & <Wildlife> "CPW"' }]
} as unknown as StatsDocument;
const filters = { agency: '00000000-0000-4000-8000-000000000001', from: '2025-Q1', to: null, category: 'address' as const, legal: null };

describe('the social card of a view', () => {
	it('shows suppressed counts as the page does, never the raw value', () => {
		const svg = cardSvg(doc, filters, 'en');
		expect(svg).toContain('fewer than 11');
		expect(svg).toContain('>hidden<');
		expect(svg).not.toContain('&lt;11');
		expect(svg).toContain('width="1200" height="630"');
	});

	it('escapes text as XML, so an agency name cannot break the SVG', () => {
		const svg = cardSvg(doc, filters, 'en');
		expect(svg).toContain('Parks &amp; &lt;Wildlife&gt; &quot;CPW&quot;');
		expect(svg).not.toContain('<Wildlife>');
		expect(svg).toContain('Kind of data: Address');
	});

	it('speaks Spanish when the locale is es', () => {
		const svg = cardSvg(doc, { ...filters, agency: null }, 'es');
		expect(svg).toContain('menos de 11');
		expect(svg).toContain('Entregas encontradas');
		expect(svg).toContain('Tipo de dato: Domicilio');
		expect(svg).not.toContain('fewer than');
	});
});

describe('the card lines in every language', () => {
	const sizeOf = (svg: string, text: string) => Number(new RegExp(`font-size="(\\d+)"[^>]*>${text}`).exec(svg)?.[1]);

	it('sets the longer Spanish title smaller than the English one, so both stay on the card', () => {
		const en = cardSvg(doc, filters, 'en');
		const es = cardSvg(doc, filters, 'es');
		const enSize = sizeOf(en, 'Disclosures to immigration enforcement');
		const esSize = sizeOf(es, 'Datos entregados a las autoridades de inmigración');
		expect(esSize).toBeLessThan(enSize);
		expect(estimatedWidth('Datos entregados a las autoridades de inmigración', esSize, 'bold')).toBeLessThanOrEqual(LINE_WIDTH);
		expect(estimatedWidth('Disclosures to immigration enforcement', enSize, 'bold')).toBeLessThanOrEqual(LINE_WIDTH);
	});

	it('keeps the filters line of a short view whole at full size, and cuts a long one at a word', () => {
		const short = cardSvg(doc, { ...filters, agency: null, category: null }, 'en');
		expect(short).toMatch(/font-size="30" fill="#333">2025-Q1 – …</);
		const longName = { ...doc, by_agency: [{ agency_id: filters.agency, name: 'Colorado Department of Public Health and Environment, Office of the Executive Director' }] } as unknown as StatsDocument;
		const long = cardSvg(longName, { ...filters, legal: 'administrative_subpoena' as never }, 'es');
		const line = /font-size="(\d+)" fill="#333">([^<]+)</.exec(long)!;
		expect(Number(line[1])).toBe(24);
		expect(line[2]!.endsWith('…')).toBe(true);
		expect(line[2]).not.toMatch(/[\s·]…$/u);
	});
});
