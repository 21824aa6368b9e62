/**
 * Applying `correction` events. A correction's payload is
 * `{corrects: eventId, occurred_at?, payload?, retracted?}`: it replaces the
 * target's occurred_at and/or payload, or with `retracted: true` removes the
 * target. A correction may target another correction only to retract it.
 * Corrections apply in chronological order, so the latest one wins.
 */
import { payloadProblems, sortChronologically, warning, type StateWarning, type ValidEvent } from './request-events';

interface CorrectionPayload {
	corrects: string;
	retracted?: boolean;
	occurred_at?: string;
	payload?: Record<string, unknown>;
}

const correctionOf = (event: ValidEvent) => event.payload as unknown as CorrectionPayload;

export interface CorrectedTimeline {
	events: ValidEvent[];
	/** Ids of the corrections that took effect. */
	appliedCorrectionIds: string[];
	warnings: StateWarning[];
}

export function applyCorrections(events: readonly ValidEvent[]): CorrectedTimeline {
	const warnings: StateWarning[] = [];
	const applied = new Set<string>();
	const corrections = sortChronologically(events.filter((e) => e.type === 'correction'));
	const correctionIds = new Set(corrections.map((c) => c.id));
	const byId = new Map(events.filter((e) => e.type !== 'correction').map((e) => [e.id, e]));

	// Retractions of corrections, latest first: a retracted correction cannot retract anything itself.
	const voided = new Set<string>();
	for (const correction of [...corrections].reverse()) {
		const { corrects, retracted } = correctionOf(correction);
		if (!correctionIds.has(corrects) || voided.has(correction.id)) continue;
		if (retracted) {
			voided.add(corrects);
			applied.add(correction.id);
		} else warnings.push(warning('correction_of_correction', correction.id, 'A correction can only retract another correction; ignored.'));
	}

	for (const correction of corrections) {
		const change = correctionOf(correction);
		if (voided.has(correction.id) || correctionIds.has(change.corrects)) continue;
		const target = byId.get(change.corrects);
		if (!target) {
			warnings.push(warning('correction_target_missing', correction.id, `Correction refers to unknown event ${change.corrects}; ignored.`));
			continue;
		}
		if (change.retracted) {
			byId.delete(target.id);
			applied.add(correction.id);
			continue;
		}
		const corrected: ValidEvent = {
			...target,
			occurred_at: change.occurred_at ?? target.occurred_at,
			payload: change.payload ?? target.payload
		};
		const problems = payloadProblems(corrected.type, corrected.payload);
		if (problems.length > 0) {
			warnings.push(warning('invalid_payload', correction.id, `Correction gives an invalid ${target.type} payload: ${problems.join('; ')}; ignored.`));
			continue;
		}
		byId.set(target.id, corrected);
		applied.add(correction.id);
	}
	// Keep the input order of the surviving events; the caller sorts by time.
	const surviving = events.filter((e) => e.type !== 'correction' && byId.has(e.id)).map((e) => byId.get(e.id) as ValidEvent);
	const appliedCorrectionIds = corrections.filter((c) => applied.has(c.id)).map((c) => c.id);
	return { events: surviving, appliedCorrectionIds, warnings };
}
