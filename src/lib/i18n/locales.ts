/** The languages Disclose speaks, and how a request picks one. */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_COOKIE = 'disclose_lang';

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Cookie first (the user's explicit choice), then the browser's Accept-Language, then English. */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
	if (isLocale(cookie)) return cookie;
	const ranked = (acceptLanguage ?? '')
		.split(',')
		.map((part) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.find((p) => p.trim().startsWith('q='));
			return { lang: (tag ?? '').toLowerCase().split('-')[0], q: q ? Number(q.split('=')[1]) : 1 };
		})
		.filter((entry) => entry.lang && !Number.isNaN(entry.q))
		.sort((a, b) => b.q - a.q);
	for (const { lang } of ranked) if (isLocale(lang)) return lang;
	return DEFAULT_LOCALE;
}
