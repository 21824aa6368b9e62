// `npm run bench`: figures printed, never asserted (speed is not a test verdict).
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
