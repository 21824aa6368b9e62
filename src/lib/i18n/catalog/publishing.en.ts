/** English strings for publishing a request's counts (keys prefixed `publishing.`). Spread into ../en.ts and ../en-rest.ts. */
export const publishingEn = {
	'publishing.state.private': 'Private',
	'publishing.state.published': 'Published',
	'publishing.state.embargoed': 'Embargoed until {date} (Colorado)',
	'publishing.becomesPublic':
		'What becomes public: counts only — how many disclosures, by agency, data category, legal process cited, recipient and period.',
	'publishing.neverPublic':
		'What never becomes public: the letter, summaries, documents, names of people, and who filed the request.',
	'publishing.embargo.error.missing': 'Choose the date the embargo ends.',
	'publishing.embargo.error.notADate': 'That is not a date. Write it as year-month-day, for example 2027-03-01.',
	'publishing.embargo.error.notFuture': 'An embargo must end after today in Colorado. To publish now, choose Publish.'
} as const;
