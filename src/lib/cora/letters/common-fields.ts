/** Fields most letters share: who writes, to whom, and when. */
import type { LetterField } from './letter-types';

export const AGENCY_NAME: LetterField = {
	key: 'agency_name',
	kind: 'text',
	required: true,
	label: { en: 'Agency', es: 'Agencia' },
	help: { en: 'The public body that holds the records.', es: 'La entidad pública que tiene los registros.' }
};

export const CUSTODIAN_NAME: LetterField = {
	key: 'custodian_name',
	kind: 'text',
	required: false,
	label: { en: 'Records custodian', es: 'Custodio de registros' },
	help: {
		en: 'Name or title of the records custodian, if known. Leave blank for "Records Custodian".',
		es: 'Nombre o cargo del custodio de registros, si se conoce. Déjelo vacío para "Records Custodian".'
	}
};

export const AGENCY_ADDRESS: LetterField = {
	key: 'agency_address',
	kind: 'longtext',
	required: false,
	label: { en: 'Agency address', es: 'Dirección de la agencia' },
	help: { en: 'Postal or email address the request goes to.', es: 'Dirección postal o correo electrónico al que se envía.' }
};

export const REQUESTER_NAME: LetterField = {
	key: 'requester_name',
	kind: 'text',
	required: true,
	label: { en: 'Your name', es: 'Su nombre' },
	help: { en: 'The person making the request.', es: 'La persona que hace la solicitud.' }
};

export const REQUESTER_ORGANIZATION: LetterField = {
	key: 'requester_organization',
	kind: 'text',
	required: false,
	label: { en: 'Organization', es: 'Organización' },
	help: { en: 'Optional. The group you write for.', es: 'Opcional. El grupo en cuyo nombre escribe.' }
};

export const REQUESTER_CONTACT: LetterField = {
	key: 'requester_contact',
	kind: 'longtext',
	required: true,
	label: { en: 'Your contact details', es: 'Sus datos de contacto' },
	help: {
		en: 'Email, phone and mailing address where the agency can reach you.',
		es: 'Correo electrónico, teléfono y dirección postal donde la agencia puede contactarle.'
	}
};

export const LETTER_DATE: LetterField = {
	key: 'letter_date',
	kind: 'date',
	required: true,
	label: { en: 'Date of the letter', es: 'Fecha de la carta' },
	help: { en: 'The day you send the letter.', es: 'El día en que envía la carta.' }
};

export const REFERENCE_NUMBER: LetterField = {
	key: 'reference_number',
	kind: 'text',
	required: false,
	label: { en: 'Agency reference number', es: 'Número de referencia de la agencia' },
	help: { en: 'The number the agency gave your request, if any.', es: 'El número que la agencia asignó a su solicitud, si lo hay.' }
};

export const SUBJECT_SUMMARY: LetterField = {
	key: 'subject_summary',
	kind: 'text',
	required: true,
	label: { en: 'Short subject', es: 'Asunto breve' },
	help: {
		en: 'A few words naming the records, used in the subject line (e.g. "ICE subpoenas received in 2025").',
		es: 'Unas palabras que nombren los registros, para la línea de asunto (p. ej. "citaciones de ICE recibidas en 2025").'
	}
};

export const DATE_RANGE_START: LetterField = {
	key: 'date_range_start',
	kind: 'date',
	required: true,
	label: { en: 'From date', es: 'Desde' },
	help: { en: 'Earliest date of the records wanted.', es: 'Fecha más antigua de los registros solicitados.' }
};

export const DATE_RANGE_END: LetterField = {
	key: 'date_range_end',
	kind: 'date',
	required: true,
	label: { en: 'To date', es: 'Hasta' },
	help: { en: 'Latest date of the records wanted.', es: 'Fecha más reciente de los registros solicitados.' }
};

/** Addressing and signature fields, in the order a form shows them. */
export const CORRESPONDENCE_FIELDS: readonly LetterField[] = [
	LETTER_DATE,
	AGENCY_NAME,
	CUSTODIAN_NAME,
	AGENCY_ADDRESS,
	REQUESTER_NAME,
	REQUESTER_ORGANIZATION,
	REQUESTER_CONTACT
];
