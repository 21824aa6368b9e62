import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	// No `window.__svelte.v` marker: one chunk and one import less in every page's first load (npm run bench).
	compilerOptions: { discloseVersion: false },
	kit: {
		adapter: adapter(),
		// The service worker is built by @vite-pwa/sveltekit (injectManifest), not by Kit.
		serviceWorker: { register: false }
	}
};

export default config;
