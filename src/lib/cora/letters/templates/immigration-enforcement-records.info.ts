/** What the composer shows of this letter before rendering it: id, title, description and fields (the text is in ./immigration-enforcement-records.ts). */
import { CORRESPONDENCE_FIELDS, DATE_RANGE_END, DATE_RANGE_START } from '../common-fields';
import type { LetterTemplateInfo } from '../letter-types';
import { FEE_FIELDS } from '../request-letter-fields';

export const IMMIGRATION_ENFORCEMENT_RECORDS_INFO: LetterTemplateInfo = {
	id: 'immigration_enforcement_records',
	title: {
		en: 'Immigration-enforcement request logs and attestations (SB21-131)',
		es: 'Registros de solicitudes de control migratorio y certificaciones (SB21-131)'
	},
	description: {
		en: "Asks for the agency's records of requests for personal information for immigration enforcement, and its reports and attestations to the Governor's Office of Legal Counsel.",
		es: 'Pide los registros de la agencia sobre solicitudes de información personal para el control migratorio, y sus informes y certificaciones a la Oficina de Asesoría Legal del Gobernador.'
	},
	fields: [
		...CORRESPONDENCE_FIELDS,
		DATE_RANGE_START,
		DATE_RANGE_END,
		{
			key: 'additional_records',
			kind: 'longtext',
			required: false,
			label: { en: 'Other records wanted', es: 'Otros registros solicitados' },
			help: { en: 'Optional. Anything else to add to the list.', es: 'Opcional. Cualquier otra cosa que añadir a la lista.' }
		},
		...FEE_FIELDS
	],
};
