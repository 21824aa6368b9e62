/**
 * Request for the written grounds of a denial (C.R.S. 24-72-204(4)). For
 * deliberative-process denials the letter also asks for the index of withheld
 * documents and the sworn statement (RCFP Colorado guide).
 */
import { CORRESPONDENCE_FIELDS, REFERENCE_NUMBER, SUBJECT_SUMMARY } from '../common-fields';
import { REQUEST_DATE } from '../follow-up-fields';
import { formatLongDate, paragraphs } from '../letter-formatting';
import { closing, letterHeader, referenceClause, salutation } from '../letter-paragraphs';
import type { LetterTemplate } from '../letter-types';

export const DENIAL_GROUNDS_REQUEST: LetterTemplate = {
	id: 'denial_grounds_request',
	title: { en: 'Ask for the written grounds of a denial', es: 'Pedir por escrito los fundamentos de una denegación' },
	description: {
		en: 'Asks the custodian for a written statement of the grounds for denying your request and the law relied on.',
		es: 'Pide al custodio una declaración escrita de los fundamentos de la denegación y la ley en que se basa.'
	},
	fields: [
		...CORRESPONDENCE_FIELDS,
		REQUEST_DATE,
		SUBJECT_SUMMARY,
		REFERENCE_NUMBER,
		{
			key: 'denial_date',
			kind: 'date',
			required: true,
			label: { en: 'Date of the denial', es: 'Fecha de la denegación' },
			help: { en: 'When the agency denied all or part of the request.', es: 'Cuándo la agencia denegó toda o parte de la solicitud.' }
		},
		{
			key: 'withheld_records',
			kind: 'longtext',
			required: false,
			label: { en: 'What was withheld', es: 'Qué se retuvo' },
			help: { en: 'Optional. The records or parts the agency withheld.', es: 'Opcional. Los registros o partes que la agencia retuvo.' }
		}
	],
	check(v) {
		const denied = v.optionalDate('denial_date');
		const requested = v.optionalDate('request_date');
		return denied && requested && denied < requested
			? [{ field: 'denial_date', code: 'invalid_range', message: `denial_date (${denied}) is before request_date (${requested})` }]
			: [];
	},
	compose(v) {
		const requested = formatLongDate(v.date('request_date'));
		const withheld = v.optionalText('withheld_records');
		const text = paragraphs(
			letterHeader(v),
			`Re: Written grounds for the denial of my Colorado Open Records Act request of ${requested}`,
			salutation(v),
			`On ${requested} I requested public records under the Colorado Open Records Act, C.R.S. 24-72-201 et seq.: ${v.text('subject_summary')}${referenceClause(v)}. On ${formatLongDate(v.date('denial_date'))} the request was denied in whole or in part.`,
			withheld && `The records withheld include: ${withheld}`,
			'Under C.R.S. 24-72-204(4), I request a written statement of the grounds for the denial, citing the specific law or regulation relied on for each record or part withheld.',
			'If any record is withheld under the deliberative process privilege, please also provide an index of the documents withheld and the sworn statement the law requires for that privilege.',
			'Please release every non-exempt, segregable portion of the records withheld.',
			closing(v)
		);
		return { subject: `Request for written grounds of denial: Colorado Open Records Act request of ${requested}`, text };
	}
};
