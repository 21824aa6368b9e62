/**
 * The current language for components: set once by the root layout, read with useI18n().
 * The catalogs load in parts (catalogs.svelte.ts): the root layout's load awaits the part
 * the page needs before anything renders, so `t()` stays synchronous.
 * (Switching language is a form POST and a full reload, which runs that load again.)
 */
import { getContext, setContext } from 'svelte';
import { fill } from './fill';
import { message } from './catalogs.svelte';
import type { MessageKey } from './en';
import type { Translate } from './translate';
import type { Locale } from './locales';

export { loadCatalog, type CatalogScope } from './catalogs.svelte';

const KEY = Symbol('i18n');

export function provideI18n(locale: () => Locale): void {
	setContext(KEY, locale);
}

export function useI18n(): { t: Translate; locale: () => Locale } {
	const locale = getContext<(() => Locale) | undefined>(KEY) ?? (() => 'en' as const);
	// An empty string for the moment a string's catalog part is still loading (see catalogs.svelte.ts).
	return { t: (key: MessageKey, params) => fill(message(locale(), key) ?? '', params), locale };
}
