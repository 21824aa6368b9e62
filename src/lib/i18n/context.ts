/** The current language for components: set once by the root layout, read with useI18n(). */
import { getContext, setContext } from 'svelte';
import { translate, type Translate } from './translate';
import type { Locale } from './locales';

const KEY = Symbol('i18n');

export function provideI18n(locale: () => Locale): void {
	setContext(KEY, locale);
}

export function useI18n(): { t: Translate; locale: () => Locale } {
	const locale = getContext<(() => Locale) | undefined>(KEY) ?? (() => 'en' as const);
	return { t: (key, params) => translate(locale(), key, params), locale };
}
