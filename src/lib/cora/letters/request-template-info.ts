/**
 * The three request letters' data without their text (title, description, fields):
 * what a form needs to offer them, small enough to ship before the letter engine.
 */
import type { LetterTemplateInfo } from './letter-types';
import { IMMIGRATION_ENFORCEMENT_RECORDS_INFO } from './templates/immigration-enforcement-records.info';
import { INITIAL_REQUEST_INFO } from './templates/initial-request.info';
import { SUBPOENA_OR_DATA_SHARING_INFO } from './templates/subpoena-or-data-sharing.info';

export const REQUEST_TEMPLATE_INFO = {
	initial_request: INITIAL_REQUEST_INFO,
	immigration_enforcement_records: IMMIGRATION_ENFORCEMENT_RECORDS_INFO,
	subpoena_or_data_sharing: SUBPOENA_OR_DATA_SHARING_INFO
} as const satisfies Record<string, LetterTemplateInfo>;

export type RequestTemplateId = keyof typeof REQUEST_TEMPLATE_INFO;
