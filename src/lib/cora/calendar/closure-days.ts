/**
 * Closure days that are data rather than rules: days the governor adds for
 * state offices (SOURCES.md §"State-office closures": dhr.colorado.gov lists
 * Mon 2023-07-03 and Fri 2024-07-05), and extra days an organisation or admin
 * configures at run time.
 *
 * To add a newly proclaimed day, append an entry to state-office-closures.json
 * with its source; no code change is needed.
 */
import { isIsoDate, type IsoDate } from './calendar-date';
import proclaimedData from './state-office-closures.json';

export interface ClosureDay {
	date: IsoDate;
	/** English name shown to users. */
	name: string;
	/** Spanish name; the English one is shown when absent. */
	nameEs?: string;
	/** Where the closure was announced. */
	source?: string;
}

export interface ProclaimedClosure extends ClosureDay {
	source: string;
}

export interface ClosureListProblem {
	index: number;
	message: string;
}

/** Checks a closure list (e.g. an admin's) and reports every malformed entry instead of throwing. */
export function findClosureListProblems(entries: readonly unknown[], requireSource = false): ClosureListProblem[] {
	const problems: ClosureListProblem[] = [];
	entries.forEach((entry, index) => {
		if (typeof entry !== 'object' || entry === null) {
			problems.push({ index, message: 'entry is not an object' });
			return;
		}
		const record = entry as Record<string, unknown>;
		if (!isIsoDate(record.date)) problems.push({ index, message: `date "${String(record.date)}" is not YYYY-MM-DD` });
		if (typeof record.name !== 'string' || record.name.trim() === '') {
			problems.push({ index, message: 'name is missing' });
		}
		if (requireSource && (typeof record.source !== 'string' || record.source.trim() === '')) {
			problems.push({ index, message: 'source is missing' });
		}
	});
	return problems;
}

function loadProclaimedClosures(data: readonly unknown[]): readonly ProclaimedClosure[] {
	const problems = findClosureListProblems(data, true);
	if (problems.length > 0) {
		const detail = problems.map((p) => `#${p.index}: ${p.message}`).join('; ');
		throw new Error(`state-office-closures.json is malformed: ${detail}`);
	}
	return Object.freeze(data as ProclaimedClosure[]);
}

/** Governor-proclaimed state-office closures, from state-office-closures.json. */
export const PROCLAIMED_STATE_OFFICE_CLOSURES: readonly ProclaimedClosure[] = loadProclaimedClosures(proclaimedData);
