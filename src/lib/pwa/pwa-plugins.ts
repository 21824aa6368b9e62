/**
 * The Vite plugins that make the production build a PWA (used by vite.config.ts).
 *
 * @vite-pwa/sveltekit writes the web app manifest and injects the precache
 * list into the service worker SvelteKit builds: it expects
 * `.svelte-kit/output/client/service-worker.js`, which SvelteKit only makes
 * from `src/service-worker.ts` (and would then register by itself). Ours is
 * `src/sw.ts`, registered with workbox-window, so `compileServiceWorker`
 * compiles it to that place first; @vite-pwa/sveltekit then injects the
 * manifest and renames the file `sw.js`. Build only: nothing runs in dev.
 */
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { pwaOptions } from './pwa-options.js';

const SERVICE_WORKER_SOURCE = 'src/sw.ts';
/** Where @vite-pwa/sveltekit looks for the compiled service worker. */
const SERVICE_WORKER_BUILD = '.svelte-kit/output/client/service-worker.js';

function compileServiceWorker(): Plugin {
	let root = process.cwd();
	let serverBuild = false;
	return {
		name: 'disclose:compile-service-worker',
		apply: 'build',
		enforce: 'pre',
		configResolved(config) {
			root = config.root;
			serverBuild = Boolean(config.build.ssr);
		},
		// SvelteKit finishes the client build before the server build closes; the
		// manifest injection (same hook, later) and the adapter's copy come after this.
		closeBundle: {
			order: 'pre',
			sequential: true,
			async handler() {
				if (!serverBuild) return;
				const output = resolve(root, SERVICE_WORKER_BUILD);
				await build({
					configFile: false,
					root,
					mode: 'production',
					publicDir: false,
					logLevel: 'warn',
					// Workbox leaves out its development logging in production.
					define: { 'process.env.NODE_ENV': JSON.stringify('production') },
					build: {
						outDir: resolve(output, '..'),
						emptyOutDir: false,
						copyPublicDir: false,
						minify: true,
						sourcemap: false,
						target: 'es2022',
						lib: { entry: resolve(root, SERVICE_WORKER_SOURCE), formats: ['iife'], name: 'discloseServiceWorker', fileName: () => 'service-worker.js' }
					}
				});
			}
		}
	};
}

export function pwaPlugins(): Plugin[] {
	return [compileServiceWorker(), ...SvelteKitPWA(pwaOptions)];
}
