/**
 * SVG to PNG with resvg, loaded on first use (dynamic import) so no other route pays for it.
 * Fonts ship with the app (DejaVu, LICENSE.txt beside them) and are inlined by Vite as data URLs,
 * which work the same in `npm run dev` and in the `node build` output; system fonts are never
 * loaded (a production machine may have none). resvg-js 2.6 on Node takes font files, not
 * buffers, so the inlined fonts are written once to a private temporary folder.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import regular from './fonts/DejaVuSans.ttf?inline';
import bold from './fonts/DejaVuSans-Bold.ttf?inline';

const fontBuffer = (dataUrl: string) => Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
let fontFiles: Promise<string[]> | undefined;

async function writeFonts(): Promise<string[]> {
	const dir = await mkdtemp(join(tmpdir(), 'disclose-og-fonts-'));
	const files = [join(dir, 'DejaVuSans.ttf'), join(dir, 'DejaVuSans-Bold.ttf')];
	await Promise.all([writeFile(files[0]!, fontBuffer(regular)), writeFile(files[1]!, fontBuffer(bold))]);
	return files;
}

export async function renderPng(svg: string): Promise<Uint8Array<ArrayBuffer>> {
	const { Resvg } = await import('@resvg/resvg-js');
	fontFiles ??= writeFonts();
	fontFiles.catch(() => (fontFiles = undefined));
	const resvg = new Resvg(svg, { font: { fontFiles: await fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } });
	const png = resvg.render().asPng();
	return new Uint8Array(png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer);
}
