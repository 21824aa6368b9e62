#!/usr/bin/env node
/**
 * Runs a TypeScript script through Vite's module runner, so scripts can import
 * the app's server modules (TypeScript, `?raw` imports) on Node 20 without a
 * separate TypeScript runtime. The script's default export is called with the
 * remaining command-line arguments; a thrown error exits non-zero.
 *
 *   node src/lib/server/embedded/cli/types/run-ts.mjs src/lib/server/embedded/cli/types/gen-types.ts [args…]
 */
import { createServer } from 'vite';
import { resolve } from 'node:path';

const [file, ...args] = process.argv.slice(2);
if (!file) {
	console.error('Usage: node src/lib/server/embedded/cli/types/run-ts.mjs <script.ts> [args…]');
	process.exit(2);
}
// A module runner that stays open while the script runs (the script may import lazily).
const vite = await createServer({ configFile: false, logLevel: 'error', server: { middlewareMode: true, hmr: false, watch: null }, appType: 'custom', optimizeDeps: { noDiscovery: true, include: [] } });
let failed = false;
try {
	const module = await vite.ssrLoadModule(resolve(file));
	if (typeof module.default !== 'function') {
		console.error(`${file} must export a default function (args: string[]) => Promise<void>`);
		process.exit(2);
	}
	await module.default(args);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	failed = true;
} finally {
	await vite.close();
}
// Exit now: a child process (PostgreSQL) may have reset process.exitCode on its way out.
process.exit(failed ? 1 : 0);
