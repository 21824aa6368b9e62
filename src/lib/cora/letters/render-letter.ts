/**
 * Renders a letter template to plain text. A missing required field is an
 * error naming the field, never a blank gap in the letter.
 */
import { fieldErrors, fieldReader } from './field-values';
import { isLetterTemplateId, LETTER_TEMPLATES } from './letter-templates';
import type { LetterContext, LetterFieldValues, RenderLetterResult } from './letter-types';

export function renderLetter(templateId: string, fields: LetterFieldValues, context: LetterContext = {}): RenderLetterResult {
	if (!isLetterTemplateId(templateId)) {
		return { ok: false, missing: [], errors: [{ field: null, code: 'unknown_template', message: `No letter template "${templateId}"` }] };
	}
	const template = LETTER_TEMPLATES[templateId];
	const errors = fieldErrors(template.fields, fields);
	const reader = fieldReader(fields);
	if (errors.length === 0 && template.check) errors.push(...template.check(reader));
	if (errors.length > 0) {
		const missing = errors.filter((e) => e.code === 'missing' && e.field !== null).map((e) => e.field as string);
		return { ok: false, missing, errors };
	}
	try {
		const { subject, text } = template.compose(reader, context);
		return { ok: true, subject, text };
	} catch (error) {
		// e.g. a notice date outside the supported calendar years.
		const message = error instanceof Error ? error.message : String(error);
		return { ok: false, missing: [], errors: [{ field: null, code: 'invalid_date', message }] };
	}
}
