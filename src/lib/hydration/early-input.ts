/**
 * What a person types before the app's JavaScript has started must survive hydration:
 * on a slow phone connection the server-rendered form is usable for seconds, and
 * Svelte sets every `value={…}` back to the rendered value when it takes over the page.
 *
 * `src/app.html` records the latest value of every field edited before hydration in
 * `window.__discloseEarlyInput`. The root layout calls `restoreEarlyInput()` in its
 * `onMount`, which runs in the same task as hydration: no click or key press can come
 * between the reset and the restore, so an enhanced form never sends the rendered
 * (often empty) value instead of what the person sees. The restore puts the values back
 * and tells the components (an `input` or `change` event, so `bind:value` and handlers
 * see them), also for a field that still shows its early value: hydration can leave a
 * `<select>` showing the early choice while the component holds the rendered one.
 */

type Recorded = { value: string; checked: boolean };

export type EarlyInput = {
	fields: Map<EventTarget, Recorded>;
	stop(): void;
	/** Puts back what was typed before hydration; returns how many fields it told the components about. */
	restore(): number;
};

declare global {
	interface Window {
		__discloseEarlyInput?: EarlyInput;
	}
}

/** Puts back what was typed before hydration (once; later calls do nothing); returns how many fields it told about. */
export function restoreEarlyInput(win: Window = window): number {
	const early = win.__discloseEarlyInput;
	if (!early) return 0;
	delete win.__discloseEarlyInput;
	return early.restore();
}
