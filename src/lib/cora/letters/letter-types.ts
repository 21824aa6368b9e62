/** Letter templates as data: typed fields with English and Spanish labels and help. */
import type { CalendarOptions } from '../calendar/closure-calendars';
import type { IsoDate } from '../calendar/calendar-date';
import type { LocalizedText } from '../explanation/localized-text';

/** text: one line; longtext: paragraphs; date: YYYY-MM-DD; money: integer cents; list: array of texts. */
export type FieldKind = 'text' | 'date' | 'money' | 'list' | 'longtext';

export interface LetterField {
	key: string;
	kind: FieldKind;
	required: boolean;
	label: LocalizedText;
	help: LocalizedText;
}

export type FieldValue = string | number | readonly string[];

export type LetterFieldValues = Readonly<Record<string, FieldValue | null | undefined>>;

export type LetterErrorCode =
	| 'unknown_template'
	| 'unknown_field'
	| 'missing'
	| 'wrong_type'
	| 'invalid_date'
	| 'invalid_money'
	| 'invalid_range'
	| 'not_yet_overdue';

export interface LetterFieldError {
	/** The field at fault; null for errors about the whole letter. */
	field: string | null;
	code: LetterErrorCode;
	message: string;
}

/** Typed access to values that already passed validation. */
export interface FieldReader {
	text(key: string): string;
	optionalText(key: string): string | undefined;
	date(key: string): IsoDate;
	optionalDate(key: string): IsoDate | undefined;
	optionalMoney(key: string): number | undefined;
	list(key: string): string[];
}

export interface LetterContext extends CalendarOptions {}

export interface ComposedLetter {
	subject: string;
	text: string;
}

export type LetterTemplateId =
	| 'initial_request'
	| 'immigration_enforcement_records'
	| 'subpoena_or_data_sharing'
	| 'overdue_follow_up'
	| 'denial_grounds_request'
	| 'notice_of_intent'
	| 'notice_of_intent_expedited';

/** A letter's data without its text: all a form needs, light enough to ship up front. */
export interface LetterTemplateInfo {
	id: LetterTemplateId;
	title: LocalizedText;
	description: LocalizedText;
	fields: readonly LetterField[];
}

export interface LetterTemplate extends LetterTemplateInfo {
	/** Checks across fields (e.g. a date range), run after each field is valid. */
	check?(values: FieldReader): LetterFieldError[];
	compose(values: FieldReader, context: LetterContext): ComposedLetter;
}

export type RenderLetterResult =
	| { ok: true; subject: string; text: string }
	| { ok: false; missing: string[]; errors: LetterFieldError[] };
