/** Timing one navigation within the request list, from the click to the list showing the new state, inside the page. */
import type { Page } from '@playwright/test';

export interface ListStep {
	kind: 'section' | 'search' | 'page';
	/** What is clicked (a link, or the search button). */
	click: string;
	/** Shown (or, with `gone`, removed) once the list shows the new state. */
	until: string;
	gone?: boolean;
	/** Typed into the search field before the click. */
	search?: string;
}

export function timeClientNavigation(page: Page, step: ListStep, timeoutMs = 20_000): Promise<number> {
	return page.evaluate(
		({ step, timeoutMs }) =>
			new Promise<number>((resolve, reject) => {
				const done = () => (document.querySelector(step.until) !== null) !== (step.gone ?? false);
				const target = document.querySelector<HTMLElement>(step.click);
				if (!target) return reject(new Error(`nothing to click: ${step.click}`));
				if (done()) return reject(new Error(`"${step.until}" is already ${step.gone ? 'gone' : 'shown'} before clicking ${step.click}`));
				if (step.search !== undefined) document.querySelector<HTMLInputElement>('#caseload-q')!.value = step.search;
				const timer = setTimeout(() => {
					observer.disconnect();
					reject(new Error(`"${step.until}" not ${step.gone ? 'gone' : 'shown'} within ${timeoutMs} ms of clicking ${step.click}`));
				}, timeoutMs);
				const observer = new MutationObserver(() => {
					if (!done()) return;
					observer.disconnect();
					clearTimeout(timer);
					resolve(performance.now() - started);
				});
				observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
				const started = performance.now();
				target.click();
			}),
		{ step, timeoutMs }
	);
}
