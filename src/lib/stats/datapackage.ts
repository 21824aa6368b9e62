/**
 * /stats/datapackage.json: a Frictionless Data Package (specs.frictionlessdata.io/data-package)
 * describing the two downloads, so open-data tools can load them with their types. The CSV's
 * people and records columns are strings: a count, "<K" or "hidden" (suppression).
 */
const COUNT_OR_SUPPRESSED = {
	type: 'string',
	description: 'A whole number; "<K" when the count is from 1 to K-1 (K is suppression_threshold in stats.json); "hidden" when withheld so that no small count can be worked out from the others.',
	constraints: { pattern: '^(\\d+|<\\d+|hidden)$' }
};

export function statsDataPackage(origin: string) {
	return {
		profile: 'data-package',
		name: 'disclose-immigration-disclosures',
		title: 'Disclosures of personal data by Colorado agencies to immigration enforcement',
		description:
			'Counts of disclosures found in published responses to Colorado Open Records Act requests, by agency, kind of data, legal process cited, recipient and quarter. Aggregates only; small counts suppressed. How each count is made: ' +
			`${origin}/stats/methodology`,
		homepage: `${origin}/stats`,
		licenses: [{ name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
		resources: [
			{
				name: 'stats',
				path: `${origin}/stats.csv`,
				profile: 'tabular-data-resource',
				format: 'csv',
				mediatype: 'text/csv',
				encoding: 'utf-8',
				dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', header: true },
				description: 'One row per cell of the dashboard for the whole coalition; the same filters as /stats work as query parameters (agency, from, to, category, legal).',
				schema: {
					fields: [
						{ name: 'section', type: 'string', constraints: { required: true, enum: ['headline', 'warrant', 'agency', 'category', 'legal_process', 'recipient', 'quarter'] } },
						{ name: 'key', type: 'string', description: 'The cell: "total"; court_authorised / not_court_authorised; an agency id; a category, legal process or recipient code; a quarter such as 2025-Q1 or "unknown".' },
						{ name: 'label', type: 'string', description: 'The agency name for agency rows; otherwise the key.' },
						{ name: 'findings', type: 'integer', description: 'Disclosure findings counted in the cell (never suppressed).', constraints: { minimum: 0 } },
						{ name: 'people', ...COUNT_OR_SUPPRESSED },
						{ name: 'records', ...COUNT_OR_SUPPRESSED },
						{ name: 'findings_with_unknown_people', type: 'integer', description: 'Findings whose documents do not say how many people (not in people).' },
						{ name: 'findings_with_unknown_records', type: 'integer', description: 'Findings whose documents do not say how many records (not in records).' }
					],
					missingValues: ['']
				}
			},
			{
				name: 'stats-document',
				path: `${origin}/stats.json`,
				format: 'json',
				mediatype: 'application/json',
				encoding: 'utf-8',
				description: 'The whole document the dashboard shows (headline, warrant split, agencies with their CORA record, breakdowns), suppression applied; fields described at /stats/methodology.'
			}
		]
	};
}
