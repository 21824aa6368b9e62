/**
 * The request's state as the CORA engine derives it from the merged timeline
 * (server events plus this device's), with the agency's receipt cut-off
 * (domain/CORA.md §"Counting days") and, for CCJRA, the user's follow-up date.
 */
import { deriveRequestState, type RequestState } from '$lib/cora';
import { engineRegime, normaliseCutoff, type DatabaseRegime } from '$lib/filing/due-date';
import { engineEvents, type TimelineItem } from './timeline-merge';

export interface StateInput {
	regime: DatabaseRegime;
	receiptCutoff: string | null;
	/** CCJRA: the follow-up date kept in due_on. */
	dueOn: string | null;
}

export function trackedState(items: readonly TimelineItem[], request: StateInput): RequestState {
	return deriveRequestState(engineEvents(items), {
		regime: engineRegime(request.regime),
		receivedCutoff: normaliseCutoff(request.receiptCutoff),
		followUpOn: request.regime === 'CCJRA' ? request.dueOn : null
	});
}
