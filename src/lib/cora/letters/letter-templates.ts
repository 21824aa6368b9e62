/** Every letter template, by id. */
import type { LetterTemplate, LetterTemplateId } from './letter-types';
import { DENIAL_GROUNDS_REQUEST } from './templates/denial-grounds-request';
import { IMMIGRATION_ENFORCEMENT_RECORDS } from './templates/immigration-enforcement-records';
import { INITIAL_REQUEST } from './templates/initial-request';
import { NOTICE_OF_INTENT, NOTICE_OF_INTENT_EXPEDITED } from './templates/notice-of-intent';
import { OVERDUE_FOLLOW_UP } from './templates/overdue-follow-up';
import { SUBPOENA_OR_DATA_SHARING } from './templates/subpoena-or-data-sharing';

export const LETTER_TEMPLATES: Readonly<Record<LetterTemplateId, LetterTemplate>> = {
	initial_request: INITIAL_REQUEST,
	immigration_enforcement_records: IMMIGRATION_ENFORCEMENT_RECORDS,
	subpoena_or_data_sharing: SUBPOENA_OR_DATA_SHARING,
	overdue_follow_up: OVERDUE_FOLLOW_UP,
	denial_grounds_request: DENIAL_GROUNDS_REQUEST,
	notice_of_intent: NOTICE_OF_INTENT,
	notice_of_intent_expedited: NOTICE_OF_INTENT_EXPEDITED
};

export const LETTER_TEMPLATE_IDS = Object.keys(LETTER_TEMPLATES) as LetterTemplateId[];

export function isLetterTemplateId(value: unknown): value is LetterTemplateId {
	return typeof value === 'string' && Object.hasOwn(LETTER_TEMPLATES, value);
}
