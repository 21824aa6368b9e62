/** Fields only the letters about a request already sent use (the composer's request letters do not). */
import type { LetterField } from './letter-types';

export const REQUEST_DATE: LetterField = {
	key: 'request_date',
	kind: 'date',
	required: true,
	label: { en: 'Date of your request', es: 'Fecha de su solicitud' },
	help: { en: 'The day you sent the original records request.', es: 'El día en que envió la solicitud original.' }
};
