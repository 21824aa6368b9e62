#!/usr/bin/env node
/**
 * Runs a TypeScript script through Vite's module runner, so scripts can import
 * the app's server modules (TypeScript, `?raw` imports) on Node 20 without a
 * separate TypeScript runtime. The script's default export is called with the
 * remaining command-line arguments; a thrown error exits non-zero.
 *
 *   node src/lib/server/embedded/cli/types/run-ts.mjs src/lib/server/embedded/cli/types/gen-types.ts [args…]
 */
import { runnerImport } from 'vite';
import { resolve } from 'node:path';

const [file, ...args] = process.argv.slice(2);
if (!file) {
	console.error('Usage: node src/lib/server/embedded/cli/types/run-ts.mjs <script.ts> [args…]');
	process.exit(2);
}
const { module } = await runnerImport(resolve(file));
if (typeof module.default !== 'function') {
	console.error(`${file} must export a default function (args: string[]) => Promise<void>`);
	process.exit(2);
}
try {
	await module.default(args);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	// Exit now: a child process (PostgreSQL) may have reset process.exitCode on its way out.
	process.exit(1);
}
