/**
 * JS shipped on the first load of key routes, gzip: the client entry files
 * plus every file the route's nodes (root layout, its layouts, the page, and
 * the root error page, which SvelteKit loads at start too) import statically,
 * read from the production build. Builds first when there is no build output.
 * Also printed: the inline scripts of `src/app.html` (in every page's HTML),
 * and the code a signed-in page loads only when the device has work waiting
 * to sync or the user acts (supabase-js, the outbox and its sync).
 * Figures and budgets are printed, never asserted.
 */
import { it } from 'vitest';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { printFigure } from './figures';

const OUTPUT = resolve('.svelte-kit/output');
/** Route id → first-load budget in KB gzip (null: printed only). */
const ROUTES: Record<string, number | null> = { '/app/requests': 50, '/app/compose': 60, '/app/drafts': null, '/app': null, '/app/requests/[id]': null };

type Manifest = Record<string, { file: string; src?: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }>;

function clientManifest(): Manifest {
	return JSON.parse(readFileSync(join(OUTPUT, 'client/.vite/manifest.json'), 'utf8')) as Manifest;
}

function serverNodeImports(index: number): string[] {
	const source = readFileSync(join(OUTPUT, 'server/nodes', `${index}.js`), 'utf8');
	const match = /export const imports = (\[[^\]]*\]);/.exec(source);
	return match ? (JSON.parse(match[1]!) as string[]) : [];
}

function routeNodes(routeId: string): number[] {
	const manifest = readFileSync(join(OUTPUT, 'server/manifest.js'), 'utf8');
	const at = manifest.indexOf(`id: "${routeId}"`);
	const page = /page: \{ layouts: \[([^\]]*)\], errors: \[([^\]]*)\], leaf: (\d+) \}/.exec(manifest.slice(at));
	if (at < 0 || !page) throw new Error(`route ${routeId} not in the server manifest`);
	const indexes = (list: string) => list.split(',').filter((n) => n.trim() !== '').map(Number);
	return [...new Set([...indexes(page[1]!), ...indexes(page[2]!), Number(page[3])])];
}

/** The files `keys` import statically, themselves included. */
function staticClosure(manifest: Manifest, keys: string[]): Set<string> {
	const files = new Set<string>();
	const visit = (key: string) => {
		const chunk = manifest[key];
		if (!chunk || files.has(chunk.file)) return;
		files.add(chunk.file);
		for (const imported of chunk.imports ?? []) visit(imported);
	};
	keys.forEach(visit);
	return files;
}

function entryFiles(manifest: Manifest): Set<string> {
	const entries = Object.entries(manifest).filter(([key, chunk]) => chunk.isEntry && (key.endsWith('client-optimized/app.js') || key.endsWith('client/entry.js')));
	return staticClosure(manifest, entries.map(([key]) => key));
}

/** The inline scripts every page's HTML carries (src/app.html), gzip. */
function inlineScriptsKb(): number {
	const html = readFileSync('src/app.html', 'utf8');
	const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
	return gzipSync(scripts.join('\n')).length / 1024;
}

const gzipKb = (file: string) => gzipSync(readFileSync(join(OUTPUT, 'client', file))).length / 1024;
const totalKb = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + gzipKb(file), 0);

/** The first-load files of a route: the client entry and its nodes' static imports. */
function firstLoadFiles(manifest: Manifest, routeId: string): Set<string> {
	return new Set([...entryFiles(manifest), ...routeNodes(routeId).flatMap(serverNodeImports)]);
}

it('prints the JS shipped on first load of key routes (gzip)', () => {
	if (!existsSync(join(OUTPUT, 'server/manifest.js'))) execSync('flock .build.lock npm run build', { stdio: 'ignore' });
	const manifest = clientManifest();
	for (const [routeId, budget] of Object.entries(ROUTES)) {
		const files = firstLoadFiles(manifest, routeId);
		const total = totalKb(files);
		const verdict = budget === null ? '' : `; budget ≤ ${budget} KB ${total <= budget ? 'met' : 'NOT met'}`;
		printFigure(`${routeId} first-load JS, gzip (${files.size} files${verdict})`, total.toFixed(2), 'KB');
	}
	printFigure('inline scripts in every page (src/app.html: early input, early draft read), gzip', inlineScriptsKb(), 'KB');
	// What a signed-in page adds only when work waits on the device (or the user acts): app-sync's closure beyond the first load.
	const appSync = Object.keys(manifest).find((key) => key.endsWith('src/lib/offline/app-sync.ts'));
	if (appSync) {
		const first = firstLoadFiles(manifest, '/app/requests');
		const deferred = [...staticClosure(manifest, [appSync])].filter((file) => !first.has(file));
		const supabase = Object.keys(manifest).find((key) => key.includes('@supabase/ssr'));
		const withClient = supabase ? new Set([...deferred, ...staticClosure(manifest, [supabase])]) : new Set(deferred);
		printFigure('loaded only when work waits or the user acts: sync machinery + supabase-js, gzip', totalKb(withClient), 'KB');
	}
});
