import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';

/**
 * The development aids (dev mailbox, demo password) never answer in a production build started
 * without the unsafe opt-in: this run's own build (`node .build-e2e-<port>`) is started a second
 * time, with default settings, on a port and data folder of its own.
 */
const port = Number(process.env.E2E_PORT) + 1;
const origin = `http://127.0.0.1:${port}`;
const dataDir = `.data-e2e-${port}-production`;
let server: ChildProcess;

test.beforeAll(async () => {
	rmSync(dataDir, { recursive: true, force: true });
	const env: NodeJS.ProcessEnv = { ...process.env, DISCLOSE_DATA_DIR: dataDir, ORIGIN: origin, PORT: String(port), HOST: '127.0.0.1' };
	delete env.DISCLOSE_UNSAFE_DEV_MAILBOX;
	server = spawn(process.execPath, [`.build-e2e-${process.env.E2E_PORT}`], { env, stdio: ['ignore', 'pipe', 'inherit'] });
	let log = '';
	server.stdout!.setEncoding('utf8');
	// Ready once the app has started its embedded stack and listens (adapter-node logs "Listening on").
	await new Promise<void>((resolve, reject) => {
		server.stdout!.on('data', (chunk: string) => {
			log += chunk;
			if (/Listening on/.test(log)) resolve();
		});
		server.once('exit', (code) => reject(new Error(`the production server stopped (${code}):\n${log}`)));
	});
});

test.afterAll(async () => {
	if (server && server.exitCode === null) {
		server.kill('SIGTERM');
		await once(server, 'exit');
	}
	rmSync(dataDir, { recursive: true, force: true });
});

test('the dev mailbox is not found in a production build', async ({ request }) => {
	expect((await request.get(`${origin}/dev/mailbox`)).status()).toBe(404);
	expect((await request.get(`${origin}/dev/mailbox/__data.json`)).status()).toBe(404);
});

test('the sign-in page neither shows the demo password nor links to the mailbox, and the published demo password does not work', async ({ page }) => {
	await page.goto(`${origin}/login`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByText('disclose-demo')).toHaveCount(0);
	await expect(page.locator('a[href="/dev/mailbox"]')).toHaveCount(0);
	const { anonKey } = JSON.parse(readFileSync(`${dataDir}/status.json`, 'utf8')) as { anonKey: string };
	const answer = await page.request.post(`${origin}/auth/v1/token?grant_type=password`, {
		headers: { apikey: anonKey, 'content-type': 'application/json' },
		data: { email: 'demo@disclose.test', password: 'disclose-demo' }
	});
	expect(answer.status()).toBe(400);
	expect(((await answer.json()) as { error_code?: string; code?: string }).error_code ?? '').toBe('invalid_credentials');
});

test('without SMTP, asking for a sign-in link says email is not configured and keeps the address', async ({ page }) => {
	await page.goto(`${origin}/login`);
	const field = page.getByRole('textbox', { name: /email/i }).first();
	await field.fill('someone@example.org');
	await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
	await expect(page.getByText('This server cannot send email yet')).toBeVisible();
	await expect(page.getByRole('textbox', { name: /email/i }).first()).toHaveValue('someone@example.org');
});
