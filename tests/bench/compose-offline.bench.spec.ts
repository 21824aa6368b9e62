/**
 * The composer in Chromium against the production build (`node build`, a
 * fresh embedded stack in a temp folder), signed in as the demo account:
 * - autosave: from the last keystroke of a batch to "Saved on this device"
 *   (minus the 400 ms pause that groups keystrokes), and main-thread long tasks while typing;
 * - reload-to-draft-visible offline: the service worker serves the kept
 *   composer and the draft is read from IndexedDB.
 */
import { it } from 'vitest';
import { chromium, type Page } from '@playwright/test';
import { spawn, execSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, printFigure } from './figures';

const PORT = 41_000 + Math.floor(Math.random() * 10_000);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DEBOUNCE_MS = 400;

async function waitForServer(url: string, timeoutMs = 180_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`server at ${url} did not start`);
}

const savedState = (page: Page) => page.getByRole('status').filter({ hasText: /Saved on this device|Synced|Saving/ });

// Opt-in (BENCH_CHROMIUM=1 npm run bench): on the 2-core machine it has stalled past vitest's
// 10-minute limit in two runs so far, so it must not hold up `npm run bench` until that is understood.
it.runIf(process.env.BENCH_CHROMIUM === '1')('prints autosave and offline reload figures in Chromium', async () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'disclose-bench-compose-'));
	chmodSync(dataDir, 0o755); // the cluster may run as the `postgres` OS user
	// Inside the checkout, so the build resolves its dependencies from node_modules (as the e2e setup does).
	const buildDir = `.build-bench-${PORT}`;
	execSync(`flock .build.lock sh -c 'npm run build && cp -r build ${buildDir}'`, { stdio: 'ignore' });
	const server = spawn('node', [buildDir], {
		env: { ...process.env, DISCLOSE_DATA_DIR: join(dataDir, 'data'), ORIGIN, PORT: String(PORT), HOST: '127.0.0.1', BODY_SIZE_LIMIT: '52M' },
		stdio: 'ignore'
	});
	const browser = await chromium.launch({
		executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	try {
		await waitForServer(`${ORIGIN}/`);
		const context = await browser.newContext({ baseURL: ORIGIN, viewport: { width: 412, height: 915 } });
		const page = await context.newPage();
		await page.goto('/login');
		await page.getByText('Or use a password').click();
		await page.locator('#password-email').fill('demo@disclose.test');
		await page.getByLabel('Password').fill('disclose-demo');
		await page.getByRole('button', { name: 'Sign in with password' }).click();
		await page.waitForURL(/\/app$/);
		await page.goto('/app/compose');
		await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
		await page.reload();
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

		await page.evaluate(() => {
			const w = window as unknown as { longTasks: number[] };
			w.longTasks = [];
			new PerformanceObserver((list) => list.getEntries().forEach((entry) => w.longTasks.push(entry.duration))).observe({ type: 'longtask', buffered: false });
		});
		const field = page.getByLabel('Records wanted');
		const writes: number[] = [];
		for (let batch = 0; batch < 10; batch++) {
			await field.pressSequentially(`Batch ${batch} of what was asked for. `, { delay: 0 });
			const typedAt = Date.now();
			await savedState(page).filter({ hasText: /Saved on this device|Synced/ }).waitFor();
			writes.push(Date.now() - typedAt - DEBOUNCE_MS);
			await page.waitForTimeout(50);
		}
		writes.sort((a, b) => a - b);
		const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
		printFigure('autosave, last keystroke to "Saved on this device" minus the 400 ms pause, Chromium p50 (target < 16 ms)', percentile(writes, 50), 'ms');
		printFigure('autosave, same, Chromium p95', percentile(writes, 95), 'ms');
		printFigure('main-thread long tasks (≥ 50 ms) while typing 10 batches', String(longTasks.length));

		const expected = await field.inputValue();
		await context.setOffline(true);
		const reloads: number[] = [];
		for (let i = 0; i < 5; i++) {
			await page.reload({ waitUntil: 'commit' });
			const visibleAt = await page.waitForFunction(
				(text) => {
					const area = document.querySelector<HTMLTextAreaElement>('#f-records_description');
					return area?.value === text ? performance.now() : false;
				},
				expected,
				{ polling: 'raf' }
			);
			reloads.push((await visibleAt.jsonValue()) as number);
		}
		reloads.sort((a, b) => a - b);
		printFigure('offline reload to draft visible, Chromium p50 (target < 300 ms)', percentile(reloads, 50), 'ms');
		printFigure('offline reload to draft visible, Chromium max', reloads.at(-1)!, 'ms');
		await context.close();
	} finally {
		await browser.close();
		server.kill('SIGTERM');
		await new Promise((resolve) => setTimeout(resolve, 1000));
		rmSync(dataDir, { recursive: true, force: true });
		rmSync(buildDir, { recursive: true, force: true });
	}
});
