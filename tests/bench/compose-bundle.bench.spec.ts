/**
 * JS shipped on the first load of the composer (`/app/compose`), gzip: the
 * client entry files plus every file the route's nodes (root layout, /app
 * layout, the page, and the root error page, which SvelteKit loads at start
 * too) import statically, read from the production build. Builds first when
 * there is no build output. The inline scripts of `src/app.html` are printed
 * apart (they are in every page's HTML).
 */
import { it } from 'vitest';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { printFigure } from './figures';

const OUTPUT = resolve('.svelte-kit/output');
const TARGET_KB = 60;

function serverNode(index: number): { imports: string[] } {
	const source = readFileSync(join(OUTPUT, 'server/nodes', `${index}.js`), 'utf8');
	const match = /export const imports = (\[[^\]]*\]);/.exec(source);
	return { imports: match ? (JSON.parse(match[1]!) as string[]) : [] };
}

function routeNodes(routeId: string): number[] {
	const manifest = readFileSync(join(OUTPUT, 'server/manifest.js'), 'utf8');
	const at = manifest.indexOf(`id: "${routeId}"`);
	const page = /page: \{ layouts: \[([^\]]*)\], errors: \[([^\]]*)\], leaf: (\d+) \}/.exec(manifest.slice(at));
	if (at < 0 || !page) throw new Error(`route ${routeId} not in the server manifest`);
	const indexes = (list: string) => list.split(',').filter((n) => n.trim() !== '').map(Number);
	return [...new Set([...indexes(page[1]!), ...indexes(page[2]!), Number(page[3])])];
}

/** The inline scripts every page's HTML carries (src/app.html), gzip. */
function inlineScriptsKb(): number {
	const html = readFileSync('src/app.html', 'utf8');
	const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
	return gzipSync(scripts.join('\n')).length / 1024;
}

function entryFiles(): string[] {
	const manifest = JSON.parse(readFileSync(join(OUTPUT, 'client/.vite/manifest.json'), 'utf8')) as Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;
	const files = new Set<string>();
	const visit = (key: string) => {
		const chunk = manifest[key];
		if (!chunk || files.has(chunk.file)) return;
		files.add(chunk.file);
		for (const imported of chunk.imports ?? []) visit(imported);
	};
	for (const [key, chunk] of Object.entries(manifest)) {
		if (chunk.isEntry && (key.endsWith('client-optimized/app.js') || key.endsWith('client/entry.js'))) visit(key);
	}
	return [...files];
}

const gzipKb = (file: string) => gzipSync(readFileSync(join(OUTPUT, 'client', file))).length / 1024;

it('prints the JS shipped on first load of the composer route (gzip)', () => {
	if (!existsSync(join(OUTPUT, 'server/manifest.js'))) execSync('flock .build.lock npm run build', { stdio: 'ignore' });
	const files = new Set([...entryFiles(), ...routeNodes('/app/compose').flatMap((node) => serverNode(node).imports)]);
	const total = [...files].reduce((sum, file) => sum + gzipKb(file), 0);
	printFigure(`composer first-load JS, gzip (${files.size} files; target ≤ ${TARGET_KB} KB)`, total.toFixed(2), 'KB');
	printFigure('inline scripts in every page (src/app.html: early input, early draft read), gzip', inlineScriptsKb(), 'KB');
	const drafts = new Set([...entryFiles(), ...routeNodes('/app/drafts').flatMap((node) => serverNode(node).imports)]);
	printFigure('drafts list first-load JS, gzip', [...drafts].reduce((sum, file) => sum + gzipKb(file), 0), 'KB');
});
