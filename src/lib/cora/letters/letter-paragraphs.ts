/**
 * Paragraphs shared by the request letters, following "What a good CORA letter
 * contains" (SOURCES.md §"What a good CORA letter contains"): addressed to the custodian with the
 * requester's details; CORA cited; format; fees; the 3-working-day reminder;
 * grounds and segregable parts for any denial.
 */
import { formatLongDate, formatMoney, paragraphs } from './letter-formatting';
import type { FieldReader } from './letter-types';

export function custodianOf(v: FieldReader): string {
	return v.optionalText('custodian_name') ?? 'Records Custodian';
}

export function letterHeader(v: FieldReader, dateKey = 'letter_date'): string {
	const address = [custodianOf(v), v.text('agency_name'), v.optionalText('agency_address')].filter(Boolean).join('\n');
	return paragraphs(formatLongDate(v.date(dateKey)), address);
}

export function salutation(v: FieldReader): string {
	return `Dear ${custodianOf(v)}:`;
}

export function referenceClause(v: FieldReader): string {
	const reference = v.optionalText('reference_number');
	return reference ? ` (your reference ${reference})` : '';
}

/** SB17-040: structured data in a structured format, searchable records searchable. */
export const FORMAT_PARAGRAPH =
	'Format. Please provide the records in electronic form, by email or a download link. Please produce structured data, such as spreadsheets or database extracts, in a structured, sortable format (for example CSV or XLSX), and other documents in a searchable format (SB17-040).';

/** C.R.S. 24-72-205: first hour free, no per-page fee for digital records, emailing not chargeable, published fee policy. */
export function feesParagraph(v: FieldReader): string {
	const reason = v.optionalText('fee_waiver_reason');
	const threshold = v.optionalMoney('fee_notice_threshold');
	const waiver = reason ? `I ask that you waive any fees, because ${reason.replace(/\.$/, '')}.` : 'I ask that you waive any fees.';
	const estimate =
		threshold !== undefined
			? `If you do not waive them, please send me a written estimate before doing any work that would cost more than ${formatMoney(threshold)}.`
			: 'If you do not waive them, please send me a written estimate before incurring any fees.';
	return `Fees. ${waiver} ${estimate} Under C.R.S. 24-72-205 the first hour of research and retrieval is free, no per-page fee may be charged for records provided digitally, emailing records is not chargeable, and fees may be charged only under a fee policy published beforehand.`;
}

/** CORA: 3 working days; up to 7 more for extenuating circumstances, told in writing within the first 3. */
export const DEADLINE_PARAGRAPH =
	'Deadline. CORA requires the records to be made available within three working days. That period may be extended by up to seven working days only for extenuating circumstances stated to me in writing within the first three working days.';

/** Grounds and segregable parts; records not held (C.R.S. 24-72-203(2)(a)). */
export const WITHHOLDING_PARAGRAPH =
	'Withholding. If you withhold any record or part of one, please state the specific legal grounds for each withholding and release every non-exempt, segregable portion. If any requested record is not in your custody, please tell me so, with the reason, where the record is kept and who holds it (C.R.S. 24-72-203(2)(a)).';

export const REDACTION_PARAGRAPH =
	'I do not ask for the personal identifying information of any individual; you may redact it, releasing the rest of each record.';

export function closing(v: FieldReader): string {
	const signature = [v.text('requester_name'), v.optionalText('requester_organization'), v.text('requester_contact')]
		.filter(Boolean)
		.join('\n');
	return paragraphs('Thank you for your help. Please contact me with any questions.', `Sincerely,\n\n${signature}`);
}
