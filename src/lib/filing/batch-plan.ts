/**
 * What filing one draft means: one card per agency, each with its own letter,
 * channel and (for email) mailto: link. A draft sent to N agencies becomes N
 * requests sharing batch_id = the draft's id, each with its own clock.
 */
import type { RenderLetterResult } from '$lib/cora';
import { letterForAgency } from './agency-letter';
import { knownChannel, type KnownChannel } from './channel';
import { buildMailto, isMailtoTooLong } from './mailto';
import type { AgencyChannel, ComposerDraft } from './types';

export interface AgencyFilingPlan {
	agency: AgencyChannel;
	letter: RenderLetterResult;
	channel: KnownChannel;
	/** Only when the directory has an email address and the letter rendered. */
	mailto: string | null;
	mailtoTooLong: boolean;
}

export interface BatchPlan {
	batchId: string;
	cards: AgencyFilingPlan[];
	/** Agencies the draft names that were not given (not in the organisation's directory view). */
	missingAgencyIds: string[];
}

export function planAgency(draft: ComposerDraft, agency: AgencyChannel): AgencyFilingPlan {
	const letter = letterForAgency(draft, agency);
	const channel = knownChannel(agency);
	const mailto = letter.ok && agency.requestEmail ? buildMailto({ to: agency.requestEmail, subject: letter.subject, body: letter.text }) : null;
	return { agency, letter, channel, mailto, mailtoTooLong: mailto !== null && isMailtoTooLong(mailto) };
}

/** Cards in the draft's agency order; each agency once even if the draft repeats it. */
export function planBatch(draft: ComposerDraft, agencies: readonly AgencyChannel[]): BatchPlan {
	const byId = new Map(agencies.map((agency) => [agency.id, agency]));
	const cards: AgencyFilingPlan[] = [];
	const missingAgencyIds: string[] = [];
	for (const id of new Set(draft.agencyIds)) {
		const agency = byId.get(id);
		if (agency) cards.push(planAgency(draft, agency));
		else missingAgencyIds.push(id);
	}
	return { batchId: draft.id, cards, missingAgencyIds };
}

/** The draft is filed once every one of its agencies has a recorded send. */
export function isBatchFiled(draft: ComposerDraft, recordedAgencyIds: Iterable<string>): boolean {
	const recorded = new Set(recordedAgencyIds);
	const wanted = new Set(draft.agencyIds);
	return wanted.size > 0 && [...wanted].every((id) => recorded.has(id));
}
