/** Validates letter field values against a template's typed fields. */
import { isIsoDate } from '../calendar/calendar-date';
import type { FieldReader, LetterField, LetterFieldError, LetterFieldValues } from './letter-types';

function isBlank(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.every((item) => typeof item === 'string' && item.trim() === '');
	return false;
}

function valueError(field: LetterField, value: unknown): LetterFieldError | null {
	const { key, kind } = field;
	const wrongType = (expected: string): LetterFieldError => ({
		field: key,
		code: 'wrong_type',
		message: `${key} must be ${expected}`
	});
	switch (kind) {
		case 'text':
		case 'longtext':
			return typeof value === 'string' ? null : wrongType('text');
		case 'date':
			if (typeof value !== 'string') return wrongType('a date written YYYY-MM-DD');
			return isIsoDate(value) ? null : { field: key, code: 'invalid_date', message: `${key} must be a real date written YYYY-MM-DD, got "${value}"` };
		case 'money':
			if (typeof value !== 'number') return wrongType('an amount in whole cents');
			return Number.isInteger(value) && value >= 0
				? null
				: { field: key, code: 'invalid_money', message: `${key} must be whole cents ≥ 0, got ${value}` };
		case 'list':
			return Array.isArray(value) && value.every((item) => typeof item === 'string') ? null : wrongType('a list of texts');
	}
}

/** Every problem with `values`: unknown keys, missing required fields, values of the wrong kind. */
export function fieldErrors(fields: readonly LetterField[], values: LetterFieldValues): LetterFieldError[] {
	const errors: LetterFieldError[] = [];
	const known = new Set(fields.map((f) => f.key));
	for (const [key, value] of Object.entries(values)) {
		if (!known.has(key) && value !== undefined) errors.push({ field: key, code: 'unknown_field', message: `${key} is not a field of this letter` });
	}
	for (const field of fields) {
		const value = values[field.key];
		if (isBlank(value)) {
			if (field.required) errors.push({ field: field.key, code: 'missing', message: `${field.label.en} (${field.key}) is required` });
			continue;
		}
		const error = valueError(field, value);
		if (error) errors.push(error);
	}
	return errors;
}

/** Typed reader over validated values; blank optional values read as absent. */
export function fieldReader(values: LetterFieldValues): FieldReader {
	const raw = (key: string) => (isBlank(values[key]) ? undefined : values[key]);
	const optionalText = (key: string) => {
		const value = raw(key);
		return typeof value === 'string' ? value.trim() : undefined;
	};
	return {
		text: (key) => optionalText(key) ?? '',
		optionalText,
		date: (key) => optionalText(key) ?? '',
		optionalDate: optionalText,
		optionalMoney: (key) => {
			const value = raw(key);
			return typeof value === 'number' ? value : undefined;
		},
		list: (key) => {
			const value = raw(key);
			return Array.isArray(value) ? value.map((item: string) => item.trim()).filter((item) => item !== '') : [];
		}
	};
}
