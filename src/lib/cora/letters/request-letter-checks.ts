/** Checks shared by letters that ask for records (apart from their fields, which the composer ships up front). */
import type { FieldReader, LetterFieldError } from './letter-types';

/** The start of a date range must not be after its end. */
export function checkDateRange(v: FieldReader, startKey = 'date_range_start', endKey = 'date_range_end'): LetterFieldError[] {
	const start = v.optionalDate(startKey);
	const end = v.optionalDate(endKey);
	if (start && end && start > end) {
		return [{ field: endKey, code: 'invalid_range', message: `${endKey} (${end}) is before ${startKey} (${start})` }];
	}
	return [];
}
