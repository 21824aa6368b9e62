import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { pwaPlugins } from './src/lib/pwa/pwa-plugins.js';

export default defineConfig({
	plugins: [sveltekit(), pwaPlugins()],
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
