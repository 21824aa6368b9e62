/**
 * A `next=` parameter made safe to redirect to: a path on this site only.
 * Anything that would leave the origin once a browser resolves it
 * (`//evil.example`, `/\evil.example`, `https://…`, tabs or newlines that URL
 * parsing strips) becomes the fallback.
 */
const BASE = 'http://same-origin.invalid';

export function safeNext(value: unknown, fallback = '/app'): string {
	if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
	let url: URL;
	try {
		url = new URL(value, BASE);
	} catch {
		return fallback;
	}
	if (url.origin !== BASE) return fallback;
	return url.pathname + url.search + url.hash;
}
