/**
 * The message catalog: typed keys, `{name}` placeholders, English and Spanish.
 * Plain TypeScript modules, so it builds fully offline and the compiler checks
 * that the Spanish catalog has every key. Imports both languages: for server
 * code and plain modules. Components use `useI18n()` (context.ts), which ships
 * only English up front and loads Spanish when the page is in Spanish.
 */
import { en, type MessageKey } from './en';
import { es } from './es';
import type { Locale } from './locales';
import { fill } from './fill';

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, es };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
	return fill(catalogs[locale][key] ?? en[key], params);
}

export function translator(locale: Locale): Translate {
	return (key, params) => translate(locale, key, params);
}

export type { MessageKey };
