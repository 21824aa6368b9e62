/** What the composer shows of this letter before rendering it: id, title, description and fields (the text is in ./subpoena-or-data-sharing.ts). */
import { CORRESPONDENCE_FIELDS, REFERENCE_NUMBER } from '../common-fields';
import type { LetterTemplateInfo } from '../letter-types';
import { FEE_FIELDS } from '../request-letter-fields';

export const SUBPOENA_OR_DATA_SHARING_INFO: LetterTemplateInfo = {
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
};
