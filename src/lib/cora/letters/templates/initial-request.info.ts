/** What the composer shows of this letter before rendering it: id, title, description and fields (the text is in ./initial-request.ts). */
import { CORRESPONDENCE_FIELDS, DATE_RANGE_END, DATE_RANGE_START, SUBJECT_SUMMARY } from '../common-fields';
import type { LetterTemplateInfo } from '../letter-types';
import { FEE_FIELDS } from '../request-letter-fields';

export const INITIAL_REQUEST_INFO: LetterTemplateInfo = {
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
};
