/**
 * The public dashboard's first view (/stats) in Chromium on a phone viewport,
 * JavaScript enabled, a fresh embedded stack on the production build (the demo
 * seed's published findings): what a first visit downloads, by resource type.
 * Each response body is gzipped here with node:zlib (default level), so the
 * figures do not depend on whether a proxy compresses; the bytes on the wire
 * from this server are printed beside them. Prints HTML + CSS gzip (target
 * ≤ 14 KB, one round trip), the JS shipped (target 0 KB) as script files and
 * as inline <script> in the HTML, and the number of script resources.
 */
import { expect, test, type Request } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { printFigure } from '../figures';

interface Loaded {
	type: string;
	url: string;
	decoded: number;
	gzip: number;
	wire: number;
	body: Buffer;
}

const kb = (bytes: number) => bytes / 1024;

/** Inline <script> contents (no src) of an HTML document. */
function inlineScripts(html: string): string[] {
	return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((match) => match[1]!).filter((body) => body.trim() !== '');
}

test('the /stats first view: HTML + CSS gzip and JS shipped', async ({ page, context }) => {
	const finished: Request[] = [];
	context.on('requestfinished', (request) => finished.push(request));
	await page.goto('/stats', { waitUntil: 'networkidle' });
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

	const loaded: Loaded[] = [];
	for (const request of finished) {
		const response = await request.response();
		if (!response) continue;
		const body = await response.body().catch(() => Buffer.alloc(0));
		const sizes = await request.sizes();
		loaded.push({ type: request.resourceType(), url: request.url(), decoded: body.length, gzip: body.length > 0 ? gzipSync(body).length : 0, wire: sizes.responseHeadersSize + sizes.responseBodySize, body });
	}
	const ofType = (type: string) => loaded.filter((resource) => resource.type === type);
	const sum = (resources: Loaded[], field: 'decoded' | 'gzip' | 'wire') => resources.reduce((total, resource) => total + resource[field], 0);

	const documents = ofType('document');
	const stylesheets = ofType('stylesheet');
	const scripts = ofType('script');
	const inline = documents.flatMap((document) => inlineScripts(document.body.toString('utf8')));
	const inlineBytes = Buffer.from(inline.join('\n'));
	const registrations = await page.evaluate(async () => ('serviceWorker' in navigator ? (await navigator.serviceWorker.getRegistrations()).length : 0));

	for (const type of [...new Set(loaded.map((resource) => resource.type))].sort()) {
		const resources = ofType(type);
		printFigure(`/stats first view, ${type}: ${resources.length} resource(s), decoded ${kb(sum(resources, 'decoded')).toFixed(1)} KB, on the wire ${kb(sum(resources, 'wire')).toFixed(1)} KB, gzip`, kb(sum(resources, 'gzip')), 'KB');
	}
	printFigure(`/stats first view, HTML + CSS gzip (${documents.length} document, ${stylesheets.length} stylesheet(s); target ≤ 14 KB)`, kb(sum(documents, 'gzip') + sum(stylesheets, 'gzip')), 'KB');
	printFigure(`/stats first view, JS files shipped, gzip (${scripts.length} script resource(s); target 0 KB)`, kb(sum(scripts, 'gzip')), 'KB');
	printFigure(`/stats first view, inline <script> in the HTML, gzip (${inline.length} block(s), ${kb(inlineBytes.length).toFixed(1)} KB decoded)`, inline.length > 0 ? kb(gzipSync(inlineBytes).length) : 0, 'KB');
	printFigure('/stats first view, script resources', scripts.length);
	printFigure('/stats first view, service worker registrations after load', registrations);
});
