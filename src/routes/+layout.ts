import { loadCatalog, type CatalogScope } from '$lib/i18n/context';
import type { LayoutLoad } from './$types';

/** Pages that need only the lean English catalog (see src/lib/i18n/catalogs.svelte.ts). */
const LEAN_PAGES = new Set(['/app/compose', '/app/drafts']);

/** The page's language catalog is loaded (only the part it needs) before anything renders. */
export const load: LayoutLoad = async ({ data, url }) => {
	const scope: CatalogScope = LEAN_PAGES.has(url.pathname) ? 'lean' : 'full';
	await loadCatalog(data.locale, scope);
	return data;
};
