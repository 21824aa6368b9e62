/**
 * The message catalogs components read, loaded in parts so a page ships only what it shows.
 *
 * English starts with the "lean" part (core and compose strings: all the composer and
 * the drafts list render up front); the rest of English and the whole Spanish catalog
 * are their own chunks, loaded by the root layout's load before a page that needs them
 * renders. State, so a string asked for before its part has arrived (a lazily loaded
 * panel on a lean page) loads that part and the text appears when it does.
 */
import { browser } from '$app/environment';
import { coreEn } from './catalog/core.en';
import { composeEn } from './catalog/compose.en';
import type { MessageKey } from './en';
import type { Locale } from './locales';

type Messages = Partial<Record<MessageKey, string>>;
export type CatalogScope = 'lean' | 'full';

const lean: Messages = { ...coreEn, ...composeEn };

let loaded = $state.raw<{ en: Messages; enFull: boolean; es: Messages | null }>({ en: lean, enFull: false, es: null });
const pending = new Map<string, Promise<void>>();

function once(name: string, load: () => Promise<void>): Promise<void> {
	let promise = pending.get(name);
	if (!promise) {
		promise = load().catch((error: unknown) => {
			pending.delete(name); // offline and not cached yet: try again next time
			throw error;
		});
		pending.set(name, promise);
	}
	return promise;
}

/** Loads what `locale` needs at `scope` ('full' unless the page is known to need only the lean part). */
export async function loadCatalog(locale: Locale, scope: CatalogScope = 'full'): Promise<void> {
	if (!browser) scope = 'full'; // the server renders every page: it keeps everything
	if (locale === 'es' && !loaded.es) {
		await once('es', async () => {
			const { es } = await import('./es');
			loaded = { ...loaded, es };
		});
	}
	// Spanish pages fall back to English only for a key Spanish lacks (none today), so they need no more.
	if (locale === 'en' && scope === 'full' && !loaded.enFull) {
		await once('en', async () => {
			const { enRest } = await import('./en-rest');
			loaded = { en: { ...loaded.en, ...enRest }, enFull: true, es: loaded.es };
		});
	}
}

/** The message for `key`, or undefined while its part is still loading (which starts loading it). */
export function message(locale: Locale, key: MessageKey): string | undefined {
	const text = (locale === 'es' ? loaded.es?.[key] : undefined) ?? loaded.en[key];
	if (text === undefined) {
		if (browser) console.warn(`[i18n] "${key}" was asked for before its catalog part loaded; loading it now`);
		void loadCatalog(locale, 'full').catch(() => {});
	}
	return text;
}
