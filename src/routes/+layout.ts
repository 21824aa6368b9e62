import { loadCatalog, type CatalogScope } from '$lib/i18n/context';
import type { LayoutLoad } from './$types';

/** Pages that need only part of the English catalog (see src/lib/i18n/catalogs.svelte.ts). */
const SCOPES: Record<string, CatalogScope> = { '/app/compose': 'lean', '/app/drafts': 'drafts' };

/** How much of the English catalog the page at `url` needs before it renders. */
function scopeOf(url: URL): CatalogScope {
	// A page answering a form sent without JavaScript (`?/save`, or the address it redirects to) may show any message.
	if ([...url.searchParams.keys()].some((key) => key.startsWith('/') || key === 'saved' || key === 'conflict')) return 'full';
	return SCOPES[url.pathname] ?? 'full';
}

/** The page's language catalog is loaded (only the part it needs) before anything renders. */
export const load: LayoutLoad = async ({ data, url }) => {
	await loadCatalog(data.locale, scopeOf(url));
	return data;
};
