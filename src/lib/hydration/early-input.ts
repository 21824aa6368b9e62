/**
 * What a person types before the app's JavaScript has started must survive hydration:
 * on a slow phone connection the server-rendered form is usable for seconds, and
 * Svelte sets every `value={…}` back to the rendered value when it takes over the page.
 *
 * `src/app.html` records the latest value of every field edited before hydration in
 * `window.__discloseEarlyInput`; the root layout calls `restoreEarlyInput()` once the
 * page is hydrated, which puts those values back and tells the components (as an
 * `input` or `change` event, so `bind:value` and handlers see them).
 */

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type Recorded = { value: string; checked: boolean };

export type EarlyInput = { fields: Map<EventTarget, Recorded>; stop(): void };

declare global {
	interface Window {
		__discloseEarlyInput?: EarlyInput;
	}
}

function isField(target: EventTarget): target is Field {
	return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function isToggle(field: Field): field is HTMLInputElement {
	return field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio');
}

/** Puts back what was typed before hydration; returns how many fields it changed. Runs once. */
export function restoreEarlyInput(win: Window = window): number {
	const early = win.__discloseEarlyInput;
	if (!early) return 0;
	early.stop();
	delete win.__discloseEarlyInput;
	let restored = 0;
	for (const [target, recorded] of early.fields) {
		if (!isField(target) || !target.isConnected || target.disabled) continue;
		if (target instanceof HTMLInputElement && target.type === 'file') continue;
		if (isToggle(target)) {
			if (target.checked === recorded.checked) continue;
			target.checked = recorded.checked;
			target.dispatchEvent(new Event('change', { bubbles: true }));
		} else {
			if (target.value === recorded.value) continue;
			target.value = recorded.value;
			target.dispatchEvent(new Event(target instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
		}
		restored++;
	}
	return restored;
}
