/** Structured account of how a due date was computed; render it with renderExplanation. */
import type { IsoDate } from '../calendar/calendar-date';
import type { ReceiptExplanation } from '../calendar/receipt';
import type { ExplainedDay, PauseCause } from '../calendar/working-day-count';
import type { Regime } from './regimes';

export type DueBasis = 'initial' | 'extended' | 'after_payment';

export interface DeadlineExplanation {
	regime: Regime;
	basis: DueBasis;
	/** Statute or rule applied, e.g. "C.R.S. 24-72-201 to -206". */
	citation: string;
	/** Day zero: not itself counted. */
	startDate: IsoDate;
	startsFrom: 'receipt' | 'payment';
	/** How day zero followed from a receipt timestamp, when one was given. */
	receipt: ReceiptExplanation | null;
	workingDaysRequired: number;
	/** Every day after day zero up to the due date (or the pause), counted or skipped with its reason. */
	days: ExplainedDay[];
	dueDate: IsoDate | null;
	pausedBy: PauseCause | null;
	remainingWorkingDays: number;
}
