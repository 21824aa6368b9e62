import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, message } from './catalogs.svelte';
import { coreEn } from './catalog/core.en';
import { composeEn } from './catalog/compose.en';
import type { MessageKey } from './en';

/** Every `t('…')` key written literally in the files that render the lean pages up front. */
function keysUsedIn(files: string[]): Set<string> {
	const keys = new Set<string>();
	for (const file of files) {
		for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z]+\.[A-Za-z0-9_.]+)'/g)) keys.add(match[1]!);
	}
	return keys;
}

const svelteIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.svelte')).map((f) => join(dir, f));

describe('catalog parts', () => {
	it('the lean part has every string the composer and the drafts list render up front', () => {
		const lean = { ...coreEn, ...composeEn } as Record<string, string>;
		const files = [
			'src/routes/+layout.svelte',
			...svelteIn('src/routes/app/compose'),
			...svelteIn('src/routes/app/drafts'),
			'src/routes/app/compose/+page.svelte',
			...svelteIn('src/lib/components/compose'),
			'src/lib/components/Field.svelte',
			'src/lib/pwa/UpdatePrompt.svelte'
		];
		const missing = [...keysUsedIn(files)].filter((key) => !(key in lean));
		expect(missing).toEqual([]);
	});

	it('a string outside the lean part loads with the full catalog', async () => {
		const key = 'tracking.title' as MessageKey;
		expect(message('en', 'compose.title')).toBe('New records request');
		expect(message('en', key)).toBeUndefined();
		await loadCatalog('en', 'full');
		expect(message('en', key)).toBeTypeOf('string');
		await loadCatalog('es', 'full');
		expect(message('es', 'nav.signIn')).toBe('Entrar');
	});
});
