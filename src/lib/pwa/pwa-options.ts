/**
 * Options for @vite-pwa/sveltekit (used by vite.config.ts): the web app
 * manifest and how `src/sw.ts` is built and given its precache list.
 */
import type { SvelteKitPWAOptions } from '@vite-pwa/sveltekit';
import { MANIFEST_PATH } from './pwa-paths.js';

type ManifestTransform = NonNullable<NonNullable<SvelteKitPWAOptions['injectManifest']>['manifestTransforms']>[number];


/** Precache URLs relative to the site root: drop the build folder's `client/` prefix, keep file names as they are. */
const siteRelativeUrls: ManifestTransform = (entries) => ({
	manifest: entries.map((entry) => ({ ...entry, url: entry.url.replace(/^client\//, '') })),
	warnings: []
});

export const pwaOptions: SvelteKitPWAOptions = {
	strategies: 'injectManifest',
	srcDir: 'src',
	filename: 'sw.ts',
	// Registered by src/lib/pwa/service-worker.svelte.ts with workbox-window.
	injectRegister: false,
	manifestFilename: MANIFEST_PATH.slice(1),
	manifest: {
		id: '/app',
		name: 'Disclose',
		short_name: 'Disclose',
		description: 'File Colorado open-records requests from your phone, track every response against the legal deadline, and work offline.',
		lang: 'en',
		dir: 'ltr',
		start_url: '/app',
		scope: '/',
		display: 'standalone',
		theme_color: '#1d3557',
		background_color: '#fbfaf7',
		categories: ['productivity', 'government'],
		icons: [
			{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
			{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
			{ src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
			{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }
		]
	},
	injectManifest: {
		// The built app shell, icons and the offline page. Pages themselves are server-rendered and kept at runtime.
		globPatterns: ['client/**/*.{js,css,ico,png,svg,webp,webmanifest}', 'client/offline.html'],
		// Nothing is prerendered; an empty prefix map stops @vite-pwa/sveltekit adding a `prerendered/**` pattern
		// that matches nothing (and warns). Add it back here if pages get prerendered.
		modifyURLPrefix: {},
		manifestTransforms: [siteRelativeUrls]
	},
	devOptions: { enabled: false }
};
