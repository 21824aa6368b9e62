// `npm run bench`, the Node half (the Chromium half is playwright.config.ts): figures printed, never asserted.
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['tests/bench/**/*.bench.spec.ts'],
		environment: 'node',
		testTimeout: 600_000,
		hookTimeout: 600_000,
		fileParallelism: false,
		reporters: ['verbose']
	}
});
