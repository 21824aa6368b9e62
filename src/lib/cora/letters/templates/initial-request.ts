/** The initial CORA request (C.R.S. 24-72-201 et seq.). */
import { bulletList, formatLongDate, paragraphs } from '../letter-formatting';
import {
	closing,
	DEADLINE_PARAGRAPH,
	feesParagraph,
	FORMAT_PARAGRAPH,
	letterHeader,
	salutation,
	WITHHOLDING_PARAGRAPH
} from '../letter-paragraphs';
import type { LetterTemplate } from '../letter-types';
import { INITIAL_REQUEST_INFO } from './initial-request.info';
import { checkDateRange } from '../request-letter-checks';

export const INITIAL_REQUEST: LetterTemplate = {
	...INITIAL_REQUEST_INFO,
	check: (v) => checkDateRange(v),
	compose(v) {
		const types = v.list('record_types');
		const subjects = v.list('subjects');
		const terms = v.list('search_terms');
		const text = paragraphs(
			letterHeader(v),
			`Re: Colorado Open Records Act request: ${v.text('subject_summary')}`,
			salutation(v),
			'Under the Colorado Open Records Act, C.R.S. 24-72-201 et seq., I request copies of the following public records:',
			v.text('records_description'),
			types.length > 0 && `Record types:\n${bulletList(types)}`,
			subjects.length > 0 && `Concerning:\n${bulletList(subjects)}`,
			`Time period: ${formatLongDate(v.date('date_range_start'))} to ${formatLongDate(v.date('date_range_end'))}.`,
			terms.length > 0 && `Suggested search terms:\n${bulletList(terms.map((t) => `"${t}"`))}`,
			FORMAT_PARAGRAPH,
			feesParagraph(v),
			DEADLINE_PARAGRAPH,
			WITHHOLDING_PARAGRAPH,
			closing(v)
		);
		return { subject: `Colorado Open Records Act request: ${v.text('subject_summary')}`, text };
	}
};
