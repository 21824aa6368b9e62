/**
 * One entry point for any regime: a computed due date for CORA and
 * P.A.I.R.R. 2, or — for CCJRA, which sets only "a reasonable time"
 * (dcj.colorado.gov) — the follow-up date the user picked, never a computed one.
 */
import { assertIsoDate, type IsoDate } from '../calendar/calendar-date';
import type { LocalizedText } from '../explanation/localized-text';
import type { DeadlineExplanation } from './deadline-explanation';
import { REGIME_RULES, type Regime } from './regimes';
import {
	explainDeadlineFromReceipt,
	explainResponseDeadline,
	type CountedRegime,
	type ReceiptDeadlineOptions
} from './response-deadline';

export type RequestDeadline =
	| { kind: 'computed'; regime: CountedRegime; dueDate: IsoDate | null; explanation: DeadlineExplanation }
	| { kind: 'user_follow_up'; regime: 'ccjra'; followUpDate: IsoDate | null; citation: string; note: LocalizedText };

export interface RequestDeadlineInput extends Omit<ReceiptDeadlineOptions, 'regime'> {
	regime: Regime;
	/** ISO instant of receipt (cut-off applies). Give this or `receivedOn`. */
	receivedAt?: string;
	/** Day zero as a date, when no timestamp is known. */
	receivedOn?: IsoDate;
	/** CCJRA only: the follow-up date the user chose. */
	followUpOn?: IsoDate | null;
}

export const CCJRA_FOLLOW_UP_NOTE: LocalizedText = {
	en: 'The Criminal Justice Records Act sets no fixed number of days, only "a reasonable time". Pick a date to follow up.',
	es: 'La Ley de Registros de Justicia Penal no fija un número de días, solo "un tiempo razonable". Elija una fecha para dar seguimiento.'
};

export function deadlineForRequest(input: RequestDeadlineInput): RequestDeadline {
	const { regime } = input;
	if (regime === 'ccjra') {
		const followUpDate = input.followUpOn ?? null;
		if (followUpDate !== null) assertIsoDate(followUpDate, 'followUpOn');
		return { kind: 'user_follow_up', regime, followUpDate, citation: REGIME_RULES.ccjra.citation, note: CCJRA_FOLLOW_UP_NOTE };
	}
	const options = { ...input, regime };
	let explanation: DeadlineExplanation;
	if (input.receivedAt !== undefined) {
		explanation = explainDeadlineFromReceipt(input.receivedAt, options);
	} else if (input.receivedOn !== undefined) {
		explanation = explainResponseDeadline(input.receivedOn, options);
	} else {
		throw new RangeError('deadlineForRequest needs receivedAt (ISO instant) or receivedOn (YYYY-MM-DD)');
	}
	return { kind: 'computed', regime, dueDate: explanation.dueDate, explanation };
}
