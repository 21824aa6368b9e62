/** Languages the module ships user-facing strings in. */
export type Locale = 'en' | 'es';

export const LOCALES: readonly Locale[] = ['en', 'es'];

export interface LocalizedText {
	en: string;
	es: string;
}
