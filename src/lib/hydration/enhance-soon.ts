/**
 * `use:enhanceSoon` is SvelteKit's `use:enhance`, with `$app/forms` loaded just
 * after the page instead of on its first load, for a form that is not the
 * page's first job (e.g. bulk publishing on the caseload). Sent before it has
 * loaded, the form posts as it does without JavaScript, which works too.
 */
import type { SubmitFunction } from '@sveltejs/kit';

export function enhanceSoon(form: HTMLFormElement, submit?: SubmitFunction): { destroy(): void } {
	let enhanced: { destroy(): void } | null = null;
	let destroyed = false;
	void import('$app/forms').then(({ enhance }) => {
		if (!destroyed) enhanced = enhance(form, submit);
	});
	return {
		destroy() {
			destroyed = true;
			enhanced?.destroy();
		}
	};
}
