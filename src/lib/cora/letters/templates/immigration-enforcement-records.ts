/**
 * Request for an agency's records under SB21-131 (C.R.S. 24-74-101 et seq.):
 * the written record of each request for personal identifying information for
 * immigration enforcement, and the reports and attestations to the Governor's
 * Office of Legal Counsel (C.R.S. 24-74-106). The reporting frequency is
 * unverified (quarterly in SB21-131, annual per a 2025 summary), so the letter
 * asks for every report "whatever its period" instead of naming one.
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
import { IMMIGRATION_ENFORCEMENT_RECORDS_INFO } from './immigration-enforcement-records.info';
import { checkDateRange } from '../request-letter-checks';

const SUBJECT = 'Colorado Open Records Act request: records of immigration-enforcement requests (C.R.S. 24-74-106)';

export const IMMIGRATION_ENFORCEMENT_RECORDS: LetterTemplate = {
	...IMMIGRATION_ENFORCEMENT_RECORDS_INFO,
	check: (v) => checkDateRange(v),
	compose(v) {
		const period = `${formatLongDate(v.date('date_range_start'))} to ${formatLongDate(v.date('date_range_end'))}`;
		const items = [
			'Every written record the agency made or kept under C.R.S. 24-74-106 of a request for personal identifying information for federal immigration enforcement, including the request itself and the agency\'s response.',
			"Every report submitted to the Governor's Office of Legal Counsel under C.R.S. 24-74-106, with every attestation submitted with it, whatever the reporting period.",
			'Records sufficient to show, for each such request, whether any information was disclosed, the legal basis relied on (for example a court-issued subpoena, warrant or order), and the categories of information disclosed.',
			'Any policy, procedure or guidance the agency has adopted to comply with C.R.S. 24-74-101 et seq.'
		];
		const additional = v.optionalText('additional_records');
		if (additional) items.push(additional);
		const text = paragraphs(
			letterHeader(v),
			`Re: ${SUBJECT}`,
			salutation(v),
			'Under the Colorado Open Records Act, C.R.S. 24-72-201 et seq., I request copies of the public records listed below. They concern the agency\'s duties under SB21-131, C.R.S. 24-74-101 et seq., which limits the disclosure of non-public personal identifying information for federal immigration enforcement and requires a written record of each request for such information, reported to the Governor\'s Office of Legal Counsel with an attestation (C.R.S. 24-74-106).',
			`For the period ${period}:\n${numberedList(items)}`,
			REDACTION_PARAGRAPH,
			FORMAT_PARAGRAPH,
			feesParagraph(v),
			DEADLINE_PARAGRAPH,
			WITHHOLDING_PARAGRAPH,
			closing(v)
		);
		return { subject: SUBJECT, text };
	}
};
