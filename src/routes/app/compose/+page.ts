import { browser } from '$app/environment';
import { offlineModules } from '$lib/components/compose/autosave.svelte';
import { loadLetterEngine } from '$lib/components/compose/letter-engine-loader.svelte';
import type { PageLoad } from './$types';

/**
 * The filing panel is rendered into the server's page (its record forms work without
 * JavaScript); in the browser, the composer loads it only when the file step is shown.
 * In the browser, the device database and the letter engine start loading here, while
 * the page hydrates, not after it (the composer awaits them on mount): the draft kept
 * on the device shows sooner, offline above all.
 */
export const load: PageLoad = async ({ data, url }) => {
	if (browser) {
		const wanted = url.searchParams.get('draft');
		void offlineModules()
			.then(([sync]) => (wanted ? sync.getRequestDraft(wanted) : undefined))
			.catch(() => {});
		void loadLetterEngine().catch(() => {});
	}
	return {
		...data,
		filingPanel: browser ? null : (await import('$lib/components/filing/FilingPanel.svelte')).default
	};
};
