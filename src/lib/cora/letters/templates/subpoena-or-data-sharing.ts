/**
 * Request about one subpoena or data-sharing arrangement. SB21-131 (C.R.S.
 * 24-74-101 et seq.) allows disclosure for federal immigration enforcement only
 * where federal or state law requires it or under a court-issued subpoena,
 * warrant or order; the letter asks for the records that show which applied.
 */
import { CORRESPONDENCE_FIELDS, REFERENCE_NUMBER } from '../common-fields';
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
import { FEE_FIELDS } from '../request-letter-fields';

export const SUBPOENA_OR_DATA_SHARING: LetterTemplate = {
	id: 'subpoena_or_data_sharing',
	title: { en: 'A specific subpoena or data-sharing arrangement', es: 'Una citación o acuerdo de intercambio de datos concreto' },
	description: {
		en: 'Asks for a subpoena, request or data-sharing agreement, the correspondence about it, and what was disclosed.',
		es: 'Pide una citación, solicitud o acuerdo de intercambio de datos, la correspondencia sobre él y lo que se divulgó.'
	},
	fields: [
		...CORRESPONDENCE_FIELDS,
		{
			key: 'arrangement_description',
			kind: 'longtext',
			required: true,
			label: { en: 'The subpoena or arrangement', es: 'La citación o el acuerdo' },
			help: {
				en: 'Identify it as precisely as you can, e.g. "the Immigration Enforcement Subpoena served on the agency in April 2025".',
				es: 'Identifíquelo con la mayor precisión posible, p. ej. "la citación de control migratorio entregada a la agencia en abril de 2025".'
			}
		},
		{
			key: 'requesting_entity',
			kind: 'text',
			required: true,
			label: { en: 'Who issued or requested it', es: 'Quién la emitió o solicitó' },
			help: { en: 'e.g. U.S. Immigration and Customs Enforcement.', es: 'p. ej. el Servicio de Inmigración y Control de Aduanas (ICE).' }
		},
		{
			key: 'arrangement_date',
			kind: 'date',
			required: false,
			label: { en: 'Date issued or signed', es: 'Fecha de emisión o firma' },
			help: { en: 'Optional, if known.', es: 'Opcional, si se conoce.' }
		},
		REFERENCE_NUMBER,
		...FEE_FIELDS
	],
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
