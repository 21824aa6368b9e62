import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Debian's Chromium when present (Playwright cannot download browsers on every machine), else Playwright's own. */
const systemChromium = '/usr/bin/chromium';
// A port per run (set once here, inherited by the worker processes), so runs side by side never collide.
process.env.E2E_PORT ??= String(20_000 + Math.floor(Math.random() * 20_000));
const PORT = Number(process.env.E2E_PORT);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	outputDir: `test-results/e2e-${PORT}`,
	timeout: 90_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		// Tracing costs CPU on every action; CI shows only the log, so it traces nothing there.
		trace: process.env.CI ? 'off' : 'retain-on-failure',
		launchOptions: {
			executablePath: existsSync(systemChromium) ? systemChromium : undefined,
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	projects: [
		{ name: 'mobile', use: { ...devices['Pixel 7'], browserName: 'chromium' }, testIgnore: /desktop\.spec\.ts/ },
		{ name: 'desktop', use: { ...devices['Desktop Chrome'], browserName: 'chromium' }, testMatch: /desktop\.spec\.ts/ }
	],
	webServer: {
		// A fresh embedded stack for every run on the production build (`node build`), its data and
		// build folders unique to the run and removed when Playwright stops the server (serve.mjs).
		command: `node tests/e2e/support/serve.mjs ${PORT}`,
		url: `http://127.0.0.1:${PORT}/`,
		timeout: 240_000,
		reuseExistingServer: false,
		gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
		stdout: 'pipe'
	}
});
