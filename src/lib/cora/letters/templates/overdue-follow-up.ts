/** Follow-up when the response deadline has passed, citing the missed date. */
import { CORRESPONDENCE_FIELDS, REFERENCE_NUMBER, SUBJECT_SUMMARY } from '../common-fields';
import { REQUEST_DATE } from '../follow-up-fields';
import { formatLongDate, paragraphs } from '../letter-formatting';
import { closing, letterHeader, referenceClause, salutation, WITHHOLDING_PARAGRAPH } from '../letter-paragraphs';
import type { LetterFieldError, LetterTemplate } from '../letter-types';

export const OVERDUE_FOLLOW_UP: LetterTemplate = {
	id: 'overdue_follow_up',
	title: { en: 'Follow-up: response overdue', es: 'Seguimiento: respuesta vencida' },
	description: {
		en: 'Reminds the custodian that the CORA deadline has passed and asks for the records.',
		es: 'Recuerda al custodio que el plazo de CORA venció y pide los registros.'
	},
	fields: [
		...CORRESPONDENCE_FIELDS,
		REQUEST_DATE,
		SUBJECT_SUMMARY,
		REFERENCE_NUMBER,
		{
			key: 'missed_deadline',
			kind: 'date',
			required: true,
			label: { en: 'Missed deadline', es: 'Plazo vencido' },
			help: {
				en: 'The due date the app computed for this request (initial, extended or after payment).',
				es: 'La fecha límite que la aplicación calculó para esta solicitud (inicial, prorrogada o después del pago).'
			}
		}
	],
	check(v) {
		const errors: LetterFieldError[] = [];
		const missed = v.optionalDate('missed_deadline');
		const sentOn = v.optionalDate('letter_date');
		const requested = v.optionalDate('request_date');
		if (missed && sentOn && sentOn <= missed) {
			errors.push({
				field: 'missed_deadline',
				code: 'not_yet_overdue',
				message: `The deadline ${missed} has not passed on the letter date ${sentOn}.`
			});
		}
		if (missed && requested && missed < requested) {
			errors.push({ field: 'missed_deadline', code: 'invalid_range', message: `missed_deadline (${missed}) is before request_date (${requested})` });
		}
		return errors;
	},
	compose(v) {
		const requested = formatLongDate(v.date('request_date'));
		const missed = formatLongDate(v.date('missed_deadline'));
		const text = paragraphs(
			letterHeader(v),
			`Re: Overdue response to my Colorado Open Records Act request of ${requested}`,
			salutation(v),
			`On ${requested} I requested public records under the Colorado Open Records Act, C.R.S. 24-72-201 et seq.: ${v.text('subject_summary')}${referenceClause(v)}.`,
			`The response was due by ${missed}. CORA requires the records to be made available within three working days, extended by up to seven working days only for extenuating circumstances stated to me in writing within the first three working days. I have not received the records.`,
			'Please make the records available without further delay, or tell me in writing when they will be available and the reason for the delay.',
			WITHHOLDING_PARAGRAPH,
			closing(v)
		);
		return { subject: `Overdue response: Colorado Open Records Act request of ${requested}`, text };
	}
};
