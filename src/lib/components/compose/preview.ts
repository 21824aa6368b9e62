/**
 * The composer's live preview as plain data: the letter for each chosen agency
 * (and for no agency yet), the expected due date at each, and whether every
 * letter is complete. The server computes it for the page it renders (so the
 * preview is there before any JavaScript, and without it); in the browser the
 * letter engine recomputes it on every change once it has loaded. `key` says
 * which composer state a preview belongs to, so a stale one is never shown.
 */
import type { IsoDate, Locale, RenderLetterResult } from '$lib/cora';
import type { AgencyChannel } from '$lib/filing/types';
import type { DeadlineEstimate } from './letter-engine';
import type { ComposerTemplateId } from './letter-values';

export interface PreviewInput {
	templateId: ComposerTemplateId;
	values: Record<string, unknown>;
	agencies: AgencyChannel[];
	today: IsoDate;
	locale: Locale;
}

export interface ComposerPreview {
	key: string;
	/** By agency id; '' is the letter before any agency is chosen. */
	letters: Record<string, RenderLetterResult>;
	deadlines: Record<string, DeadlineEstimate>;
	/** At least one agency, and every agency's letter has everything it needs. */
	complete: boolean;
}

export type LetterEngine = typeof import('./letter-engine');

/** Identifies the state a preview was computed for (the same on the server and in the browser). */
export function previewKey(input: PreviewInput): string {
	return JSON.stringify([input.templateId, input.values, input.agencies.map((agency) => [agency.id, agency.name, agency.regime]), input.today, input.locale]);
}

export function computePreview(engine: LetterEngine, input: PreviewInput): ComposerPreview {
	const letters: Record<string, RenderLetterResult> = { '': engine.letterFor(input.templateId, input.values, null) };
	const deadlines: Record<string, DeadlineEstimate> = {};
	for (const agency of input.agencies) {
		letters[agency.id] = engine.letterFor(input.templateId, input.values, agency);
		deadlines[agency.id] = engine.estimateDeadline(agency.regime, input.today, input.locale);
	}
	const complete = input.agencies.length > 0 && input.agencies.every((agency) => letters[agency.id]!.ok);
	return { key: previewKey(input), letters, deadlines, complete };
}

/** The preview to show: the engine's when it has loaded, else the server's if it is for this very state, else none yet. */
export function currentPreview(engine: LetterEngine | null, input: PreviewInput, fromServer: ComposerPreview | null | undefined): ComposerPreview | null {
	if (engine) return computePreview(engine, input);
	return fromServer && fromServer.key === previewKey(input) ? fromServer : null;
}
