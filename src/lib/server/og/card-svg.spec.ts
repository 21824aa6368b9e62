import { describe, expect, it } from 'vitest';
import type { StatsDocument } from '$lib/stats/document';
import { cardSvg } from './card-svg';

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
