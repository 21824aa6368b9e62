/**
 * Notice of intent to apply to the district court for an order to show cause
 * (C.R.S. 24-72-204(5), as cited in issue 4). At least 14 days' written notice
 * must be given first, or 3 business days where expedited access is needed,
 * stating why; during the notice period the custodian must confer in person or
 * by phone (HB17-1177). A prevailing applicant is awarded costs and reasonable
 * attorney fees unless the court finds the denial proper (Benefield 2014; Reno
 * v. Marks, 2015 CO 33). The earliest filing day comes from court-notice.ts.
 */
import { earliestCourtFilingDate } from '../../deadlines/court-notice';
import { CORRESPONDENCE_FIELDS, LETTER_DATE, REFERENCE_NUMBER, SUBJECT_SUMMARY } from '../common-fields';
import { REQUEST_DATE } from '../follow-up-fields';
import { formatLongDate, paragraphs } from '../letter-formatting';
import { closing, letterHeader, referenceClause, salutation } from '../letter-paragraphs';
import type { FieldReader, LetterContext, LetterField, LetterTemplate } from '../letter-types';

const NOTICE_DATE: LetterField = {
	...LETTER_DATE,
	label: { en: 'Date notice is given', es: 'Fecha en que se da el aviso' },
	help: {
		en: 'The day the custodian receives this notice; the earliest court filing date counts from it.',
		es: 'El día en que el custodio recibe este aviso; la fecha más temprana para acudir al tribunal se cuenta desde ese día.'
	}
};

const GRIEVANCE: LetterField = {
	key: 'grievance',
	kind: 'longtext',
	required: true,
	label: { en: 'What went wrong', es: 'Qué salió mal' },
	help: {
		en: 'What was denied or not provided, and why you believe that is unlawful.',
		es: 'Qué se denegó o no se entregó, y por qué cree que es ilegal.'
	}
};

const EXPEDITED_REASON: LetterField = {
	key: 'expedited_reason',
	kind: 'longtext',
	required: true,
	label: { en: 'Why access is urgent', es: 'Por qué el acceso es urgente' },
	help: {
		en: 'The law requires the notice to state why expedited access is needed.',
		es: 'La ley exige que el aviso explique por qué se necesita acceso urgente.'
	}
};

const BASE_FIELDS = [
	...CORRESPONDENCE_FIELDS.map((f) => (f.key === LETTER_DATE.key ? NOTICE_DATE : f)),
	REQUEST_DATE,
	SUBJECT_SUMMARY,
	REFERENCE_NUMBER,
	GRIEVANCE
];

function composeNotice(v: FieldReader, context: LetterContext, expedited: boolean) {
	const requested = formatLongDate(v.date('request_date'));
	const earliest = formatLongDate(earliestCourtFilingDate(v.date('letter_date'), { ...context, expedited }));
	const period = expedited
		? `Because expedited access is needed, this notice gives at least three business days, as the law allows. ${v.text('expedited_reason')}`
		: 'The law requires at least fourteen days\' written notice before such an application.';
	const text = paragraphs(
		letterHeader(v),
		`Re: Notice of intent to apply to the district court: Colorado Open Records Act request of ${requested}`,
		salutation(v),
		`This letter is written notice, under C.R.S. 24-72-204(5), of my intent to apply to the district court for an order directing the custodian to show cause why the records I requested on ${requested} (${v.text('subject_summary')}${referenceClause(v)}) should not be made available for inspection.`,
		v.text('grievance'),
		`${period} I will not file the application before ${earliest}.`,
		'During this notice period the custodian must confer with me in person or by telephone (HB17-1177). Please contact me to arrange a time; I would prefer to resolve this without going to court.',
		'If I apply to the court and prevail, the court awards costs and reasonable attorney fees unless it finds that the denial was proper.',
		closing(v)
	);
	return { subject: `Notice of intent to apply to the district court: CORA request of ${requested}`, text };
}

export const NOTICE_OF_INTENT: LetterTemplate = {
	id: 'notice_of_intent',
	title: { en: 'Notice of intent to go to court (14 days)', es: 'Aviso de intención de acudir al tribunal (14 días)' },
	description: {
		en: 'Gives the custodian the 14 days\' written notice required before applying to the district court.',
		es: 'Da al custodio el aviso escrito de 14 días exigido antes de acudir al tribunal de distrito.'
	},
	fields: BASE_FIELDS,
	compose: (v, context) => composeNotice(v, context, false)
};

export const NOTICE_OF_INTENT_EXPEDITED: LetterTemplate = {
	id: 'notice_of_intent_expedited',
	title: {
		en: 'Notice of intent to go to court (expedited, 3 business days)',
		es: 'Aviso de intención de acudir al tribunal (urgente, 3 días hábiles)'
	},
	description: {
		en: 'Shorter notice for when expedited access is needed; the letter must say why.',
		es: 'Aviso más corto cuando se necesita acceso urgente; la carta debe explicar por qué.'
	},
	fields: [...BASE_FIELDS, EXPEDITED_REASON],
	compose: (v, context) => composeNotice(v, context, true)
};
