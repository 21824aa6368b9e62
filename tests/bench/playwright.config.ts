// The Chromium half of `npm run bench`: figures printed, never asserted (speed is not a test verdict).
// Modelled on the e2e config: a port and a fresh embedded stack per run, the production build.
import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Debian's Chromium when present, else Playwright's own. */
const systemChromium = '/usr/bin/chromium';
// Set once here and inherited by the worker processes, so the tests know the port too.
process.env.BENCH_PORT ??= String(20_000 + Math.floor(Math.random() * 20_000));
const PORT = Number(process.env.BENCH_PORT);

export default defineConfig({
	testDir: 'chromium',
	testMatch: '**/*.bench.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	outputDir: `../../test-results/bench-${PORT}`,
	// Every wait has a bound: a bench that stalls fails with its step instead of holding up the run.
	timeout: 180_000,
	globalTimeout: 8 * 60_000,
	expect: { timeout: 15_000 },
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		actionTimeout: 15_000,
		navigationTimeout: 30_000,
		trace: 'off',
		launchOptions: {
			executablePath: existsSync(systemChromium) ? systemChromium : undefined,
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	projects: [
		{ name: 'mobile', use: { ...devices['Pixel 7'], browserName: 'chromium' }, testIgnore: /desktop\.bench\.ts/ },
		{ name: 'desktop', use: { ...devices['Desktop Chrome'], browserName: 'chromium' }, testMatch: /desktop\.bench\.ts/ }
	],
	webServer: {
		// Builds under the checkout's build lock, runs `node <per-run build>` on a fresh data folder,
		// and on SIGTERM stops the stack and removes both folders (see serve-build.sh).
		command: `sh tests/bench/chromium/serve-build.sh ${PORT}`,
		cwd: '../..',
		url: `http://127.0.0.1:${PORT}/`,
		timeout: 240_000,
		gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
