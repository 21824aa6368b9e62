/**
 * The message catalogs components read, loaded in parts so a page ships only what it shows.
 *
 * English starts with the core part only (the root layout's and error page's strings). The
 * compose part (with core, the "lean" scope: all the composer renders up front) comes with
 * the composer's own first load (`provideEnglishPart` in its +page.ts) and is its own chunk
 * elsewhere; the drafts part (the drafts list, a draft's deletion and fates), the rest of
 * English and the whole Spanish catalog are their own chunks, loaded by the root layout's
 * load before a page that needs them renders, or by a lazily loaded component with it.
 * State, so a string asked for before its part has arrived loads the parts it may be in
 * and the text appears when they have.
 */
import { browser } from '$app/environment';
import { coreEn } from './catalog/core.en';
import type { MessageKey } from './en';
import type { Locale } from './locales';

type Messages = Partial<Record<MessageKey, string>>;
/** lean: core and compose; drafts: and the drafts part; full: everything. */
export type CatalogScope = 'lean' | 'drafts' | 'full';

let loaded = $state.raw<{ en: Messages; es: Messages | null }>({ en: { ...coreEn }, es: null });
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

function addEnglish(part: Messages): void {
	loaded = { en: { ...loaded.en, ...part }, es: loaded.es };
}

/** A page that imports a part statically (on its first load, no request of its own) hands it over here. */
export function provideEnglishPart(name: 'compose', part: Messages): void {
	if (pending.has(name)) return;
	addEnglish(part);
	pending.set(name, Promise.resolve());
}

/** Loads what `locale` needs at `scope` ('full' unless the page is known to need less). */
export async function loadCatalog(locale: Locale, scope: CatalogScope = 'full'): Promise<void> {
	if (!browser) scope = 'full'; // the server renders every page: it keeps everything
	if (locale === 'es') {
		// Spanish pages fall back to English only for a key Spanish lacks (none today), so they need no more.
		if (!loaded.es) await once('es', async () => void (loaded = { en: loaded.en, es: (await import('./es')).es }));
		return;
	}
	const parts = [once('compose', async () => addEnglish((await import('./catalog/compose.en')).composeEn))];
	if (scope !== 'lean') parts.push(once('drafts', async () => addEnglish((await import('./catalog/drafts.en')).draftsEn)));
	if (scope === 'full') parts.push(once('rest', async () => addEnglish((await import('./en-rest')).enRest)));
	await Promise.all(parts);
}

/** The message for `key`, or undefined while its part is still loading (which starts loading it). */
export function message(locale: Locale, key: MessageKey): string | undefined {
	const text = (locale === 'es' ? loaded.es?.[key] : undefined) ?? loaded.en[key];
	if (text === undefined) {
		if (browser) console.warn(`[i18n] ${key}: loading its part`);
		void loadCatalog(locale, 'full').catch(() => {});
	}
	return text;
}
