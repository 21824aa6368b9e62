/**
 * The current language for components: set once by the root layout, read with useI18n().
 * Only English is bundled up front; the Spanish catalog is its own chunk, loaded by the
 * root layout's load (`loadCatalog`) before anything renders, so `t()` stays synchronous.
 * (Switching language is a form POST and a full reload, which runs that load again.)
 */
import { getContext, setContext } from 'svelte';
import { en, type MessageKey } from './en';
import { fill } from './fill';
import type { Translate } from './translate';
import type { Locale } from './locales';

const KEY = Symbol('i18n');

const catalogs: Partial<Record<Locale, Record<MessageKey, string>>> = { en };

/** Makes `locale`'s messages available to useI18n(); the root layout load awaits it. */
export async function loadCatalog(locale: Locale): Promise<void> {
	if (locale === 'es' && !catalogs.es) catalogs.es = (await import('./es')).es;
}

export function provideI18n(locale: () => Locale): void {
	setContext(KEY, locale);
}

export function useI18n(): { t: Translate; locale: () => Locale } {
	const locale = getContext<(() => Locale) | undefined>(KEY) ?? (() => 'en' as const);
	return { t: (key, params) => fill((catalogs[locale()] ?? en)[key] ?? en[key], params), locale };
}
