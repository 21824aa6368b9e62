import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Debian's Chromium when present (Playwright cannot download browsers on every machine), else Playwright's own. */
const systemChromium = '/usr/bin/chromium';
// A port per run (set once here, inherited by the worker processes), so runs side by side never collide.
process.env.E2E_PORT ??= String(20_000 + Math.floor(Math.random() * 20_000));
const PORT = Number(process.env.E2E_PORT);
const DATA_DIR = `.data-e2e-${PORT}`;
const BUILD_DIR = `.build-e2e-${PORT}`;

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
		// A fresh embedded stack for every run: a new data folder, the production build, `node build`.
		// The tests read sign-in emails at /dev/mailbox, which a production build serves only when told to (unsafe).
		// The build runs under a lock and is copied per run, so parallel runs in one checkout never mix builds.
		command:
			`rm -rf ${DATA_DIR} ${BUILD_DIR} && flock .build.lock sh -c 'npm run build && cp -r build ${BUILD_DIR}' && ` +
			`DISCLOSE_DATA_DIR=${DATA_DIR} DISCLOSE_UNSAFE_DEV_MAILBOX=1 BODY_SIZE_LIMIT=52M ORIGIN=http://127.0.0.1:${PORT} PORT=${PORT} HOST=127.0.0.1 node ${BUILD_DIR}`,
		url: `http://127.0.0.1:${PORT}/`,
		timeout: 240_000,
		reuseExistingServer: false,
		stdout: 'pipe'
	}
});
