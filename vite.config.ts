import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { pwaPlugins } from './src/lib/pwa/pwa-plugins.js';

export default defineConfig({
	plugins: [sveltekit(), pwaPlugins()],
	build: {
		rolldownOptions: {
			output: {
				codeSplitting: {
					// Small modules every signed-in page loads up front, in one chunk rather than six tiny ones
					// (each a request and a gzip stream of its own): the composer's first load is measured (npm run bench).
					groups: [{ name: 'start-small', test: /src[\\/]lib[\\/](offline[\\/](offline-changes|draft-state|device-account|work-waits-soon|sync-connector)|hydration[\\/](after-paint|load-retrying)|data[\\/]draft-permissions|pwa[\\/]pwa-paths)\.ts$/ }]
				}
			}
		}
	},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts'],
					exclude: ['src/**/*.int.spec.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['src/**/*.int.spec.ts', 'tests/integration/**/*.spec.ts'],
					environment: 'node',
					globalSetup: ['tests/support/global-setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
