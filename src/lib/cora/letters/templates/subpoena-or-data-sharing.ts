/**
 * Request about one subpoena or data-sharing arrangement. SB21-131 (C.R.S.
 * 24-74-101 et seq.) allows disclosure for federal immigration enforcement only
 * where federal or state law requires it or under a court-issued subpoena,
 * warrant or order; the letter asks for the records that show which applied.
 */
import { formatLongDate, numberedList, paragraphs } from '../letter-formatting';
import {
	closing,
	DEADLINE_PARAGRAPH,
	feesParagraph,
	FORMAT_PARAGRAPH,
	letterHeader,
	REDACTION_PARAGRAPH,
	salutation,
	WITHHOLDING_PARAGRAPH
} from '../letter-paragraphs';
import type { LetterTemplate } from '../letter-types';
import { SUBPOENA_OR_DATA_SHARING_INFO } from './subpoena-or-data-sharing.info';

export const SUBPOENA_OR_DATA_SHARING: LetterTemplate = {
	...SUBPOENA_OR_DATA_SHARING_INFO,
	compose(v) {
		const entity = v.text('requesting_entity');
		const dated = v.optionalDate('arrangement_date');
		const reference = v.optionalText('reference_number');
		const identified = [
			v.text('arrangement_description').replace(/\.$/, ''),
			dated && `dated ${formatLongDate(dated)}`,
			reference && `reference ${reference}`
		]
			.filter(Boolean)
			.join(', ');
		const items = [
			'The subpoena, request, agreement or memorandum itself, with all attachments, amendments and renewals.',
			`All communications between the agency and ${entity} about it.`,
			'Records showing how the agency reviewed it and what it decided, including whether it was issued or signed by a judge or court.',
			'Records sufficient to show what information, if any, the agency disclosed under it, when, and about how many people.',
			'The written record of the request kept under C.R.S. 24-74-106, and any report or attestation that includes it.'
		];
		const text = paragraphs(
			letterHeader(v),
			`Re: Colorado Open Records Act request: records about a request from ${entity}`,
			salutation(v),
			`Under the Colorado Open Records Act, C.R.S. 24-72-201 et seq., I request copies of public records about the following, from or with ${entity}: ${identified}.`,
			'SB21-131, C.R.S. 24-74-101 et seq. (extended to cities, counties and other local bodies by SB25-276), allows non-public personal identifying information to be disclosed for federal immigration enforcement only where federal or state law requires it or under a court-issued subpoena, warrant or order. I request:',
			numberedList(items),
			REDACTION_PARAGRAPH,
			FORMAT_PARAGRAPH,
			feesParagraph(v),
			DEADLINE_PARAGRAPH,
			WITHHOLDING_PARAGRAPH,
			closing(v)
		);
		return { subject: `Colorado Open Records Act request: records about a request from ${entity}`, text };
	}
};
