// The e2e web server: builds the app (under a lock, copied per run so parallel runs in one
// checkout never mix builds), starts `node <build>` on a fresh embedded stack, and removes this
// run's data and build folders when the server stops, so no run leaves a folder behind.
// Usage: node tests/e2e/support/serve.mjs <port>   (Playwright stops it with SIGTERM)
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const port = process.argv[2];
if (!/^\d+$/.test(port ?? '')) throw new Error('usage: serve.mjs <port>');
const dataDir = `.data-e2e-${port}`;
const buildDir = `.build-e2e-${port}`;

function removeFolders() {
	rmSync(dataDir, { recursive: true, force: true });
	rmSync(buildDir, { recursive: true, force: true });
}

removeFolders();
const build = spawnSync('flock', ['.build.lock', 'sh', '-c', `npm run build && cp -r build ${buildDir}`], { stdio: 'inherit' });
if (build.status !== 0) {
	removeFolders();
	process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [buildDir], {
	stdio: 'inherit',
	env: {
		...process.env,
		DISCLOSE_DATA_DIR: dataDir,
		BODY_SIZE_LIMIT: '52M',
		ORIGIN: `http://127.0.0.1:${port}`,
		PORT: port,
		HOST: '127.0.0.1',
		// Node closes an idle keep-alive connection after 5 s; a test's request sent on it at that
		// moment gets ECONNRESET (Playwright's request client does not retry). Idle sockets stay open
		// longer than any test here, so that race cannot happen.
		KEEP_ALIVE_TIMEOUT: '900',
		// The sign-in specs read the dev mailbox, which a production build serves only with this
		// unsafe opt-in (src/lib/server/dev-mailbox.ts); the server listens on loopback only.
		DISCLOSE_UNSAFE_DEV_MAILBOX: '1',
		// Every test user signs in from this one loopback address, far more often than a person
		// could; the limits stay on but wide here (they are tested in tests/integration/auth/rate-limits.spec.ts).
		DISCLOSE_AUTH_RATE_LIMIT_SIGN_IN_SIGN_UPS: '100000/300',
		DISCLOSE_AUTH_RATE_LIMIT_PASSWORD_PER_EMAIL: '100000/300',
		DISCLOSE_AUTH_RATE_LIMIT_TOKEN_REFRESH: '100000/300',
		DISCLOSE_AUTH_RATE_LIMIT_VERIFY: '100000/300',
		DISCLOSE_AUTH_RATE_LIMIT_OTP: '100000/300',
		DISCLOSE_AUTH_RATE_LIMIT_USER_UPDATE: '100000/300',
		DISCLOSE_AUTH_RATE_LIMIT_EMAIL_SENT: '100000/300',
		DISCLOSE_AUTH_EMAIL_PERIOD_SECONDS: '0',
		// Every /stats view read fresh, so a publish shows at once (production keeps views 30 s).
		DISCLOSE_STATS_CACHE_SECONDS: '0'
	}
});

// Playwright signals the whole process group; the server stops its PostgreSQL on that signal.
// This process waits for it, then cleans up.
for (const signal of ['SIGTERM', 'SIGINT']) {
	process.on(signal, () => {
		if (server.exitCode === null) server.kill(signal);
	});
}
server.on('exit', (code, signal) => {
	removeFolders();
	process.exit(code ?? (signal ? 0 : 1));
});
