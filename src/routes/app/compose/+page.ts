import { browser } from '$app/environment';
import type { PageLoad } from './$types';

/**
 * The filing panel is rendered into the server's page (its record forms work without
 * JavaScript); in the browser, the composer loads it only when the file step is shown.
 */
export const load: PageLoad = async ({ data }) => ({
	...data,
	filingPanel: browser ? null : (await import('$lib/components/filing/FilingPanel.svelte')).default
});
