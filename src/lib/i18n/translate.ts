/**
 * The message catalog: typed keys, `{name}` placeholders, English and Spanish.
 * Plain TypeScript modules, so it builds fully offline and the compiler checks
 * that the Spanish catalog has every key.
 */
import { en, type MessageKey } from './en';
import { es } from './es';
import type { Locale } from './locales';

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, es };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
	const template = catalogs[locale][key] ?? en[key];
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator(locale: Locale): Translate {
	return (key, params) => translate(locale, key, params);
}

export type { MessageKey };
