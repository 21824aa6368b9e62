/** The initial CORA request (C.R.S. 24-72-201 et seq.). */
import { CORRESPONDENCE_FIELDS, DATE_RANGE_END, DATE_RANGE_START, SUBJECT_SUMMARY } from '../common-fields';
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
import { checkDateRange, FEE_FIELDS } from '../request-letter-fields';

export const INITIAL_REQUEST: LetterTemplate = {
	id: 'initial_request',
	title: { en: 'Records request (CORA)', es: 'Solicitud de registros (CORA)' },
	description: {
		en: 'A first request for public records under the Colorado Open Records Act.',
		es: 'Una primera solicitud de registros públicos bajo la Ley de Registros Abiertos de Colorado.'
	},
	fields: [
		...CORRESPONDENCE_FIELDS,
		SUBJECT_SUMMARY,
		{
			key: 'records_description',
			kind: 'longtext',
			required: true,
			label: { en: 'Records wanted', es: 'Registros solicitados' },
			help: {
				en: 'Describe the records as precisely as you can: what they are, who or what they concern.',
				es: 'Describa los registros con la mayor precisión posible: qué son y a quién o a qué se refieren.'
			}
		},
		{
			key: 'record_types',
			kind: 'list',
			required: false,
			label: { en: 'Record types', es: 'Tipos de registros' },
			help: { en: 'e.g. emails, contracts, logs, spreadsheets.', es: 'p. ej. correos, contratos, registros, hojas de cálculo.' }
		},
		{
			key: 'subjects',
			kind: 'list',
			required: false,
			label: { en: 'People, programs or topics', es: 'Personas, programas o temas' },
			help: { en: 'Who or what the records concern.', es: 'A quién o a qué se refieren los registros.' }
		},
		DATE_RANGE_START,
		DATE_RANGE_END,
		{
			key: 'search_terms',
			kind: 'list',
			required: false,
			label: { en: 'Search terms', es: 'Términos de búsqueda' },
			help: { en: 'Words that will find the records in email or files.', es: 'Palabras que encontrarán los registros en correos o archivos.' }
		},
		...FEE_FIELDS
	],
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
