/**
 * The due date of a recorded send, computed on the device with the CORA
 * engine. received_at = sent_at (a letter emailed or submitted reaches the
 * custodian at once); the agency's receipt cut-off then moves day zero to the
 * next working day when it arrived late (domain/CORA.md §"Counting days").
 * CCJRA has no fixed count, only "a reasonable time" (C.R.S. 24-72-301 et
 * seq.; dcj.colorado.gov), so the user's follow-up date stands instead.
 */
import { deadlineForRequest, type IsoDate, type Regime, type RequestDeadline } from '$lib/cora';
import type { AgencyChannel } from './types';

export type DatabaseRegime = AgencyChannel['regime'];

const ENGINE_REGIME: Readonly<Record<DatabaseRegime, Regime>> = { CORA: 'cora', CCJRA: 'ccjra', PAIRR2: 'pairr2' };

export function engineRegime(regime: DatabaseRegime): Regime {
	return ENGINE_REGIME[regime];
}

/** The database keeps the cut-off as a `time` (`15:00:00`); the engine wants `HH:MM`. Unreadable → none. */
export function normaliseCutoff(cutoff: string | null | undefined): string | null {
	const match = /^([01]\d|2[0-3]):([0-5]\d)(:00(\.0+)?)?$/.exec(cutoff?.trim() ?? '');
	return match ? `${match[1]}:${match[2]}` : null;
}

export interface DueInput {
	regime: DatabaseRegime;
	/** ISO instant the custodian received it (for a send we record: the time sent). */
	receivedAt: string;
	receiptCutoff: string | null;
	/** CCJRA only: the follow-up date the user picked. */
	followUpOn?: IsoDate | null;
}

export interface DueResult {
	/** What goes in records_requests.due_on. */
	dueOn: IsoDate | null;
	deadline: RequestDeadline;
}

/** Throws RangeError for an instant the engine's calendar does not cover (see SUPPORTED_YEARS). */
export function dueForReceipt({ regime, receivedAt, receiptCutoff, followUpOn = null }: DueInput): DueResult {
	const deadline = deadlineForRequest({
		regime: engineRegime(regime),
		receivedAt,
		cutoff: normaliseCutoff(receiptCutoff),
		followUpOn
	});
	const dueOn = deadline.kind === 'computed' ? deadline.dueDate : deadline.followUpDate;
	return { dueOn, deadline };
}
