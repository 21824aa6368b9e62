import { loadCatalog } from '$lib/i18n/context';
import type { LayoutLoad } from './$types';

/** The page's language catalog is loaded (only that one) before anything renders. */
export const load: LayoutLoad = async ({ data }) => {
	await loadCatalog(data.locale);
	return data;
};
