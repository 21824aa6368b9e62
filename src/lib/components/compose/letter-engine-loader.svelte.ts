/**
 * Loads the composer's letter engine (letter-engine.ts: letter texts, holiday
 * calendars) after the page has rendered, off the critical path. Reactive: the
 * preview switches from the server's copy to live updates when it arrives.
 */
import type { LetterEngine } from './preview';

let engine = $state.raw<LetterEngine | null>(null);
let loading: Promise<LetterEngine> | null = null;

/** The engine, or null until loadLetterEngine() has finished. */
export function letterEngine(): LetterEngine | null {
	return engine;
}

export function loadLetterEngine(): Promise<LetterEngine> {
	loading ??= import('./letter-engine').then(
		(module) => (engine = module),
		(error: unknown) => {
			loading = null; // offline before it was ever cached: try again on the next call
			throw error;
		}
	);
	return loading;
}
